package dev.pipewright;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.emit.YamlNode;
import dev.pipewright.model.Job;
import dev.pipewright.model.Permissions;
import dev.pipewright.model.RunsOn;
import dev.pipewright.model.Step;
import dev.pipewright.model.expr.Expr;
import dev.pipewright.model.trigger.Trigger;
import dev.pipewright.testing.KindSamples;
import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator dispatches over its sealed types through visitors so that a new permitted subtype
 * does not compile until every emitter and validator handles it. That holds only while each visitor
 * has exactly one abstract method per permitted subtype (a default method would let a new kind
 * through unhandled) and each subtype's {@code accept} calls its own method; this test keeps both
 * true.
 */
class SealedVisitorsTest {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern SEALED =
            Pattern.compile("(?m)^public\\s+sealed\\s+interface\\s+(\\w+)");

    /** Each sealed type the generator dispatches over, with one sample of each of its kinds. */
    private static final Map<Class<?>, List<?>> HIERARCHIES = new LinkedHashMap<>();

    static {
        HIERARCHIES.put(Trigger.class, KindSamples.triggers());
        HIERARCHIES.put(Step.class, KindSamples.steps());
        HIERARCHIES.put(Job.class, KindSamples.jobs().subList(2, 4));
        HIERARCHIES.put(RunsOn.class, KindSamples.runsOn());
        HIERARCHIES.put(Permissions.class, KindSamples.permissions());
        HIERARCHIES.put(Expr.class, KindSamples.exprs());
        HIERARCHIES.put(YamlNode.class, KindSamples.yamlNodes());
        HIERARCHIES.put(dev.pipewright.github.expr.Expr.class, KindSamples.coreExprs());
    }

    static Stream<Arguments> hierarchies() {
        return HIERARCHIES.entrySet().stream()
                .map(e -> Arguments.of(e.getKey().getName(), e.getKey(), e.getValue()));
    }

    @Test
    void everySealedTypeOfTheGeneratorIsDispatchedThroughAVisitor() throws IOException {
        Path src = SharedData.repoRoot().orElseThrow().resolve("generator/src/main/java");
        Set<String> sealed = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(src)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher m = SEALED.matcher(text);
            if (m.find()) {
                Matcher pm = PACKAGE.matcher(text);
                assertThat(pm.find()).as("package declaration in %s", file).isTrue();
                sealed.add(pm.group(1) + "." + m.group(1));
            }
        }
        Set<String> covered = new TreeSet<>();
        HIERARCHIES.keySet().stream()
                .filter(
                        c ->
                                c.getName().startsWith("dev.pipewright.")
                                        && !c.getName().startsWith("dev.pipewright.github."))
                .forEach(c -> covered.add(c.getName()));
        assertThat(sealed)
                .as(
                        "sealed interfaces in generator/src/main/java; give a new one a Visitor and a line "
                                + "here")
                .isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hierarchies")
    void visitorHasOneAbstractMethodPerPermittedSubtype(
            String name, Class<?> sealed, List<?> samples) {
        Class<?> visitor = visitor(sealed);
        assertThat(visitor.isInterface()).as("%s.Visitor is an interface", name).isTrue();
        TypeVariable<?>[] parameters = visitor.getTypeParameters();
        assertThat(parameters).as("%s.Visitor's type parameters", name).hasSize(1);
        List<Class<?>> handled = new ArrayList<>();
        for (Method m : visitor.getDeclaredMethods()) {
            if (m.isSynthetic() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            assertThat(Modifier.isAbstract(m.getModifiers()))
                    .as("%s is abstract: a default would let a new kind through unhandled", m)
                    .isTrue();
            assertThat(m.getName()).as("%s", m).isEqualTo("visit");
            assertThat(m.getParameterCount()).as("%s", m).isEqualTo(1);
            assertThat(m.getGenericReturnType())
                    .as("%s returns the visitor's result type", m)
                    .isEqualTo(parameters[0]);
            handled.add(m.getParameterTypes()[0]);
        }
        assertThat(handled)
                .as("kinds %s.Visitor handles", name)
                .containsExactlyInAnyOrder(sealed.getPermittedSubclasses());
        Method accept = accept(sealed);
        assertThat(Modifier.isAbstract(accept.getModifiers()))
                .as("%s.accept has no default", name)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hierarchies")
    void acceptCallsTheMethodOfItsOwnKind(String name, Class<?> sealed, List<?> samples)
            throws Exception {
        assertThat(samples.stream().map(Object::getClass).toList())
                .as("one sample of each kind of %s", name)
                .containsExactlyInAnyOrder(sealed.getPermittedSubclasses());
        Class<?> visitor = visitor(sealed);
        Method accept = accept(sealed);
        for (Object sample : samples) {
            List<Class<?>> called = new ArrayList<>();
            Object recorder =
                    Proxy.newProxyInstance(
                            visitor.getClassLoader(),
                            new Class<?>[] {visitor},
                            (proxy, method, args) -> {
                                if (method.getDeclaringClass() == Object.class) {
                                    return method.getName().equals("equals")
                                            ? proxy == args[0]
                                            : method.getName().equals("hashCode")
                                                    ? System.identityHashCode(proxy)
                                                    : "recorder";
                                }
                                called.add(method.getParameterTypes()[0]);
                                return null;
                            });
            accept.invoke(sample, recorder);
            assertThat(called)
                    .as("%s.accept calls", sample.getClass().getSimpleName())
                    .containsExactly(sample.getClass());
        }
    }

    private static Class<?> visitor(Class<?> sealed) {
        return Arrays.stream(sealed.getDeclaredClasses())
                .filter(c -> c.getSimpleName().equals("Visitor"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(sealed.getName() + " has no nested Visitor"));
    }

    private static Method accept(Class<?> sealed) {
        try {
            return sealed.getMethod("accept", visitor(sealed));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(sealed.getName() + " has no accept(Visitor)", e);
        }
    }
}
