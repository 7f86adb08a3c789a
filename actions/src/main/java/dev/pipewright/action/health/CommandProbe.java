package dev.pipewright.action.health;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a shell command ({@code sh -c}); healthy when it exits 0 within the attempt's time. */
final class CommandProbe implements Probe {
    private final String command;
    private final Path dir;

    CommandProbe(String command, Path dir) {
        this.command = command;
        this.dir = dir;
    }

    @Override
    public Attempt attempt(Duration timeout) throws InterruptedException {
        Process p;
        try {
            p =
                    new ProcessBuilder(List.of("sh", "-c", command))
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
        } catch (IOException e) {
            return new Attempt(false, "cannot start sh: " + e.getMessage());
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getInputStream(), output), "health-gate-output");
        drain.setDaemon(true);
        drain.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Attempt(false, "timed out after " + timeout.toMillis() + "ms");
        }
        drain.join(1000);
        String last;
        synchronized (output) {
            last =
                    output.toString(StandardCharsets.UTF_8)
                            .strip()
                            .lines()
                            .reduce((a, b) -> b)
                            .orElse("");
        }
        int code = p.exitValue();
        return new Attempt(
                code == 0, "exit " + code + (last.isEmpty() ? "" : ": " + abbreviate(last)));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    if (out.size() < 64 * 1024) {
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            // The process ended; what was read is enough for the report.
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    @Override
    public String target() {
        return command;
    }
}
