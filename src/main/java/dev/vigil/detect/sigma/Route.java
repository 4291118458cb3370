package dev.vigil.detect.sigma;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules that apply to one log source, with Aho-Corasick automata over their required literals, one per field the
 * rules name (and one for keywords, which may be in any value), and a hash of the whole values plain equalities
 * require: scanning each of an event's lower-cased values with its field's automaton and looking it up in its field's
 * hash yields the few rules worth evaluating. A literal counts only in the field its rule tests, so
 * {@code \powershell.exe} in {@code ParentImage} does not wake every rule about {@code Image}. Cost grows with what
 * an event could match, not with the rule count. Immutable and thread-safe; per-call scratch space is the caller's.
 */
final class Route {

    private static final int[] NONE = new int[0];

    private final int[] unfiltered;
    private final Map<String, AhoCorasickDoubleArrayTrie<int[]>> byField;
    private final Map<String, Map<String, int[]>> exact;
    private final AhoCorasickDoubleArrayTrie<int[]> anyField;
    private final int ruleCount;
    private final Map<String, String> lowerNames = new ConcurrentHashMap<>();

    private Route(int[] unfiltered, Map<String, AhoCorasickDoubleArrayTrie<int[]>> byField,
                  Map<String, Map<String, int[]>> exact, AhoCorasickDoubleArrayTrie<int[]> anyField, int ruleCount) {
        this.unfiltered = unfiltered;
        this.byField = byField;
        this.exact = exact;
        this.anyField = anyField;
        this.ruleCount = ruleCount;
    }

    /**
     * Builds the route over the given rules (indices into the engine's rule array), each with its required literals
     * or null when it must see every event.
     */
    static Route of(List<Integer> ruleIndices, List<Set<Needle>> literals) {
        List<Integer> always = new ArrayList<>();
        Map<String, Map<String, List<Integer>>> byField = new HashMap<>();
        Map<String, Map<String, List<Integer>>> exactValues = new HashMap<>();
        Map<String, List<Integer>> anyField = new TreeMap<>();
        for (int i = 0; i < ruleIndices.size(); i++) {
            Set<Needle> required = literals.get(i);
            if (required == null || required.isEmpty()) {
                always.add(ruleIndices.get(i));
                continue;
            }
            for (Needle needle : required) {
                Map<String, List<Integer>> target = needle.field() == null ? anyField
                        : (needle.exact() ? exactValues : byField).computeIfAbsent(needle.field(), f -> new TreeMap<>());
                target.computeIfAbsent(needle.literal(), k -> new ArrayList<>()).add(ruleIndices.get(i));
            }
        }
        Map<String, AhoCorasickDoubleArrayTrie<int[]>> automata = new HashMap<>();
        byField.forEach((field, literalRules) -> automata.put(field, automaton(literalRules)));
        Map<String, Map<String, int[]>> exact = new HashMap<>();
        exactValues.forEach((field, valueRules) -> {
            Map<String, int[]> values = new HashMap<>();
            valueRules.forEach((value, rules) -> values.put(value, rules.stream().mapToInt(Integer::intValue).distinct().toArray()));
            exact.put(field, Map.copyOf(values));
        });
        return new Route(always.stream().mapToInt(Integer::intValue).toArray(), Map.copyOf(automata), Map.copyOf(exact),
                anyField.isEmpty() ? null : automaton(anyField), ruleIndices.size());
    }

    private static AhoCorasickDoubleArrayTrie<int[]> automaton(Map<String, List<Integer>> literalRules) {
        TreeMap<String, int[]> keyed = new TreeMap<>();
        literalRules.forEach((literal, rules) -> keyed.put(literal, rules.stream().mapToInt(Integer::intValue).distinct().toArray()));
        AhoCorasickDoubleArrayTrie<int[]> automaton = new AhoCorasickDoubleArrayTrie<>();
        automaton.build(keyed);
        return automaton;
    }

    int ruleCount() {
        return ruleCount;
    }

    /**
     * The rules worth evaluating on an event, ascending. Each lower-cased value is scanned on its own by its field's
     * automaton and by the keyword automaton (a literal never spans two values); an event without fields has its raw
     * text scanned for keywords. {@code scratch} is per-thread space sized for the engine's rule count.
     */
    int[] candidates(EventView event, Scratch scratch) {
        if (byField.isEmpty() && exact.isEmpty() && anyField == null) {
            return unfiltered.length == 0 ? NONE : unfiltered;
        }
        scratch.begin();
        for (int rule : unfiltered) {
            scratch.add(rule);
        }
        if (!byField.isEmpty() || !exact.isEmpty()) {
            for (String name : event.event().fields().keySet()) {
                String lowerName = lowerNames.computeIfAbsent(name, n -> n.toLowerCase(Locale.ROOT));
                AhoCorasickDoubleArrayTrie<int[]> automaton = byField.get(lowerName);
                Map<String, int[]> values = exact.get(lowerName);
                if (automaton == null && values == null) {
                    continue;
                }
                for (String value : event.lowered(name)) {
                    if (automaton != null) {
                        automaton.parseText(value, scratch);
                    }
                    int[] rules = values == null ? null : values.get(value);
                    if (rules != null) {
                        for (int rule : rules) {
                            scratch.add(rule);
                        }
                    }
                }
            }
        }
        if (anyField != null) {
            for (String value : event.allLowered()) {
                anyField.parseText(value, scratch);
            }
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
