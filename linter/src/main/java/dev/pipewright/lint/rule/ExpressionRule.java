package dev.pipewright.lint.rule;

import dev.pipewright.github.expr.Expr;
import dev.pipewright.github.expr.ExprException;
import dev.pipewright.github.expr.Parser;
import dev.pipewright.github.expr.Type;
import dev.pipewright.lint.LintRule;
import dev.pipewright.lint.Rule;
import dev.pipewright.lint.Severity;
import dev.pipewright.lint.Workflow;
import dev.pipewright.lint.expr.Checker;
import dev.pipewright.lint.expr.TypeNames;
import dev.pipewright.lint.schema.Schema;
import dev.pipewright.lint.yaml.YMap;
import dev.pipewright.lint.yaml.YNode;
import dev.pipewright.lint.yaml.YScalar;
import dev.pipewright.lint.yaml.YSeq;
import dev.pipewright.lint.yaml.YamlFile;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code ${{ }}} expressions: syntax, functions and arity, {@code format()} placeholders, contexts
 * available at each key (from GitHub's schema) and properties of typed contexts.
 */
@Rule(
        id = "expression",
        summary =
                "${{ }} expressions parse, call known functions correctly and use contexts available at their key")
public final class ExpressionRule extends LintRule {
    /**
     * GitHub's template directive: a key {@code ${{ insert }}} merges its value (a mapping) into
     * the mapping that holds it, wherever expressions are allowed in keys; it names no context.
     */
    private static final Pattern INSERT = Pattern.compile("\\$\\{\\{\\s*insert\\s*}}");

    private static final Set<String> BARE_CONDITIONS =
            Set.of("job-if", "step-if", "job-if-result", "step-if-result", "snapshot-if");

    private Map<String, Type> workflowTypes;
    private Map<String, Type> jobTypes;

    /** The {@code steps} context of each step of the current job. */
    private Map<Workflow.Step, Type> stepTypes;

    private Workflow workflow;
    private LocalFiles local;

    /** The contexts of each workflow_call input default, and the type its input declares. */
    private final Map<YNode, Map<String, Type>> defaultTypes = new IdentityHashMap<>();

    private final Map<YNode, String> declaredTypes = new IdentityHashMap<>();

    /** GitHub's schema tells which contexts a value may use; a use it forbids is reported here. */
    @Override
    public void visitFile(YamlFile yaml) {
        reportSchemaProblems("expression");
    }

    @Override
    public void visitWorkflow(Workflow wf) {
        workflow = wf;
        local = new LocalFiles(ctx());
        workflowTypes = ContextTypes.workflowLevel(wf, ctx().config(), local);
        defaultTypes.clear();
        declaredTypes.clear();
        callInputDefaults(wf);
        for (YMap.Entry e : wf.root().entries()) {
            if (!e.key().value().equals("jobs")) {
                walk(e.value(), workflowTypes, e.key().value());
            }
        }
    }

    @Override
    public void visitJob(Workflow.Job job) {
        jobTypes = new LinkedHashMap<>(workflowTypes);
        ContextTypes.forJob(jobTypes, workflow, job, local);
        List<Type> steps = ContextTypes.steps(job, local);
        stepTypes = new IdentityHashMap<>();
        for (int i = 0; i < job.steps().size(); i++) {
            stepTypes.put(job.steps().get(i), steps.get(i));
        }
        Map<String, Type> jobLevel = new LinkedHashMap<>(jobTypes);
        jobLevel.put("steps", steps.get(steps.size() - 1));
        for (YMap.Entry e : job.body().entries()) {
            if (!e.key().value().equals("steps")) {
                walk(e.value(), jobLevel, e.key().value());
            }
        }
    }

    @Override
    public void visitStep(Workflow.Step step) {
        Map<String, Type> types = new LinkedHashMap<>(jobTypes);
        types.put("steps", stepTypes.get(step));
        walk(step.body(), types, null);
    }

    /**
     * A workflow_call input's default may use the inputs declared before it, as actionlint reads
     * GitHub's order of evaluation; its type is then checked against the input's.
     */
    private void callInputDefaults(Workflow wf) {
        YMap inputs =
                wf.on()
                        .flatMap(on -> on.map("workflow_call"))
                        .flatMap(c -> c.map("inputs"))
                        .orElse(null);
        if (inputs == null || inputs.entries().stream().anyMatch(e -> e.key().hasExpression())) {
            return;
        }
        Map<String, Type> earlier = new LinkedHashMap<>();
        for (YMap.Entry e : inputs.entries()) {
            String type =
                    e.value() instanceof YMap im ? im.string("type").orElse("string") : "string";
            if (e.value() instanceof YMap im) {
                im.get("default")
                        .ifPresent(
                                d -> {
                                    Map<String, Type> types = new LinkedHashMap<>(workflowTypes);
                                    types.put("inputs", Type.Obj.strict(earlier));
                                    defaultTypes.put(d, types);
                                    declaredTypes.put(d, type);
                                });
            }
            earlier.put(
                    e.key().value(),
                    switch (type) {
                        case "boolean" -> Type.BOOL;
                        case "number" -> Type.NUMBER;
                        default -> Type.STRING;
                    });
        }
    }

    /**
     * @param key the mapping key whose value {@code node} is, or null for an item or the top of a
     *     step
     */
    private void walk(YNode node, Map<String, Type> types, String key) {
        if (node instanceof YScalar s) {
            scalar(s, defaultTypes.getOrDefault(s, types), key);
        } else if (node instanceof YSeq seq) {
            for (YNode i : seq.items()) {
                walk(i, types, null);
            }
        } else if (node instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                if (e.key().hasExpression() && !INSERT.matcher(e.key().value()).matches()) {
                    scalar(e.key(), types, null);
                }
                walk(e.value(), types, e.key().value());
            }
        }
    }

    private void scalar(YScalar s, Map<String, Type> types, String key) {
        if (ctx().schema() == null || !s.isString()) {
            return;
        }
        List<String> available = ctx().schema().contextsAt(s);
        if (available.isEmpty()) {
            return;
        }
        String v = s.value();
        if (!v.contains("${{")) {
            if (bareCondition(s) && !v.isBlank()) {
                check(s, v, 0, available, types);
            }
            return;
        }
        int start = v.indexOf("${{");
        boolean condition = bareCondition(s);
        int length = templateLength(v);
        if (length > MAX_EXPRESSION_LENGTH) {
            report(
                    s,
                    "with its ${{ }} this value is an expression of "
                            + length
                            + " characters, longer than GitHub's"
                            + " limit of "
                            + MAX_EXPRESSION_LENGTH
                            + "; move the long text to a file or an env: variable");
            return;
        }
        while (start >= 0) {
            int end = closing(v, start + 3);
            if (end < 0) {
                report(
                        Locator.at(ctx(), s, start),
                        "expression is not closed: \"${{\" has no matching \"}}\"");
                return;
            }
            Type t = check(s, v.substring(start + 3, end), start + 3, available, types);
            boolean alone = v.substring(0, start).isBlank() && v.substring(end + 2).isBlank();
            String declared = declaredTypes.get(s);
            Type wanted =
                    "boolean".equals(declared)
                            ? Type.BOOL
                            : "number".equals(declared) ? Type.NUMBER : null;
            if (alone && wanted != null && t != Type.ANY && t != wanted) {
                report(
                        Locator.at(ctx(), s, start),
                        "type of input \""
                                + inputName(s)
                                + "\" must be "
                                + wanted
                                + " but found type "
                                + TypeNames.of(t));
            }
            if (alone && key != null) {
                shape(s, start, key, t);
            }
            if (!condition && TypeNames.isStructured(t) && (!alone || onlyScalar(s))) {
                // GitHub renders them as text of no use (null as nothing): a mistake, but the run
                // goes on
                report(
                        Locator.at(ctx(), s, start),
                        Severity.WARNING,
                        "object, array, and null values should not be evaluated in template with"
                                + " ${{ }} but evaluating the value of type "
                                + TypeNames.of(t));
            }
            start = v.indexOf("${{", end + 2);
        }
    }

    /**
     * GitHub's limit on the length of one expression, a value with ${{ }} as it rewrites it
     * included.
     */
    static final int MAX_EXPRESSION_LENGTH = 21000;

    /**
     * The length of the expression GitHub makes of a value with {@code ${{ }}}: the value alone
     * when it is one expression, else {@code format('<text, with ' { } doubled and {N} for each
     * expression>', <expressions>)}. Unclosed expressions are another finding; the text after one
     * counts as text.
     */
    static int templateLength(String v) {
        int start = v.indexOf("${{");
        int end = start < 0 ? -1 : closing(v, start + 3);
        if (start >= 0
                && end >= 0
                && v.substring(0, start).isBlank()
                && v.substring(end + 2).isBlank()) {
            return v.substring(start + 3, end).strip().length();
        }
        int length = "format('')".length();
        int from = 0;
        int n = 0;
        while (from < v.length()) {
            start = v.indexOf("${{", from);
            end = start < 0 ? -1 : closing(v, start + 3);
            int textEnd = end < 0 ? v.length() : start;
            for (int i = from; i < textEnd; i++) {
                char c = v.charAt(i);
                length += c == '\'' || c == '{' || c == '}' ? 2 : 1;
            }
            if (end < 0) {
                break;
            }
            length += ("{" + n + "}").length() + 2 + v.substring(start + 3, end).strip().length();
            n++;
            from = end + 2;
        }
        return length;
    }

    /**
     * A lone {@code ${{ }}} standing for a whole mapping ({@code env: ${{ matrix.env }}}) or for a
     * string or sequence ({@code runs-on}) must give a value of that shape, or GitHub fails the run
     * when it reads the key.
     */
    private void shape(YScalar s, int start, String key, Type t) {
        Schema schema = Schema.workflow();
        Schema.Def def = def(s);
        if (def == null || t == Type.ANY || t == Type.NULL) {
            return;
        }
        boolean mapping = !schema.defsOfKind(def, Schema.Kind.MAPPING).isEmpty();
        boolean sequence = !schema.defsOfKind(def, Schema.Kind.SEQUENCE).isEmpty();
        boolean string =
                schema.scalarDefs(def).stream().anyMatch(d -> d.kind() == Schema.Kind.STRING);
        boolean object = t instanceof Type.Obj;
        if (mapping && !sequence && schema.scalarDefs(def).isEmpty() && !object) {
            report(
                    Locator.at(ctx(), s, start),
                    "type of expression at \""
                            + key
                            + "\" must be object but found type "
                            + TypeNames.of(t));
        } else if (mapping && string && sequence && object && !takenAsMapping(schema, def, t)) {
            // runs-on takes {group, labels}; an object with other keys names no runner
            report(
                    Locator.at(ctx(), s, start),
                    "type of expression at \""
                            + key
                            + "\" must be string or array, or an object of "
                            + String.join(", ", mappingKeys(schema, def))
                            + ", but found type \""
                            + TypeNames.of(t)
                            + "\"");
        } else if (!mapping && string && sequence && object) {
            report(
                    Locator.at(ctx(), s, start),
                    "type of expression at \""
                            + key
                            + "\" must be string or array but found"
                            + " type \""
                            + TypeNames.of(t)
                            + "\"");
        }
    }

    /**
     * Whether an object type can be the mapping the schema takes: one whose keys are all the
     * mapping's (an object whose keys are not known, from {@code fromJSON}, may be).
     */
    private static boolean takenAsMapping(Schema schema, Schema.Def def, Type t) {
        Type.Obj o = (Type.Obj) t;
        boolean anyKey =
                schema.defsOfKind(def, Schema.Kind.MAPPING).stream()
                        .anyMatch(m -> m.looseKey() != null || m.props().isEmpty());
        return anyKey
                || o.rest() != null
                || mappingKeys(schema, def).containsAll(o.props().keySet());
    }

    private static Set<String> mappingKeys(Schema schema, Schema.Def def) {
        Set<String> keys = new TreeSet<>();
        schema.defsOfKind(def, Schema.Kind.MAPPING).forEach(m -> keys.addAll(m.props().keySet()));
        return keys;
    }

    /**
     * Whether the schema reads the value as a condition without {@code ${{ }}}; a key written as an
     * expression ({@code env: {${{ x }}: v}}) has no definition of its own.
     */
    private boolean bareCondition(YScalar s) {
        String name = ctx().schema().definitionOf(s);
        return name != null && BARE_CONDITIONS.contains(name);
    }

    private Schema.Def def(YScalar s) {
        String name = ctx().schema().definitionOf(s);
        if (name == null) {
            return null;
        }
        try {
            return Schema.workflow().get(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String inputName(YScalar def) {
        return workflow.on()
                .flatMap(on -> on.map("workflow_call"))
                .flatMap(c -> c.map("inputs"))
                .flatMap(
                        inputs ->
                                inputs.entries().stream()
                                        .filter(
                                                e ->
                                                        e.value() instanceof YMap m
                                                                && m.get("default").orElse(null)
                                                                        == def)
                                        .map(e -> e.key().value())
                                        .findFirst())
                .orElse("");
    }

    /**
     * Whether the schema takes only a scalar at this value: there a lone {@code ${{ }}} giving an
     * object or array is rendered as text, where elsewhere ({@code env: ${{ fromJSON(...) }}},
     * {@code runs-on}) it is the value itself.
     */
    private boolean onlyScalar(YScalar s) {
        String name = ctx().schema().definitionOf(s);
        if (name == null) {
            return false;
        }
        Schema schema = Schema.workflow();
        Schema.Def def;
        try {
            def = schema.get(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return !schema.scalarDefs(def).isEmpty()
                && schema.defsOfKind(def, Schema.Kind.MAPPING).isEmpty()
                && schema.defsOfKind(def, Schema.Kind.SEQUENCE).isEmpty();
    }

    /**
     * The index of the closing {@code }}}, skipping quoted strings as GitHub does; -1 when missing.
     */
    private static int closing(String v, int from) {
        boolean inString = false;
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '}' && i + 1 < v.length() && v.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reports the expression's problems and gives its type ({@code any} when it does not parse).
     */
    private Type check(
            YScalar s, String text, int base, List<String> available, Map<String, Type> types) {
        try {
            Expr e = Parser.parse(text);
            Checker checker = new Checker(available, types);
            for (Checker.Problem p : checker.check(e)) {
                report(
                        Locator.at(ctx(), s, base + p.offset()),
                        p.likely() ? Severity.WARNING : Severity.ERROR,
                        p.message());
            }
            return checker.result();
        } catch (ExprException ex) {
            report(
                    Locator.at(ctx(), s, base + ex.offset()),
                    "invalid expression \"" + text.strip() + "\": " + ex.getMessage());
            return Type.ANY;
        }
    }
}
