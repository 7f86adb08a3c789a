package dev.pipewright.stacks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Recording stand-ins for tools a runner has and this machine lacks (vault, kubectl, helm…): a bash
 * script on {@code PATH} per tool that writes its argv, working directory and the variables named
 * after it ({@code VAULT_*} for vault) to a call file, then runs the behaviour the test gave
 * (default: succeed silently).
 */
final class StandIns {
    /**
     * Tools that reach servers, clusters, databases or registries: always replaced (docker has a
     * client here but no daemon).
     */
    static final List<String> REMOTE =
            List.of(
                    "vault",
                    "kubectl",
                    "helm",
                    "kind",
                    "cosign",
                    "trivy",
                    "buf",
                    "gitleaks",
                    "gh",
                    "docker",
                    "kustomize",
                    "az",
                    "alembic");

    /** Local tools a job may call: replaced only where this machine does not have them. */
    static final List<String> LOCAL =
            List.of("golangci-lint", "govulncheck", "markdownlint-cli2", "uv");

    /** One recorded invocation. */
    record Call(String tool, List<String> args, String cwd, Map<String, String> env) {
        String argLine() {
            return String.join(" ", args);
        }
    }

    private final Path bin;
    private final Path calls;

    StandIns(Path dir, Map<String, String> behaviours) {
        this.bin = dir.resolve("bin");
        this.calls = dir.resolve("calls");
        try {
            Files.createDirectories(bin);
            Files.createDirectories(calls);
            Map<String, String> all = new LinkedHashMap<>();
            REMOTE.forEach(t -> all.put(t, ""));
            LOCAL.stream().filter(t -> !onPath(t)).forEach(t -> all.put(t, ""));
            all.putAll(behaviours);
            for (Map.Entry<String, String> e : all.entrySet()) {
                write(e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    Path bin() {
        return bin;
    }

    private void write(String tool, String behaviour) throws IOException {
        String prefix = tool.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        String script =
                "#!/usr/bin/env bash\n"
                        + "# Recording stand-in for "
                        + tool
                        + " (the harness's, not the real tool).\n"
                        + "f=\""
                        + calls
                        + "/$(date +%s%N)-$$-"
                        + tool
                        + "\"\n"
                        + "{ printf '%s\\0' \"$PWD\" \"$#\"; for a in \"$@\"; do printf '%s\\0' \"$a\"; done;\n"
                        + "  env -0 | grep -z '^"
                        + prefix
                        + "\\|^KUBECONFIG=\\|^GH_TOKEN=\\|^GITHUB_TOKEN=' || true; } > \"$f.tmp\" && mv \"$f.tmp\" \"$f\"\n"
                        + (behaviour.isEmpty() ? "exit 0\n" : behaviour + "\n");
        Path p = bin.resolve(tool);
        Files.writeString(p, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Every call so far, in the order made. */
    List<Call> calls() {
        List<Call> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(calls)) {
            List<Path> files =
                    s.filter(p -> !p.toString().endsWith(".tmp")).sorted(StandIns::byTime).toList();
            for (Path f : files) {
                String name = f.getFileName().toString();
                String tool = name.substring(name.indexOf('-', name.indexOf('-') + 1) + 1);
                List<String> parts =
                        Arrays.asList(
                                new String(Files.readAllBytes(f), StandardCharsets.UTF_8)
                                        .split("\0", -1));
                int argc = Integer.parseInt(parts.get(1));
                List<String> args = List.copyOf(parts.subList(2, 2 + argc));
                Map<String, String> env = new TreeMap<>();
                for (String kv : parts.subList(2 + argc, parts.size())) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        env.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
                out.add(new Call(tool, args, parts.get(0), env));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int byTime(Path a, Path b) {
        long ta = Long.parseLong(a.getFileName().toString().split("-")[0]);
        long tb = Long.parseLong(b.getFileName().toString().split("-")[0]);
        return ta != tb ? Long.compare(ta, tb) : a.compareTo(b);
    }
}
