package dev.pipewright.lint.schema;

import dev.pipewright.lint.yaml.Pos;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import java.util.List;

/**
 * GitHub's server accepts, and ignores, configuration it does not know under an event other than
 * workflow_call ({@code types: opened}, {@code branches} under {@code create}, {@code
 * workflow_dispatch: []}, {@code name:} on an input), although its workflow-parser flags it: a
 * schema problem there is a warning, whichever rule reports it. An unknown event name, and anything
 * under workflow_call (whose inputs and secrets callers rely on), stays an error.
 */
public final class LenientEvents {
    private LenientEvents() {}

    /**
     * Whether {@code problem} lies inside an event GitHub reads leniently in workflow {@code root}.
     */
    public static boolean covers(YNode root, SchemaChecker.Problem problem) {
        if (!"events".equals(problem.section()) || !(root instanceof YMap workflow)) {
            return false;
        }
        Pos pos = problem.pos();
        YMap.Entry owner = null;
        for (YMap.Entry e : workflow.map("on").map(YMap::entries).orElse(List.of())) {
            if (e.key().pos().equals(pos)) {
                return false; // the event's name itself
            }
            if (e.key().pos().compareTo(pos) < 0) {
                owner = e;
            }
        }
        return owner != null && !owner.key().value().equals("workflow_call");
    }
}
