package dev.pipewright.stacks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pnpm/action-setup in the harness: like the action, it installs the pnpm named by its {@code
 * version} input or by package.json's {@code packageManager} (with npm, from the npm registry) and
 * puts it on {@code PATH} through the step's {@code GITHUB_PATH}. The installation and pnpm's
 * package store live under {@code ~/.cache/pipewright-harness/} of the machine's user, so later
 * runs install offline from the store (the role of setup-node's pnpm cache on a runner). Where npm
 * is missing or cannot reach the registry, the job's runtime is absent and the harness says so.
 */
final class PnpmSetup {
    private static final Pattern PACKAGE_MANAGER =
            Pattern.compile("\"packageManager\"\\s*:\\s*\"pnpm@([0-9][0-9A-Za-z.+-]*)\"");

    /** The harness's code for "runtime absent" (see JobHarness). */
    static final int ABSENT = -101;

    private PnpmSetup() {}

    static int run(Map<String, String> with, Path workspace, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        if (StandIns.onPath("pnpm")) {
            Files.writeString(log, "pnpm/action-setup: pnpm is on PATH; nothing to set up\n");
            return 0;
        }
        String version = with.get("version");
        if (version == null || version.isBlank()) {
            Path pkg = workspace.resolve(with.getOrDefault("package_json_file", "package.json"));
            Matcher m = Files.exists(pkg) ? PACKAGE_MANAGER.matcher(Files.readString(pkg)) : null;
            if (m == null || !m.find()) {
                Files.writeString(
                        log,
                        "pnpm/action-setup: no version input and no packageManager pnpm@… in "
                                + pkg
                                + "\n");
                return 1;
            }
            version = m.group(1);
        }
        if (!StandIns.onPath("npm")) {
            Files.writeString(
                    log,
                    "runtime absent: pnpm/action-setup installs pnpm "
                            + version
                            + " with npm, which this machine lacks");
            return ABSENT;
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "pipewright-harness");
        Path prefix = cache.resolve("pnpm-" + version);
        Path bin = prefix.resolve("node_modules/.bin");
        if (!Files.isExecutable(bin.resolve("pnpm"))) {
            Files.createDirectories(prefix);
            Process p =
                    new ProcessBuilder(
                                    "npm",
                                    "install",
                                    "--no-audit",
                                    "--no-fund",
                                    "--prefix",
                                    prefix.toString(),
                                    "pnpm@" + version)
                            .redirectErrorStream(true)
                            .start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)
                    || p.exitValue() != 0
                    || !Files.isExecutable(bin.resolve("pnpm"))) {
                p.destroyForcibly();
                String last =
                        out.lines()
                                .filter(l -> !l.isBlank())
                                .reduce((a, b) -> b)
                                .orElse("no output");
                Files.writeString(
                        log,
                        "runtime absent: pnpm/action-setup could not install pnpm "
                                + version
                                + " with npm ("
                                + last.strip()
                                + ")");
                return ABSENT;
            }
        }
        Files.writeString(Path.of(env.get("GITHUB_PATH")), bin + "\n", StandardOpenOption.APPEND);
        Files.writeString(
                Path.of(env.get("GITHUB_ENV")),
                "npm_config_store_dir=" + cache.resolve("pnpm-store") + "\n",
                StandardOpenOption.APPEND);
        Files.writeString(log, "pnpm/action-setup: pnpm " + version + " from " + bin + "\n");
        return 0;
    }
}
