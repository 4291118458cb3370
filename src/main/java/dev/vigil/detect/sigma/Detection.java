package dev.vigil.detect.sigma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;

/**
 * The {@code detection} section of a rule or the {@code filter} section of a filter, as written.
 *
 * @param selections    search identifiers by name, in file order
 * @param conditions    the condition expressions; several are OR-ed (Sigma's list form)
 * @param conditionLine the line of {@code condition}
 */
public record Detection(Map<String, Selection> selections, List<String> conditions, int conditionLine) {

    public Detection {
        selections = Collections.unmodifiableMap(new LinkedHashMap<>(selections));
        conditions = List.copyOf(conditions);
    }
}
