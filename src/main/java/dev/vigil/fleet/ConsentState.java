package dev.vigil.fleet;

/** A consent state. There are only two; a scope that was never set is {@link #WITHDRAWN} (fail closed). */
public enum ConsentState {
    GRANTED,
    WITHDRAWN;

    /** The lower-case name shown to users. */
    public String external() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
