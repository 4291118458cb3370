package dev.vigil.control;

/**
 * The answer for one feature in one place: whether AI may be used, and if not, which fallback applies and which
 * setting (or default) decided it.
 */
public record SwitchDecision(AiFeature feature, boolean enabled, Fallback fallback, String decidedBy) {

    static SwitchDecision on(AiFeature feature, String by) {
        return new SwitchDecision(feature, true, null, by);
    }

    static SwitchDecision off(AiFeature feature, Fallback fallback, String by) {
        return new SwitchDecision(feature, false, fallback, by);
    }
}
