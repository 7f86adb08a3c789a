package dev.pipewright.action.promote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.action.InputException;
import dev.pipewright.action.JsonErrors;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Waivers from {@code .trivyignore} ({@code ID [exp:YYYY-MM-DD]}, the reason in the comment above
 * or after it), {@code .trivyignore.yaml} ({@code statement}, {@code expired_at}, {@code paths},
 * {@code purls}) or an OpenVEX document ({@code not_affected}/{@code fixed} statements, the reason
 * from justification and impact statement).
 */
final class Allowlist {
    /**
     * {@link #STRICT}: a waiver without reason or with a bad date is bad input; {@link #TRIVY}:
     * trivy's leniency.
     */
    enum Mode {
        STRICT,
        TRIVY
    }

    /**
     * @param expires null for no expiry
     * @param paths targets the waiver is limited to (globs); empty for all
     * @param purls packages the waiver is limited to; empty for all
     */
    record Waiver(
            String id,
            String reason,
            LocalDate expires,
            List<String> paths,
            List<String> purls,
            String file,
            int line) {
        /** Trivy: expired once midnight UTC of the date is before now. */
        boolean expired(Instant now) {
            return expires != null
                    && expires.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(now);
        }

        boolean covers(TrivyReport.Finding f) {
            if (!id.equals(f.id())) {
                return false;
            }
            boolean pathOk =
                    paths.isEmpty()
                            || paths.stream()
                                    .anyMatch(
                                            p ->
                                                    p.equals(f.target())
                                                            || FileSystems.getDefault()
                                                                    .getPathMatcher("glob:" + p)
                                                                    .matches(Path.of(f.target())));
            boolean purlOk =
                    purls.isEmpty() || purls.stream().anyMatch(p -> samePackage(p, f.purl()));
            return pathOk && purlOk;
        }

        String shown() {
            return Path.of(file).getFileName()
                    + (expires == null ? " (no expiry)" : " exp:" + expires);
        }
    }

    private Allowlist() {}

