package dev.pipewright.lint.rule;

import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/** Small helpers over YAML nodes shared by rules. */
final class Nodes {
    private Nodes() {}

    /**
     * A scalar or a sequence of scalars as a list of scalars (GitHub accepts both in many places).
     */
    static List<YScalar> scalars(YNode n) {
        List<YScalar> out = new ArrayList<>();
        if (n instanceof YScalar s && !s.isNull()) {
            out.add(s);
        } else if (n instanceof YSeq seq) {
            for (YNode i : seq.items()) {
                if (i instanceof YScalar s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
