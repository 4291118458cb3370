package dev.vigil.detect.sigma;

import dev.vigil.detect.MatchedField;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A detection rule compiled for evaluation, with the filters that tune it. Immutable and thread-safe.
 *
 * @param rule     the rule as written
 * @param condition its compiled condition
 * @param filters  compiled conditions of the filters applying to it; a match of any suppresses the rule
 * @param filterIds ids of those filters, parallel to {@code filters}
 */
record CompiledRule(SigmaRule rule, RuleNode condition, List<RuleNode> filters, List<String> filterIds) {

    CompiledRule {
        filters = List.copyOf(filters);
        filterIds = List.copyOf(filterIds);
    }

    boolean matches(EventView event) {
        if (!condition.test(event)) {
            return false;
        }
        for (RuleNode filter : filters) {
            if (filter.test(event)) {
                return false;
            }
        }
        return true;
    }

    /** Literals of which every matching event contains one, or null when the rule must see every event. */
    Set<Needle> requiredLiterals(NeedleRanking ranking) {
        return condition.requiredLiterals(ranking);
    }

    List<MatchedField> explain(EventView event) {
        List<MatchedField> fields = new ArrayList<>();
        condition.explain(event, fields);
        return fields;
    }

    CompiledRule withFilter(String filterId, RuleNode filter) {
        List<RuleNode> nodes = new ArrayList<>(filters);
        nodes.add(filter);
        List<String> ids = new ArrayList<>(filterIds);
        ids.add(filterId);
        return new CompiledRule(rule, condition, nodes, ids);
    }
}
