package dev.vigil.learn;

/** Where a model version stands in its tenant's registry. */
public enum ModelStatus {
    /** The shipped factory model, registered as the tenant's first version. */
    FACTORY,
    /** A challenger that passed the gate and was promoted to champion at least once. */
    PROMOTED,
    /** A challenger that passed the gate but was kept without promotion (trained with promotion off). */
    PASSED,
    /** A challenger the gate kept out; {@code reason} says which check failed. */
    REJECTED
}
