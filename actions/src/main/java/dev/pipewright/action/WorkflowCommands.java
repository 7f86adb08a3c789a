package dev.pipewright.action;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Workflow commands ({@code ::name props::data}) with the escaping the runner undoes. */
public final class WorkflowCommands {
    private final PrintWriter out;

    public WorkflowCommands(PrintWriter out) {
        this.out = out;
    }

    /**
     * Escapes command data: {@code %}, CR and LF, exactly as {@code @actions/core}'s {@code
     * escapeData}.
     */
    public static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /**
     * Escapes a property value: data escaping plus {@code :} and {@code ,}, which delimit
     * properties.
     */
    public static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    public static String format(Annotation a) {
        List<String> props = new ArrayList<>();
        if (a.file() != null) {
            props.add("file=" + escapeProperty(a.file()));
        }
        if (a.line() > 0) {
            props.add("line=" + a.line());
        }
        if (a.column() > 0) {
            props.add("col=" + a.column());
        }
        if (a.endLine() > 0) {
            props.add("endLine=" + a.endLine());
        }
        if (a.title() != null) {
            props.add("title=" + escapeProperty(a.title()));
        }
        String p = props.isEmpty() ? "" : " " + String.join(",", props);
        return "::" + a.level().command() + p + "::" + escapeData(a.message());
    }

    public void annotate(Annotation a) {
        out.println(format(a));
    }

    /**
     * Masks a secret in all later log output; each line separately too, as the runner matches line
     * by line.
     */
    public void addMask(String secret) {
        out.println("::add-mask::" + escapeData(secret));
        if (secret.contains("\n")) {
            for (String line : secret.split("\\r?\\n")) {
                if (!line.isBlank()) {
                    out.println("::add-mask::" + escapeData(line));
                }
            }
        }
    }

    public void group(String title) {
        out.println("::group::" + escapeData(title));
    }

    public void endGroup() {
        out.println("::endgroup::");
    }

    public void flush() {
        out.flush();
    }
}
