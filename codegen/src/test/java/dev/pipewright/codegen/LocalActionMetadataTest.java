package dev.pipewright.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Actions;
import dev.pipewright.stacks.actions.LocalActions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The local action each binding embeds (and the generated local-action list serves) is the
 * committed {@code actions/<id>/action.yml} minus its header, and the list has every action and
 * nothing else.
 */
class LocalActionMetadataTest {
    private static final Path ROOT =
            Path.of(System.getProperty("pipewright.root", "..")).toAbsolutePath().normalize();

    @Test
    void localActionMetadataIsTheCommittedActionYml() throws IOException {
        String version = OwnActionSources.imageVersion();
        for (Action a : Actions.all()) {
            ActionDescriptor d = a.descriptor();
            String committed =
                    Files.readString(
                            ROOT.resolve("actions/" + d.id() + "/action.yml"),
                            StandardCharsets.UTF_8);
            String body =
                    committed
                            .lines()
                            .dropWhile(l -> l.startsWith("#"))
                            .collect(Collectors.joining("\n", "", "\n"));
            assertThat(LocalActions.all().get("pipewright-" + d.id()))
                    .as(d.id())
                    .isEqualTo(OwnBindings.metadata(d, version))
                    .isEqualTo(body);
        }
    }

    @Test
    void theListHasEveryActionOnce() {
        assertThat(LocalActions.all().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Actions.all().stream()
                                .map(a -> "pipewright-" + a.descriptor().id())
                                .toList());
    }

    @Test
    void classNamesFollowTheId() {
        assertThat(OwnBindings.className("coverage-gate")).isEqualTo("PipewrightCoverageGate");
        assertThat(OwnBindings.className("sign-keygen")).isEqualTo("PipewrightSignKeygen");
    }
}
