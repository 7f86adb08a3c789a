package dev.pipewright.stacks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code $GITHUB_OUTPUT} / {@code $GITHUB_ENV} files: {@code name=value} lines and {@code
 * name<<DELIM} blocks.
 */
final class FileCommands {
    private FileCommands() {}

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String name = line.substring(0, heredoc);
                String delim = line.substring(heredoc + 2);
                List<String> v = new ArrayList<>();
                i++;
                while (i < lines.length && !lines[i].equals(delim)) {
                    v.add(lines[i]);
                    i++;
                }
                if (i >= lines.length) {
                    throw new IllegalStateException(
                            "file command " + name + ": delimiter " + delim + " never closes");
                }
                out.put(name, String.join("\n", v));
            } else if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            } else {
                throw new IllegalStateException(
                        "file command line is neither name=value nor name<<DELIM: " + line);
            }
        }
        return out;
    }
}
