package dev.vigil.update.tuf;

/**
 * Why a bundle was refused. Each names the class of attack or fault it stops, so operators and tests can tell them
 * apart without parsing messages.
 */
public enum Rejection {
    /** Not well-formed: unreadable JSON, a missing field, an unsafe target name, an unexpected file. */
    MALFORMED,
    /** Fewer valid signatures from the role's keys than its threshold (arbitrary installation, key compromise). */
    UNTRUSTED,
    /** Metadata past its expiry, judged by the later of the clock and the stored time floor (freeze attack). */
    EXPIRED,
    /** A version lower than one already accepted, or not newer than what is installed (rollback, replay). */
    ROLLBACK,
    /** A file whose length, hash or version differs from what the signed metadata says (mix-and-match, mirror). */
    MISMATCH,
    /** A file longer than allowed; reading stopped at the bound (endless data). */
    TOO_LARGE,
    /** A file in the bundle that no signed metadata lists (extraneous dependencies, arbitrary installation). */
    EXTRANEOUS,
    /** A target the signed metadata lists that the bundle does not carry. */
    MISSING,
    /** A target that is authentic but whose content does not validate (a rule that does not parse, a model that does not load). */
    INVALID_CONTENT
}
