package dev.pipewright.lint.audit;

import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audits:} section of {@code .github/pipewright-lint.yml}:
 * <pre>
 * audits:
 *   unpinned-uses:
 *     allow-owners: [actions, github]   # tags allowed for these owners (default: none, pin everything)
 *   pedantic: true                      # also report version-tagged images without a digest
 * </pre>
 */
public record AuditPolicy(List<String> allowOwners, boolean pedantic) {
    public AuditPolicy {
        allowOwners = List.copyOf(allowOwners);
    }

    public static AuditPolicy defaults() {
        return new AuditPolicy(List.of(), false);
    }

    /** True when {@code owner/repo} may be referenced by tag or branch. */
    public boolean allowsUnpinned(String owner) {
        return allowOwners.stream().anyMatch(o -> o.equalsIgnoreCase(owner) || o.equals("*"));
    }

    /** Reads the section; a bad one is a usage error with its position. */
    public static AuditPolicy parse(Path file, YNode node) {
        if (node == null || node instanceof YScalar s && s.isNull()) {
            return defaults();
        }
        if (!(node instanceof YMap m)) {
            throw new IllegalArgumentException(file + ":" + node.pos() + ": audits must be a mapping");
        }
        List<String> owners = new ArrayList<>();
        boolean pedantic = false;
        for (YMap.Entry e : m.entries()) {
            switch (e.key().value()) {
                case "unpinned-uses" -> {
                    if (!(e.value() instanceof YMap u)) {
                        throw new IllegalArgumentException(file + ":" + e.value().pos() + ": unpinned-uses must be a mapping");
                    }
                    for (YMap.Entry ue : u.entries()) {
                        if (!ue.key().value().equals("allow-owners") || !(ue.value() instanceof YSeq seq)) {
                            throw new IllegalArgumentException(file + ":" + ue.key().pos()
                                    + ": expected \"allow-owners: [owner, ...]\" under unpinned-uses");
                        }
                        seq.items().stream().filter(YScalar.class::isInstance).map(i -> ((YScalar) i).value()).forEach(owners::add);
                    }
                }
                case "pedantic" -> pedantic = e.value() instanceof YScalar s && s.value().equals("true");
                default -> throw new IllegalArgumentException(file + ":" + e.key().pos() + ": unknown audits key \""
                        + e.key().value() + "\"; expected unpinned-uses or pedantic");
            }
        }
        return new AuditPolicy(owners, pedantic);
    }
}
