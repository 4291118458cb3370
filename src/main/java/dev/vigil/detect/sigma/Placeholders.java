package dev.vigil.detect.sigma;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Values for Sigma placeholders used with the {@code expand} modifier ({@code %Administrators%},
 * {@code %DomainControllers%}, ...), as the site defines them. Each value is written in Sigma value syntax (wildcards
 * allowed). A rule using a placeholder with no definition is loaded disabled, naming the placeholder.
 */
public record Placeholders(Map<String, List<String>> values) {

    /** No placeholders defined. */
    public static final Placeholders NONE = new Placeholders(Map.of());

    public Placeholders {
        values = values.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** The values of a placeholder (its name without the percent signs). */
    public Optional<List<String>> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
