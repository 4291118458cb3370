package dev.vigil.update;

/** The steps of applying a bundle, in order; only {@link #SWITCHED} changes what is current. */
public enum ApplyStep {
    /** Every target is verified and written to the staging directory. */
    STAGED,
    /** Every content validator accepted the staged content. */
    VALIDATED,
    /** The staging directory is durable and renamed to its version directory (not yet current). */
    PROMOTED,
    /** The state file names the new version as current: the atomic switch. */
    SWITCHED
}
