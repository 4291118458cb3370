package dev.vigil.control;

/** What a feature does instead of using AI when its switch is off. */
public enum Fallback {
    /** Alert severity comes from the matching rule's level alone. */
    RULES_ONLY_SEVERITY("severity from the rule's level alone"),
    /** No similar-alert suggestions are made. */
    NO_SIMILARITY("no similar alerts are suggested"),
    /** The current champion model stays; nothing is learned or promoted. */
    FROZEN_CHAMPION("the current champion stays; nothing is learned or promoted"),
    /** The model version before the switched-off one serves instead. */
    PINNED_PREVIOUS_VERSION("the previous model version serves instead");

    private final String description;

    Fallback(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
