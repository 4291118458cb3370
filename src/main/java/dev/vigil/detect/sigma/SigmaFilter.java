package dev.vigil.detect.sigma;

import java.util.List;

/**
 * A Sigma filter (the filters specification): a selection and condition that suppress matches of the rules it names,
 * the way users tune rules without editing them. A rule with filters matches an event only when its own condition
 * holds and no applicable filter's condition does.
 *
 * @param rules the ids or names of the rules it applies to
 */
public record SigmaFilter(String origin, int line, String id, String title, String description,
                          RuleLogSource logSource, List<String> rules, Detection detection) implements RuleDocument {

    public SigmaFilter {
        rules = List.copyOf(rules);
    }
}
