package dev.vigil.detect.rules;

/** A rule change refused because the rule is not valid Sigma; the message names the rule, the line and the problem. */
public final class RuleRejectedException extends IllegalArgumentException {

    public RuleRejectedException(String message) {
        super(message);
    }
}
