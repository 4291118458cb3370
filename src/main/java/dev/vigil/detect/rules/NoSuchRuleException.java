package dev.vigil.detect.rules;

/** A rule id or origin the tenant does not have (other tenants' rules are indistinguishable from missing ones). */
public final class NoSuchRuleException extends RuntimeException {

    public NoSuchRuleException(String message) {
        super(message);
    }
}
