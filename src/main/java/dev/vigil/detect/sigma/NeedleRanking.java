package dev.vigil.detect.sigma;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the prefilter's candidate literal sets by how common they are likely to be in events, estimated from the rule
 * set itself: a literal many rules test ({@code Image} ending in {@code \powershell.exe}) names something rule writers
 * watch because it runs often, so it wakes rules often; a literal one rule tests ({@code -EncodedCommand JAB}) is
 * rare. When a rule may be prefiltered on any of several AND-ed entries, the one with the least popular literals is
 * chosen, then the longest. Immutable; pure.
 */
final class NeedleRanking {

    static final NeedleRanking NONE = new NeedleRanking(Map.of());

    private final Map<Needle, Integer> popularity;

    private NeedleRanking(Map<Needle, Integer> popularity) {
        this.popularity = popularity;
    }

    /** Counts, for each literal, how many of the rules test it in some entry. */
    static NeedleRanking of(List<CompiledRule> rules) {
        Map<Needle, Integer> counts = new HashMap<>();
        for (CompiledRule rule : rules) {
            Set<Needle> seen = new HashSet<>();
            rule.condition().collectLiterals(set -> seen.addAll(set));
            seen.forEach(n -> counts.merge(n, 1, Integer::sum));
        }
        return new NeedleRanking(Map.copyOf(counts));
    }

    /** Of sets any one of which must hold, the one least likely to wake the rule; null when all are null. */
    Set<Needle> best(List<Set<Needle>> sets) {
        Set<Needle> best = null;
        for (Set<Needle> set : sets) {
            if (set != null && (best == null || better(set, best))) {
                best = set;
            }
        }
        return best;
    }

    private boolean better(Set<Needle> a, Set<Needle> b) {
        long popularityA = a.stream().mapToLong(n -> popularity.getOrDefault(n, 0)).sum();
        long popularityB = b.stream().mapToLong(n -> popularity.getOrDefault(n, 0)).sum();
        if (popularityA != popularityB) {
            return popularityA < popularityB;
        }
        int shortestA = a.stream().mapToInt(n -> n.literal().length()).min().orElse(0);
        int shortestB = b.stream().mapToInt(n -> n.literal().length()).min().orElse(0);
        return shortestA != shortestB ? shortestA > shortestB : a.size() < b.size();
    }
}
