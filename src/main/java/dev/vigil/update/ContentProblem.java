package dev.vigil.update;

import java.util.Objects;

/**
 * One reason a content file is unusable: the file (its target name in the bundle), the line when one is known
 * (0 otherwise) and why.
 */
public record ContentProblem(String file, int line, String why) {
    public ContentProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(why, "why");
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + why;
    }
}
