package dev.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One {@code field|modifier|modifier: value(s)} entry of a selection as written, or a keyword list when
 * {@link #field()} is null.
 *
 * @param field     the field name, or null for keywords (matched against every value of the event)
 * @param modifiers the modifiers in the order written, lower-case
 * @param values    the values as text; a null element is YAML {@code null}; several values are OR-ed unless
 *                  {@code all} is among the modifiers
 * @param line      the line of the entry in its file
 */
public record FieldSpec(String field, List<String> modifiers, List<String> values, int line) {

    public FieldSpec {
        modifiers = List.copyOf(modifiers);
        values = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values, "values")));
    }

    /** The entry as written in the rule, e.g. {@code CommandLine|contains|all}. */
    public String key() {
        StringBuilder key = new StringBuilder(field == null ? "" : field);
        for (String modifier : modifiers) {
            key.append('|').append(modifier);
        }
        return key.toString();
    }
}
