package dev.pipewright.action.sbom;

import dev.pipewright.action.sbom.catalog.ActionsCataloger;
import dev.pipewright.action.sbom.catalog.CargoLockCataloger;
import dev.pipewright.action.sbom.catalog.Cataloger;
import dev.pipewright.action.sbom.catalog.ComposerLockCataloger;
import dev.pipewright.action.sbom.catalog.GemfileLockCataloger;
import dev.pipewright.action.sbom.catalog.GoBinaryCataloger;
import dev.pipewright.action.sbom.catalog.GoModCataloger;
import dev.pipewright.action.sbom.catalog.GoSumCataloger;
import dev.pipewright.action.sbom.catalog.GradleLockCataloger;
import dev.pipewright.action.sbom.catalog.JarCataloger;
import dev.pipewright.action.sbom.catalog.NuGetLockCataloger;
import dev.pipewright.action.sbom.catalog.PackageLockCataloger;
import dev.pipewright.action.sbom.catalog.PipfileLockCataloger;
import dev.pipewright.action.sbom.catalog.PnpmLockCataloger;
import dev.pipewright.action.sbom.catalog.PoetryLockCataloger;
import dev.pipewright.action.sbom.catalog.PomCataloger;
import dev.pipewright.action.sbom.catalog.PubspecLockCataloger;
import dev.pipewright.action.sbom.catalog.RequirementsCataloger;
import dev.pipewright.action.sbom.catalog.SwiftResolvedCataloger;
import dev.pipewright.action.sbom.catalog.UvLockCataloger;
import dev.pipewright.action.sbom.catalog.YarnLockCataloger;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Walks a directory (or takes one file), hands each file to the first cataloger that accepts it, in
 * path order, and returns the catalog; {@code .git} and {@code node_modules} are not entered (the
 * lockfiles describe the latter).
 */
public final class Scanner {
    /** Every cataloger, most specific first. */
    public static final List<Cataloger> CATALOGERS =
            List.of(
                    new GoModCataloger(),
                    new GoSumCataloger(),
                    new PackageLockCataloger(),
                    new PnpmLockCataloger(),
                    new YarnLockCataloger(),
                    new UvLockCataloger(),
                    new PoetryLockCataloger(),
                    new PipfileLockCataloger(),
                    new RequirementsCataloger(),
                    new CargoLockCataloger(),
                    new GemfileLockCataloger(),
                    new ComposerLockCataloger(),
                    new NuGetLockCataloger(),
                    new SwiftResolvedCataloger(),
                    new PubspecLockCataloger(),
                    new PomCataloger(),
                    new GradleLockCataloger(),
                    new JarCataloger(),
                    new ActionsCataloger(),
                    new GoBinaryCataloger());

    private final List<Cataloger> catalogers;

    public Scanner(List<Cataloger> catalogers) {
        this.catalogers = List.copyOf(catalogers);
    }

    public Scanner() {
        this(CATALOGERS);
    }

    /**
     * Catalogs {@code start}; {@code display} turns a path into the name shown in messages and
     * sources. With {@code includeDev} false, dev-only components are dropped after all files are
     * read.
     */
    public Catalog scan(Path start, Function<Path, String> display, boolean includeDev)
            throws IOException {
        Catalog catalog = new Catalog();
        Cataloger.Options options = new Cataloger.Options(includeDev);
        for (Path file : files(start)) {
            String rel =
                    Files.isDirectory(start)
                            ? start.relativize(file).toString().replace('\\', '/')
                            : file.getFileName().toString();
            for (Cataloger c : catalogers) {
                if (c.accepts(file, rel)) {
                    String shown = display.apply(file);
                    c.read(file, shown, catalog, options);
                    catalog.fileRead(shown);
                    break;
                }
            }
        }
        if (!includeDev) {
            catalog.dropDev();
        }
        catalog.pruneEdges();
        return catalog;
    }

    private static List<Path> files(Path start) throws IOException {
        if (Files.isRegularFile(start)) {
            return List.of(start);
        }
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(
                start,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        return !dir.equals(start) && (n.equals(".git") || n.equals("node_modules"))
                                ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            out.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        out.sort(Comparator.comparing(p -> start.relativize(p).toString().replace('\\', '/')));
        return out;
    }
}
