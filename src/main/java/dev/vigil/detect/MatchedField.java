package dev.vigil.detect;

import java.util.Objects;

/** One field an event matched a rule on, with the event's value: what an analyst reads to see why a rule fired. */
public record MatchedField(String field, String value) {

    public MatchedField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }
}
