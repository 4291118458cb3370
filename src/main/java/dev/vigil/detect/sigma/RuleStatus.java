package dev.vigil.detect.sigma;

import dev.vigil.detect.RuleLevel;

import java.util.List;

/**
 * What became of one rule document at load: enabled, disabled by a user, or not loadable with the exact reason. Every
 * document of every source gets one; nothing is skipped silently.
 *
 * @param id       the rule's id ({@code file:<origin>} when the file could not be read far enough to know it)
 * @param name     the rule's name, or null
 * @param title    the rule's title (the origin when unknown)
 * @param origin   where it came from
 * @param line     the line of the problem, or of the document when there is none
 * @param kind     detection rule, filter or correlation rule
 * @param state    see {@link State}
 * @param reason   why it is not enabled; null when it is
 * @param level    the rule's level (null for filters and unreadable files)
 * @param tags     the rule's tags
 * @param logSource the rule's log source as text ({@code product=windows, category=process_creation})
 */
public record RuleStatus(String id, String name, String title, String origin, int line, Kind kind, State state,
                         String reason, RuleLevel level, List<String> tags, String logSource) {

    public RuleStatus {
        tags = List.copyOf(tags);
    }

    /** What kind of Sigma document a rule is. */
    public enum Kind {
        DETECTION, FILTER, CORRELATION
    }

    /** Whether a rule is evaluated, and if not, why not. */
    public enum State {
        /** Compiled and evaluated on every event of its log source. */
        ENABLED,
        /** Valid, but switched off by a user. */
        DISABLED,
        /** Valid Sigma using something this engine does not evaluate; {@link #reason()} says what. */
        UNSUPPORTED,
        /** Not valid: a YAML error, an unknown modifier, an unbalanced condition; {@link #reason()} says which. */
        INVALID
    }

    public boolean enabled() {
        return state == State.ENABLED;
    }
}
