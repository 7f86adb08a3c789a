package dev.pipewright.lint.yaml;

/** A 1-based line and column in a source file, the way GitHub shows them. */
public record Pos(int line, int col) implements Comparable<Pos> {
    public static final Pos START = new Pos(1, 1);

    /** Returns the position {@code n} columns to the right on the same line. */
    public Pos plusCols(int n) {
        return new Pos(line, col + n);
    }

    @Override
    public int compareTo(Pos o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(col, o.col);
    }

    @Override
    public String toString() {
        return line + ":" + col;
    }
}
