package dev.pipewright.model.validation;

/**
 * A place in a workflow, written the way messages name it: {@code workflow ci.yml › job build ›
 * step 3 (id: test)}.
 */
public record Where(String text) {
    static final String SEP = " › ";

    public static Where workflow(String fileName) {
        return new Where("workflow " + fileName);
    }

    /** The root of a dependabot config: {@code dependabot.yml}. */
    public static Where dependabot() {
        return new Where("dependabot.yml");
    }

    public Where job(String id) {
        return new Where(text + SEP + "job " + id);
    }

    /** A 1-based step number, with its id when it has one. */
    public Where step(int number, String id) {
        return new Where(text + SEP + "step " + number + (id == null ? "" : " (id: " + id + ")"));
    }

    public Where key(String key) {
        return new Where(text + SEP + key);
    }

    @Override
    public String toString() {
        return text;
    }
}
