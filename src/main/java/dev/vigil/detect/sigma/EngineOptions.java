package dev.vigil.detect.sigma;

import java.util.Set;

/**
 * How a {@link SigmaEngine} is built.
 *
 * @param placeholders values for {@code expand} placeholders
 * @param disabled     ids of rules and filters a user switched off: parsed and checked, never evaluated
 */
public record EngineOptions(Placeholders placeholders, Set<String> disabled) {

    public static final EngineOptions DEFAULTS = new EngineOptions(Placeholders.NONE, Set.of());

    public EngineOptions {
        disabled = Set.copyOf(disabled);
    }
}
