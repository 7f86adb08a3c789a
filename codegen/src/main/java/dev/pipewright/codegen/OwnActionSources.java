package dev.pipewright.codegen;

import dev.pipewright.action.Action;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Actions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The bindings of every Pipewright action and the local-action list, from the actions' descriptors.
 */
final class OwnActionSources {
    private OwnActionSources() {}

    static List<GeneratedSource> generate() {
        String version = imageVersion();
        List<GeneratedSource> out = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Action a : Actions.all()) {
            ActionDescriptor d = a.descriptor();
            out.add(
                    OwnBindings.generate(
                            d, version, "the descriptor of " + a.getClass().getName()));
            classes.add(OwnBindings.className(d.id()));
        }
        out.add(
                LocalActionList.generate(
                        classes, "the descriptors of " + Actions.class.getName() + ".all()"));
        return out;
    }

    /** The image tag local actions run: the actions' release version without {@code -SNAPSHOT}. */
    static String imageVersion() {
        Properties p = new Properties();
        try (InputStream in =
                Action.class.getResourceAsStream("/dev/pipewright/action/version.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "dev/pipewright/action/version.properties is not on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version").replaceFirst("-SNAPSHOT$", "");
    }
}
