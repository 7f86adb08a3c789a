package dev.pipewright.codegen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one entry point of code generation: every committed generated Java source (third-party
 * bindings, our actions' bindings and local-action list, GitHub's rule tables, the linter's data
 * tables), made from files committed in the repository only, so the output is a pure function of
 * the checkout.
 *
 * <p>{@code Codegen [--check] [ROOT]} rewrites what differs, or with {@code --check} only lists it;
 * exit 0 when nothing was stale, 1 when something was (with {@code --check}), 2 on bad usage, 3
 * when an input cannot be read.
 */
public final class Codegen {
    private Codegen() {}

    /** Every generated source, sorted by path. */
    public static List<GeneratedSource> generate(Path root) {
        List<GeneratedSource> out = new ArrayList<>();
        out.addAll(ThirdPartyBindings.generate(root));
        out.addAll(OwnActionSources.generate());
        out.addAll(SchemaDefinitionTables.generate(root));
        out.add(ContextAvailabilityTable.generate(root));
        out.add(PermissionScopesTable.generate(root));
        out.add(WebhookEventsTable.generate(root));
        out.add(RunnerLabelsTable.generate(root));
        out.add(OutdatedActionsTable.generate(root));
        out.add(PopularActionsTable.generate(root));
        out.sort(Comparator.comparing(GeneratedSource::path));
        Set<String> paths = new TreeSet<>();
        for (GeneratedSource s : out) {
            if (!paths.add(s.path())) {
                throw new IllegalStateException("two generators write " + s.path());
            }
        }
        return out;
    }

    /**
     * Writes every source that differs and deletes generated files nothing produces; returns the
     * changed paths.
     */
    public static List<String> write(Path root) throws IOException {
        List<GeneratedSource> sources = generate(root);
        List<String> changed = new ArrayList<>();
        for (DriftCheck.Drift d : DriftCheck.compare(root, sources)) {
            Path file = root.resolve(d.path());
            if (d.expected() == null) {
                Files.delete(file);
            } else {
                Files.createDirectories(file.getParent());
                Files.writeString(file, d.expected(), StandardCharsets.UTF_8);
            }
            changed.add(d.path());
        }
        return changed;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean check = false;
        Path root = null;
        for (String a : args) {
            if (a.equals("--check")) {
                check = true;
            } else if (a.startsWith("-") || root != null) {
                err.println(
                        "codegen: usage: Codegen [--check] [ROOT] (unexpected argument '"
                                + a
                                + "')");
                return 2;
            } else {
                root = Path.of(a);
            }
        }
        if (root == null) {
            root = Path.of(System.getProperty("pipewright.root", "."));
        }
        if (!Files.isRegularFile(root.resolve(BindingCatalog.INDEX))) {
            err.println(
                    "codegen: "
                            + root
                            + " is not a Pipewright checkout (no "
                            + BindingCatalog.INDEX
                            + ")");
            return 2;
        }
        try {
            if (check) {
                List<DriftCheck.Drift> drift = DriftCheck.compare(root, generate(root));
                drift.forEach(d -> out.println(d.message()));
                return drift.isEmpty() ? 0 : 1;
            }
            write(root).forEach(p -> out.println("codegen: wrote " + p));
            return 0;
        } catch (IOException
                | UncheckedIOException
                | IllegalArgumentException
                | IllegalStateException e) {
            err.println("codegen: " + e.getMessage());
            return 3;
        }
    }
}
