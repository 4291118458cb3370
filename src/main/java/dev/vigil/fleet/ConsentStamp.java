package dev.vigil.fleet;

import java.util.Objects;

/**
 * The consent state and data-use policy version in force when a governed record was created. Guarantees: it is a
 * value copied onto the record; a later consent change never rewrites a stamp already stored.
 *
 * @param state         the effective state: {@link ConsentState#GRANTED} only if the latest consent of the scope was
 *                      a grant under the policy version in force
 * @param policyVersion the data-use policy version in force at stamping time
 */
public record ConsentStamp(ConsentState state, String policyVersion) {

    public ConsentStamp {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policyVersion, "policyVersion");
    }

    public boolean granted() {
        return state == ConsentState.GRANTED;
    }
}
