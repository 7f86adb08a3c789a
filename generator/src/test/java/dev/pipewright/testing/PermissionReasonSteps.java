package dev.pipewright.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stacks write each grant's reason naming the steps that need it ("steps login and build push
 * the image"); a step renamed or moved to another job would leave the comment naming a step that is
 * not there. This finds, in a written workflow, every step a permission comment names that has no
 * {@code id:} in the same job.
 */
public final class PermissionReasonSteps {
    private static final Pattern JOB = Pattern.compile("^  ([A-Za-z0-9_-]+):\\s*$");
    private static final Pattern GRANT =
            Pattern.compile("^\\s+[a-z-]+: (?:read|write|none) # (.*)$");
    private static final Pattern NAMED =
            Pattern.compile("\\bsteps? ([a-z0-9-]+(?: and [a-z0-9-]+)*)");
    private static final Pattern ID = Pattern.compile("^\\s+(?:- )?id: ([A-Za-z0-9_-]+)\\s*$");

    private PermissionReasonSteps() {}

    /**
     * "file:line: step X" for each step named by a permission comment of {@code yaml} that its job
     * lacks.
     */
    public static List<String> missing(String file, String yaml) {
        String[] lines = yaml.split("\n", -1);
        List<String> out = new ArrayList<>();
        int jobStart = -1;
        boolean inJobs = false;
        for (int i = 0; i <= lines.length; i++) {
            boolean end = i == lines.length;
            if (!end && lines[i].equals("jobs:")) {
                inJobs = true;
                continue;
            }
            if (end || inJobs && JOB.matcher(lines[i]).matches()) {
                if (jobStart >= 0) {
                    check(file, lines, jobStart, i, out);
                }
                jobStart = i;
            }
        }
        return out;
    }

    private static void check(String file, String[] lines, int from, int to, List<String> out) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Matcher m = ID.matcher(lines[i]);
            if (m.matches()) {
                ids.add(m.group(1));
            }
        }
        for (int i = from; i < to; i++) {
            Matcher g = GRANT.matcher(lines[i]);
            if (!g.matches()) {
                continue;
            }
            Matcher n = NAMED.matcher(g.group(1));
            while (n.find()) {
                for (String step : n.group(1).split(" and ")) {
                    if (!ids.contains(step)) {
                        out.add(file + ":" + (i + 1) + ": step " + step);
                    }
                }
            }
        }
    }
}
