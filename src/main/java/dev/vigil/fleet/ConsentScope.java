package dev.vigil.fleet;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a tenant can consent to. Guarantees: each scope has one stable external name ({@code model-training},
 * {@code fleet-sharing}) and {@link #parse} accepts that name or the constant name, refusing anything else by name.
 */
public enum ConsentScope {
    /** The tenant's records may train or tune models. */
    MODEL_TRAINING("model-training"),
    /** Anonymised derived artefacts of the tenant may count towards fleet promotion. */
    FLEET_SHARING("fleet-sharing");

    private final String external;

    ConsentScope(String external) {
        this.external = external;
    }

    /** The name used in the API, the CLI and the audit trail. */
    public String external() {
        return external;
    }

    /** Parses {@code model-training} or {@code MODEL_TRAINING}; an unknown scope is an {@link IllegalArgumentException}. */
    public static ConsentScope parse(String text) {
        for (ConsentScope s : values()) {
            if (s.external.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown consent scope '" + text + "': use "
                + Arrays.stream(values()).map(ConsentScope::external).collect(Collectors.joining(" or ")));
    }

    @Override
    public String toString() {
        return external;
    }
}
