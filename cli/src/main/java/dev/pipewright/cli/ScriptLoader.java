package dev.pipewright.cli;

import dev.pipewright.pipeline.FileSource;
import dev.pipewright.pipeline.Pipeline;
import dev.pipewright.pipeline.Scripts;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a single-file pipeline script (the file JBang runs) with the JDK's own compiler, against
 * the CLI's class path, and loads its pipelines: those its {@code main} passes to {@link
 * Scripts#run}, else every concrete {@link Pipeline} class it defines with a no-argument
 * constructor.
 */
final class ScriptLoader {
    private ScriptLoader() {}

    /**
     * A script that cannot be used; the message is one line, {@code file:line:col: message} when
     * javac says where.
     */
    static final class ScriptException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScriptException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The script's pipelines as sources; display names the file in error messages. */
    static List<FileSource> load(Path script, String display) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new ScriptException(display + ": no such file", null);
        }
        Path classes = compile(script, display);
        URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, ScriptLoader.class.getClassLoader());
        List<Class<?>> types = new ArrayList<>();
        for (String name : classNames(classes)) {
            try {
                types.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ScriptException(display + ": cannot load " + name + ": " + e, e);
            }
        }
        List<Pipeline> pipelines = fromMain(types, display);
        if (pipelines.isEmpty()) {
            pipelines = instantiate(types, display);
        }
        if (pipelines.isEmpty()) {
            throw new ScriptException(
                    display
                            + ": defines no pipeline; implement dev.pipewright.pipeline.Pipeline in"
                            + " a class with a no-argument constructor, or pass the pipelines to Scripts.run in main",
                    null);
        }
        return pipelines.stream().map(FileSource::of).toList();
    }

    private static Path compile(Path script, String display) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new ScriptException(
                    display
                            + ": compiling a script needs a JDK, not a JRE; run pipewright with a "
                            + "JDK's java, or run the script with jbang",
                    null);
        }
        Path classes = Files.createTempDirectory("pipewright-script");
        deleteOnExit(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options =
                    List.of(
                            "-d",
                            classes.toString(),
                            "-classpath",
                            classPath(),
                            "-proc:none",
                            "-encoding",
                            "UTF-8",
                            "-nowarn",
                            "-implicit:none");
            boolean ok =
                    javac.getTask(
                                    null,
                                    files,
                                    diagnostics,
                                    options,
                                    null,
                                    files.getJavaFileObjects(script.toFile()))
                            .call();
            if (!ok) {
                throw new ScriptException(firstError(diagnostics, display), null);
            }
        }
        return classes;
    }

    /** The first error as one line, {@code file:line:col: message}, in javac's own words. */
    private static String firstError(
            DiagnosticCollector<JavaFileObject> diagnostics, String display) {
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("error");
                return d.getLineNumber() == Diagnostic.NOPOS
                        ? display + ": " + message
                        : display
                                + ":"
                                + d.getLineNumber()
                                + ":"
                                + d.getColumnNumber()
                                + ": "
                                + message;
            }
        }
        return display + ": does not compile";
    }

    /** The CLI's own class path, with the jars or directories of Pipewright's API spelled out. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        for (Class<?> c : List.of(Pipeline.class, ScriptLoader.class)) {
            try {
                var source = c.getProtectionDomain().getCodeSource();
                if (source != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
                // not a file location; java.class.path has to do
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> classNames(Path classes) throws IOException {
        try (Stream<Path> s = Files.walk(classes)) {
            return s.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace(File.separatorChar, '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The pipelines the script's main hands to {@link Scripts#run}, without generating anything.
     */
    private static List<Pipeline> fromMain(List<Class<?>> types, String display) {
        List<Pipeline> found = new ArrayList<>();
        for (Class<?> type : types) {
            Method main;
            try {
                main = type.getDeclaredMethod("main", String[].class);
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (!Modifier.isStatic(main.getModifiers())) {
                continue;
            }
            main.setAccessible(true);
            found.addAll(
                    Scripts.collect(
                            () -> {
                                try {
                                    main.invoke(null, (Object) new String[0]);
                                } catch (InvocationTargetException e) {
                                    throw new ScriptException(
                                            display + ": main failed: " + e.getCause(),
                                            e.getCause());
                                } catch (IllegalAccessException e) {
                                    throw new ScriptException(
                                            display + ": cannot call main: " + e.getMessage(), e);
                                }
                            }));
        }
        return found;
    }

    /**
     * One instance of each concrete Pipeline class with a no-argument constructor, in class name
     * order.
     */
    private static List<Pipeline> instantiate(List<Class<?>> types, String display) {
        List<Pipeline> found = new ArrayList<>();
        for (Class<?> type : types.stream().sorted(Comparator.comparing(Class::getName)).toList()) {
            if (!Pipeline.class.isAssignableFrom(type)
                    || type.isInterface()
                    || Modifier.isAbstract(type.getModifiers())
                    || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
                continue;
            }
            try {
                Constructor<?> c = type.getDeclaredConstructor();
                c.setAccessible(true);
                found.add((Pipeline) c.newInstance());
            } catch (NoSuchMethodException e) {
                // a pipeline needing arguments is built by main instead
            } catch (InvocationTargetException e) {
                throw new ScriptException(
                        display + ": new " + type.getSimpleName() + "() failed: " + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new ScriptException(
                        display + ": cannot create " + type.getName() + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try (Stream<Path> s = Files.walk(dir)) {
                                        for (Path p :
                                                s.sorted(Comparator.reverseOrder()).toList()) {
                                            Files.deleteIfExists(p);
                                        }
                                    } catch (IOException e) {
                                        // a temporary directory left behind is harmless
                                    }
                                }));
    }
}
