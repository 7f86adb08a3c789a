package dev.pipewright.action;

import dev.pipewright.action.checksums.ChecksumsAction;
import dev.pipewright.action.coverage.CoverageGateAction;
import dev.pipewright.action.health.HealthGateAction;
import dev.pipewright.action.lint.LintAction;
import dev.pipewright.action.promote.PromoteAction;
import dev.pipewright.action.release.ReleaseNotesAction;
import dev.pipewright.action.sbom.SbomAction;
import dev.pipewright.action.sign.AttestAction;
import dev.pipewright.action.sign.KeygenAction;
import dev.pipewright.action.sign.SignAction;
import dev.pipewright.action.sign.VerifyAction;
import java.util.List;
import java.util.Optional;

/** The registry of every action the image and the CLI can run. */
public final class Actions {
    private static final List<Action> ALL =
            List.of(
                    new CoverageGateAction(),
                    new SbomAction(),
                    new ChecksumsAction(),
                    new SignAction(),
                    new KeygenAction(),
                    new VerifyAction(),
                    new AttestAction(),
                    new ReleaseNotesAction(),
                    new PromoteAction(),
                    new HealthGateAction(),
                    new LintAction());

    private Actions() {}

    public static List<Action> all() {
        return ALL;
    }

    public static Optional<Action> byId(String id) {
        return ALL.stream().filter(a -> a.descriptor().id().equals(id)).findFirst();
    }
}
