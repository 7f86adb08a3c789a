package dev.pipewright.action.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.action.InputException;
import org.junit.jupiter.api.Test;

/**
 * A key named twice in one mapping of a Helm values file, a kustomization or a trivy ignore file is
 * refused at the second one: SnakeYAML's node API keeps both, and promote could edit the entry the
 * deploy tool does not read.
 */
class DuplicateKeysTest {
    @Test
    void helmValuesWithATagTwice() {
        String values =
                "image:\n  repository: ghcr.io/o/app\n  tag: \"1.0.0\"\n  pullPolicy: IfNotPresent\n  tag: \"0.9.0\"\n";
        assertThatThrownBy(() -> YamlText.parse("chart/values.yaml", values))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        "chart/values.yaml:5:3: key 'tag' is duplicated in this mapping; keep one of the two entries");
    }

    @Test
    void kustomizationWithNewTagTwiceInAListItem() {
        String k =
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n"
                        + "- name: ghcr.io/o/app\n  newTag: v1\n  newTag: v2\n";
        assertThatThrownBy(() -> YamlText.parse("kustomization.yaml", k))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        "kustomization.yaml:6:3: key 'newTag' is duplicated in this mapping; keep one of the two entries");
    }

    @Test
    void theSameKeyInDifferentMappingsAndMergeKeysAreNotDuplicates() {
        String values =
                "base: &base\n  tag: a\nweb:\n  <<: *base\n  tag: b\nworker:\n  <<: *base\n  tag: c\n";
        assertThat(YamlText.parse("values.yaml", values).find("worker.tag")).isPresent();
    }

    @Test
    void aRecursiveAliasIsWalkedOnce() {
        assertThat(YamlText.parse("values.yaml", "a: &x\n  b: *x\n").find("a.b")).isPresent();
    }

    @Test
    void trivyIgnoreFileWithASectionTwice() {
        String yaml =
                "vulnerabilities:\n  - id: CVE-2024-1\n    statement: not reachable\nvulnerabilities:\n  - id: CVE-2024-2\n";
        assertThatThrownBy(
                        () ->
                                Allowlist.parse(
                                        ".trivyignore.yaml", yaml, Allowlist.Mode.STRICT, s -> {}))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        ".trivyignore.yaml:4:1: key 'vulnerabilities' is duplicated in this mapping; keep one of the two entries");
    }
}
