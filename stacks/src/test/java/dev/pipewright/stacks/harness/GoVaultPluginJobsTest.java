package dev.pipewright.stacks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The go-vault-plugin workflows run on the go-vault-plugin fixture: artifact → deploy per
 * environment → rollback, with Vault replaced by a stand-in that behaves like a server with a
 * plugin directory (register fails unless the binary with that SHA-256 is in it).
 */
class GoVaultPluginJobsTest {
    private static String signingKey;

    @TempDir Path run;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        signingKey =
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
        GoRuntime.assumeGo();
    }

    private JobHarness harness() {
        return new JobHarness(SharedData.repoRoot().orElseThrow(), "go-vault-plugin", run);
    }

    /**
     * A Vault server whose plugin_directory is {@code pluginDir}: register checks the binary and
     * its SHA-256 there.
     */
    static String vaultServer(Path pluginDir) {
        return "case \"$1 $2\" in\n"
                + "  'version '*) echo 'Vault v1.18.3' ;;\n"
                + "  'plugin register')\n"
                + "    for a in \"$@\"; do case \"$a\" in -sha256=*) sha=${a#-sha256=} ;; -command=*) cmd=${a#-command=} ;; esac; done\n"
                + "    f='"
                + pluginDir
                + "'/\"$cmd\"\n"
                + "    [ -f \"$f\" ] || { echo \"Error registering plugin $cmd: no such file in the plugin directory\" >&2; exit 2; }\n"
                + "    [ \"$(sha256sum \"$f\" | cut -d' ' -f1)\" = \"$sha\" ] || { echo 'Error registering plugin: sha256 mismatch' >&2; exit 2; } ;;\n"
                + "  'secrets list') echo '{}' ;;\n"
                + "esac\n";
    }

    /** Calls that talk to a Vault server ({@code vault version} is local). */
    private static List<StandIns.Call> serverCalls(JobHarness.JobRun r) {
        return r.calls("vault").stream().filter(c -> !c.args().equals(List.of("version"))).toList();
    }

    private JobHarness.JobRun artifact(JobHarness h) throws Exception {
        JobHarness.JobRun a =
                h.run(
                        new JobHarness.Run("cd.yml", "artifact")
                                .fixture(Fixtures.fixture("go-vault-plugin"))
                                .secret("PLUGIN_SIGNING_KEY", signingKey)
                                .secret("PLUGIN_SIGNING_PASSWORD", ""));
        assertThat(a.succeeded()).as(a.transcript()).isTrue();
        return a;
    }

    @Test
    void artifactThenEveryDeployVerifiesDeliversRegistersAndChecksHealth() throws Exception {
        JobHarness h = harness();
        JobHarness.JobRun a = artifact(h);
        assertThat(a.step("image").outcome()).isEqualTo("skipped");
        assertThat(JobHarness.files(run.resolve("artifacts/plugin")))
                .contains(
                        "vault-plugin-secrets-payments",
                        "vault-plugin-secrets-payments.sha256",
                        "vault-plugin-secrets-payments.sig",
                        "vault-plugin-secrets-payments.spdx.json");

        for (String[] env :
                List.of(
                        new String[] {"dev", "order"},
                        new String[] {"staging", "purchase"},
                        new String[] {"production", "payment"})) {
            Path pluginDir = Files.createDirectories(run.resolve("vault-" + env[0] + "-plugins"));
            String addr = "https://vault-" + env[0] + ".payments.internal:8200";
            JobHarness.JobRun d =
                    h.run(
                            new JobHarness.Run("cd.yml", "deploy-" + env[0])
                                    .fixture(Fixtures.fixture("go-vault-plugin"))
                                    .var("VAULT_ADDR", addr)
                                    .var("VAULT_PLUGIN_DIR", pluginDir.toString())
                                    .secret("VAULT_TOKEN", "hvs.harness")
                                    .behaviour("vault", vaultServer(pluginDir)));
            assertThat(d.succeeded()).as(d.transcript()).isTrue();
            assertThat(d.step("verify-checksum").outcome()).isEqualTo("success");
            List<String> vault = d.calls("vault").stream().map(StandIns.Call::argLine).toList();
            assertThat(vault)
                    .as(d.transcript())
                    .contains(
                            "read " + env[1] + "/health",
                            "secrets enable -path=" + env[1] + " vault-plugin-secrets-payments");
            assertThat(
                            vault.stream()
                                    .filter(c -> c.startsWith("plugin register -sha256="))
                                    .toList())
                    .hasSize(1);
            assertThat(serverCalls(d))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.env()).containsEntry("VAULT_ADDR", addr));
            assertThat(pluginDir.resolve("vault-plugin-secrets-payments")).isExecutable();
        }
    }

    @Test
    void unitPublishesTheCoverageProfileAndItsHtmlReport() throws Exception {
        JobHarness.JobRun u =
                harness()
                        .run(
                                new JobHarness.Run("ci.yml", "unit")
                                        .fixture(Fixtures.fixture("go-vault-plugin")));
        assertThat(u.step("test").outcome()).as(u.transcript()).isEqualTo("success");
        assertThat(u.step("coverage-report").outcome()).as(u.transcript()).isEqualTo("success");
        Path coverage = run.resolve("artifacts/coverage");
        assertThat(JobHarness.files(coverage)).contains("coverage.out", "coverage.html");
        // go tool cover's page: the fixture's own source, annotated
        assertThat(Files.readString(coverage.resolve("coverage.html")))
                .contains("<html")
                .contains("backend.go");
    }

    @Test
    void rollbackReRegistersThePreviousBinaryOnEveryEnvironmentsOwnVault() throws Exception {
        JobHarness h = harness();
        artifact(h);
        Path previous = run.resolve("artifacts/plugin");
        String gh =
                "case \"$1 $2\" in\n"
                        + "  'release list') echo v1.4.0 ;;\n"
                        + "  'release download')\n"
                        + "    dir=.; prev=''; for a in \"$@\"; do [ \"$prev\" = --dir ] && dir=$a; prev=$a; done\n"
                        + "    mkdir -p \"$dir\" && cp '"
                        + previous
                        + "'/vault-plugin-secrets-payments* \"$dir\"/ ;;\n"
                        + "esac\n";
        Map<String, String> mounts =
                Map.of("dev", "order", "staging", "purchase", "production", "payment");
        for (String env : List.of("dev", "staging", "production")) {
            Path pluginDir = Files.createDirectories(run.resolve("rollback-" + env + "-plugins"));
            String addr = "https://vault-" + env + ".payments.internal:8200";
            JobHarness.JobRun r =
                    h.run(
                            new JobHarness.Run("rollback.yml", "rollback-" + env)
                                    .fixture(Fixtures.fixture("go-vault-plugin"))
                                    .input("releases-back", "1")
                                    .var("VAULT_ADDR", addr)
                                    .var("VAULT_PLUGIN_DIR", pluginDir.toString())
                                    .secret("VAULT_TOKEN", "hvs.harness")
                                    .behaviour("vault", vaultServer(pluginDir))
                                    .behaviour("gh", gh));
            assertThat(r.succeeded()).as(r.transcript()).isTrue();
            assertThat(serverCalls(r))
                    .as(r.transcript())
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.env()).containsEntry("VAULT_ADDR", addr));
            List<String> reads =
                    r.calls("vault").stream()
                            .map(StandIns.Call::argLine)
                            .filter(c -> c.startsWith("read "))
                            .toList();
            assertThat(reads).containsOnly("read " + mounts.get(env) + "/health");
            assertThat(pluginDir.resolve("vault-plugin-secrets-payments")).isExecutable();
        }
    }
}
