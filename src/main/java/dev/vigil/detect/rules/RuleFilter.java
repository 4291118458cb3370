package dev.vigil.detect.rules;

import dev.vigil.detect.sigma.RuleStatus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which rules a list shows: by state, kind and a text that the title, id or a tag contains (case-insensitive), with
 * the counts by state of all rules. One definition for the API and the console. Pure logic.
 */
public record RuleFilter(RuleStatus.State state, RuleStatus.Kind kind, String text) {

    public RuleFilter {
        text = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
    }

    /** Parses the optional filter words ({@code enabled}, {@code detection}, …); an unknown word is a 400 naming the choices. */
    public static RuleFilter parse(String state, String kind, String text) {
        return new RuleFilter(state == null || state.isBlank() ? null : parse(RuleStatus.State.class, state, "state"),
                kind == null || kind.isBlank() ? null : parse(RuleStatus.Kind.class, kind, "kind"), text);
    }

    public boolean accepts(RuleStatus s) {
        return (state == null || s.state() == state) && (kind == null || s.kind() == kind)
                && (text == null || s.title().toLowerCase(Locale.ROOT).contains(text)
                || s.id().toLowerCase(Locale.ROOT).contains(text) || s.tags().stream().anyMatch(t -> t.contains(text)));
    }

    /** The selected rules, in the given order. */
    public List<RuleStatus> select(List<RuleStatus> all) {
        return all.stream().filter(this::accepts).toList();
    }

    /** How many of {@code all} are in each state (lower-case names, sorted). */
    public static Map<String, Integer> countByState(List<RuleStatus> all) {
        Map<String, Integer> counts = new TreeMap<>();
        all.forEach(s -> counts.merge(s.state().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        return counts;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + text + "'; use one of "
                    + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
        }
    }
}
