package dev.vigil.analyst.similar;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertService;

import java.util.List;
import java.util.Locale;

/**
 * The text of an alert that is embedded for similarity. Pure.
 *
 * <p>The recipe (keep it stable: vectors already indexed were made with it):
 * <pre>{@code <title>. rule <rule id>, level <level>. tags: <tag>, <tag>. matched: <field>=<value>; <field>=<value>}</pre>
 * with the tags and matched fields in the order the alert stores them, the level in its Sigma name, and the parts
 * with nothing to say ({@code tags:}, {@code matched:}) left out; then every UUID and long hexadecimal run (a Sigma
 * rule's UUID, a file hash) is replaced by a placeholder word ({@link OpaqueIdentifiers}): they cost the model up to
 * 25 tokens each and say nothing a neighbour could share except by being the very same rule, which the title
 * already says. The most telling parts come first, because the embedder keeps only the first
 * {@link AlertEmbedder#ALERT_TOKENS} tokens. Status, verdict, note, times and counts are left out on purpose:
 * similarity is about what happened, not about how it was triaged or when.
 */
public final class AlertText {

    private AlertText() {
    }

    /** The text of the alert by the recipe above. */
    public static String of(Alert alert) {
        return of(alert.title(), alert.ruleId(), alert.level().sigmaName(),
                alert.tags().isBlank() ? List.of() : List.of(alert.tags().split(",")), AlertService.matchedOf(alert));
    }

    /** The text of the given parts by the recipe above. */
    public static String of(String title, String ruleId, String level, List<String> tags, List<MatchedField> matched) {
        return OpaqueIdentifiers.shorten(withIdentifiers(title, ruleId, level, tags, matched));
    }

    /** The recipe before identifiers are shortened: the previous recipe, kept for measurements only. */
    static String withIdentifiers(String title, String ruleId, String level, List<String> tags, List<MatchedField> matched) {
        StringBuilder text = new StringBuilder(title.strip()).append(". rule ").append(ruleId).append(", level ")
                .append(level.toLowerCase(Locale.ROOT)).append('.');
        if (!tags.isEmpty()) {
            text.append(" tags: ").append(String.join(", ", tags.stream().map(String::strip).toList())).append('.');
        }
        if (!matched.isEmpty()) {
            text.append(" matched: ");
            for (int i = 0; i < matched.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(matched.get(i).field()).append('=').append(matched.get(i).value());
            }
        }
        return text.toString();
    }
}
