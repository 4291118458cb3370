package dev.vigil.connectors.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds a value to a flat field map so that nothing is lost when a key repeats.
 *
 * <p>Guarantees: the first value of a key is stored as itself; a repeated key turns into an unmodifiable list of
 * all its values in order of appearance.
 */
final class MultiValues {

    private MultiValues() {
    }

    static void add(Map<String, Object> fields, String key, Object value) {
        Object previous = fields.get(key);
        if (previous == null) {
            fields.put(key, value);
            return;
        }
        List<Object> values = new ArrayList<>();
        if (previous instanceof List<?> list) {
            values.addAll(list);
        } else {
            values.add(previous);
        }
        values.add(value);
        fields.put(key, List.copyOf(values));
    }
}
