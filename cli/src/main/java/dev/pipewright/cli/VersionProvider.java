package dev.pipewright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into the jar, so {@code --version} never drifts from the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"pipewright " + version()};
    }

    /**
     * The version of this build, or "unknown" when the jar carries none (classes run from an IDE).
     */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in =
                VersionProvider.class.getResourceAsStream("/pipewright-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar that cannot be read here could not have started either; say unknown rather than
            // fail --version
        }
        return p.getProperty("version", "unknown");
    }
}
