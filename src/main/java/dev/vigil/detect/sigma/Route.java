package dev.vigil.detect.sigma;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules that apply to one log source, with an Aho-Corasick automaton over their required literals: one pass over
 * an event's lower-cased values yields the few rules worth evaluating, so cost grows with the matches, not the rule
 * count. Immutable and thread-safe; per-call scratch space is the caller's.
 */
final class Route {

    private static final int[] NONE = new int[0];

    private final int[] unfiltered;
    private final AhoCorasickDoubleArrayTrie<int[]> automaton;
    private final int ruleCount;

    private Route(int[] unfiltered, AhoCorasickDoubleArrayTrie<int[]> automaton, int ruleCount) {
        this.unfiltered = unfiltered;
        this.automaton = automaton;
        this.ruleCount = ruleCount;
    }

    /**
     * Builds the route over the given rules (indices into the engine's rule array), each with its required literals
     * or null when it must see every event.
     */
    static Route of(List<Integer> ruleIndices, List<Set<String>> literals) {
        List<Integer> always = new ArrayList<>();
        Map<String, List<Integer>> byLiteral = new TreeMap<>();
        for (int i = 0; i < ruleIndices.size(); i++) {
            Set<String> required = literals.get(i);
            if (required == null || required.isEmpty()) {
                always.add(ruleIndices.get(i));
            } else {
                for (String literal : required) {
                    byLiteral.computeIfAbsent(literal, k -> new ArrayList<>()).add(ruleIndices.get(i));
                }
            }
        }
        AhoCorasickDoubleArrayTrie<int[]> automaton = null;
        if (!byLiteral.isEmpty()) {
            TreeMap<String, int[]> keyed = new TreeMap<>();
            byLiteral.forEach((literal, rules) -> keyed.put(literal, rules.stream().mapToInt(Integer::intValue).distinct().toArray()));
            automaton = new AhoCorasickDoubleArrayTrie<>();
            automaton.build(keyed);
        }
        return new Route(always.stream().mapToInt(Integer::intValue).toArray(), automaton, ruleIndices.size());
    }

    int ruleCount() {
        return ruleCount;
    }

    /**
     * The rules worth evaluating on an event, ascending. {@code values} are the event's lower-cased values, each
     * scanned on its own (a literal never spans two values, and no joined copy is built per event); {@code scratch}
     * is per-thread space sized for the engine's rule count.
     */
    int[] candidates(String[] values, Scratch scratch) {
        if (automaton == null) {
            return unfiltered.length == 0 ? NONE : unfiltered;
        }
        scratch.begin();
        for (int rule : unfiltered) {
            scratch.add(rule);
        }
        for (String value : values) {
            automaton.parseText(value, scratch);
        }
        int[] found = scratch.toArray();
        Arrays.sort(found);
        return found;
    }

    /** Per-thread space that collects distinct rule indices without allocating per event. */
    static final class Scratch implements AhoCorasickDoubleArrayTrie.IHit<int[]> {
        private final int[] marks;
        private int[] collected;
        private int size;
        private int epoch;

        Scratch(int ruleCount) {
            this.marks = new int[ruleCount];
            this.collected = new int[Math.max(16, Math.min(ruleCount, 1024))];
        }

        void begin() {
            size = 0;
            if (++epoch == Integer.MAX_VALUE) {
                Arrays.fill(marks, 0);
                epoch = 1;
            }
        }

        void add(int rule) {
            if (marks[rule] != epoch) {
                marks[rule] = epoch;
                if (size == collected.length) {
                    collected = Arrays.copyOf(collected, size * 2);
                }
                collected[size++] = rule;
            }
        }

        /** An automaton hit: every rule promising the literal found is a candidate. */
        @Override
        public void hit(int begin, int end, int[] rules) {
            for (int rule : rules) {
                add(rule);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(collected, size);
        }
    }
}