    /**
     * Waivers of one file, the format chosen by its content and name; {@code warn} gets lines trivy
     * would skip.
     */
    static List<Waiver> parse(String file, String text, Mode mode, Consumer<String> warn) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            return openVex(file, text, mode);
        }
        if (file.endsWith(".yaml") || file.endsWith(".yml")) {
            return yaml(file, text, mode, warn);
        }
        return ignoreFile(file, text, mode, warn);
    }

    private static List<Waiver> ignoreFile(
            String file, String text, Mode mode, Consumer<String> warn) {
        List<Waiver> out = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int no = i + 1;
            if (line.isEmpty()) {
                comments.clear();
                continue;
            }
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
                continue;
            }
            String[] fields = line.split("\\s+");
            LocalDate exp = null;
            String reason = String.join(" ", comments);
            comments.clear();
            boolean skip = false;
            for (int f = 1; f < fields.length; f++) {
                if (fields[f].startsWith("#")) {
                    String trailing = line.substring(line.indexOf('#') + 1).strip();
                    reason = reason.isEmpty() ? trailing : reason + "; " + trailing;
                    break;
                }
                if (fields[f].startsWith("exp:")) {
                    try {
                        exp = LocalDate.parse(fields[f].substring(4));
                    } catch (DateTimeParseException e) {
                        String msg =
                                file
                                        + ":"
                                        + no
                                        + ": '"
                                        + fields[f]
                                        + "' is not a date (exp:YYYY-MM-DD)";
                        if (mode == Mode.STRICT) {
                            throw new InputException(msg);
                        }
                        warn.accept(
                                msg
                                        + "; trivy skips this line, so "
                                        + fields[0]
                                        + " is not waived");
                        skip = true;
                    }
                }
            }
            if (skip) {
                continue;
            }
            out.add(
                    checked(
                            new Waiver(fields[0], reason, exp, List.of(), List.of(), file, no),
                            mode,
                            "add a '# reason' comment line above it"));
        }
        return out;
    }

    private static List<Waiver> yaml(String file, String text, Mode mode, Consumer<String> warn) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new InputException(
                    file
                            + ":"
                            + (e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1)
                            + ": not valid YAML: "
                            + e.getProblem());
        } catch (YAMLException e) {
            // a parser limit (nesting, aliases, size) or a character YAML forbids
            throw new InputException(file + ":1: not valid YAML: " + e.getMessage());
        }
        if (root != null) {
            YamlText.requireUniqueKeys(file, root);
        }
        List<Waiver> out = new ArrayList<>();
        if (!(root instanceof MappingNode m)) {
            throw new InputException(
                    file + ":1: expected a mapping with 'vulnerabilities:' (trivy ignore file)");
        }
        for (NodeTuple section : m.getValue()) {
            if (!(section.getKeyNode() instanceof ScalarNode k)
                    || !(section.getValueNode() instanceof SequenceNode seq)) {
                continue;
            }
            String key = k.getValue();
            for (Node item : seq.getValue()) {
                int no = item.getStartMark().getLine() + 1;
                if (!(item instanceof MappingNode entry)) {
                    throw new InputException(
                            file + ":" + no + ": " + key + " entries must be mappings with 'id'");
                }
                String id = scalar(entry, "id");
                if (id.isEmpty()) {
                    throw new InputException(file + ":" + no + ": entry without 'id'");
                }
                LocalDate exp = null;
                String date = scalar(entry, "expired_at");
                if (!date.isEmpty()) {
                    try {
                        exp = LocalDate.parse(date);
                    } catch (DateTimeParseException e) {
                        String msg =
                                file
                                        + ":"
                                        + no
                                        + ": expired_at '"
                                        + date
                                        + "' is not a date (YYYY-MM-DD)";
                        if (mode == Mode.STRICT) {
                            throw new InputException(msg);
                        }
                        warn.accept(msg + "; " + id + " is not waived");
                        continue;
                    }
                }
                out.add(
                        checked(
                                new Waiver(
                                        id,
                                        scalar(entry, "statement"),
                                        exp,
                                        list(entry, "paths"),
                                        list(entry, "purls"),
                                        file,
                                        no),
                                mode,
                                "add 'statement: <why>'"));
            }
        }
        return out;
    }

    private static List<Waiver> openVex(String file, String text, Mode mode) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(JsonErrors.malformed(file, e));
        } catch (IOException e) {
            throw new InputException(
                    file + ":1: not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!root.path("@context").asText().startsWith("https://openvex.dev/ns")) {
            throw new InputException(
                    file + ":1: not an OpenVEX document (no @context https://openvex.dev/ns…)");
        }
        List<Waiver> out = new ArrayList<>();
        int index = 0;
        for (JsonNode st : root.path("statements")) {
            index++;
            String status = st.path("status").asText();
            if (!status.equals("not_affected") && !status.equals("fixed")) {
                continue;
            }
            String id =
                    st.path("vulnerability")
                            .path("@id")
                            .asText(st.path("vulnerability").path("name").asText());
            List<String> purls = new ArrayList<>();
            for (JsonNode p : st.path("products")) {
                if (p.path("subcomponents").isEmpty()) {
                    purls.add(p.path("@id").asText());
                }
                for (JsonNode s : p.path("subcomponents")) {
                    purls.add(s.path("@id").asText());
                }
            }
            String reason =
                    String.join(
                            ": ",
                            Stream.of(
                                            status,
                                            st.path("justification").asText(""),
                                            st.path("impact_statement").asText(""))
                                    .filter(s -> !s.isEmpty())
                                    .toList());
            out.add(
                    checked(
                            new Waiver(
                                    id,
                                    status.equals("fixed")
                                                    || !st.path("justification")
                                                            .asText("")
                                                            .isEmpty()
                                                    || !st.path("impact_statement")
                                                            .asText("")
                                                            .isEmpty()
                                            ? reason
                                            : "",
                                    null,
                                    List.of(),
                                    purls,
                                    file,
                                    index),
                            mode,
                            "add a justification or impact_statement to statement " + index));
        }
        return out;
    }

    private static Waiver checked(Waiver w, Mode mode, String fix) {
        if (mode == Mode.STRICT && w.reason().isBlank()) {
            throw new InputException(
                    w.file()
                            + ":"
                            + w.line()
                            + ": the waiver for "
                            + w.id()
                            + " gives no reason; "
                            + fix);
        }
        return w;
    }

    private static String scalar(MappingNode m, String key) {
        return YamlText.tuple(m, key)
                .map(t -> t.getValueNode() instanceof ScalarNode s ? s.getValue() : "")
                .orElse("");
    }

    private static List<String> list(MappingNode m, String key) {
        return YamlText.tuple(m, key)
                .map(
                        t ->
                                t.getValueNode() instanceof SequenceNode s
                                        ? s.getValue().stream()
                                                .filter(ScalarNode.class::isInstance)
                                                .map(n -> ((ScalarNode) n).getValue())
                                                .toList()
                                        : List.<String>of())
                .orElse(List.of());
    }

    /** Same package: equal purls, ignoring qualifiers and subpath when the waiver has none. */
    static boolean samePackage(String waiver, String finding) {
        if (waiver.equals(finding)) {
            return true;
        }
        return !waiver.contains("?")
                && !finding.isEmpty()
                && stripQualifiers(finding).equals(stripQualifiers(waiver));
    }

    private static String stripQualifiers(String purl) {
        int q = purl.indexOf('?');
        int h = purl.indexOf('#');
        int cut = q >= 0 ? q : h >= 0 ? h : purl.length();
        return purl.substring(0, cut);
    }
}
