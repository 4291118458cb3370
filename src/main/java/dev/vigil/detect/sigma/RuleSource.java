package dev.vigil.detect.sigma;

import java.util.Objects;

/**
 * The text of one rule file and where it came from.
 *
 * @param origin where the text came from, for messages: a path, a bundle entry or {@code api:<name>}
 * @param text   the YAML text; may hold several documents separated by {@code ---}
 */
public record RuleSource(String origin, String text) {

    public RuleSource {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }
}
