package dev.pipewright.emit;

/**
 * An empty value, written as nothing after its key or dash ({@code create:}), which YAML 1.1 and
 * 1.2 both read as null. GitHub requires it for events that take no configuration.
 */
public enum YamlNull implements YamlNode {
    INSTANCE;

    @Override
    public <R> R accept(YamlNode.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
