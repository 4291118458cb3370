package dev.vigil.detect.rules;

/** Where a tenant's rule content comes from, which decides how it may be changed. */
public enum RuleOrigin {
    /** Shipped with the appliance; can be disabled, not removed. */
    FACTORY("factory/"),
    /** Installed from a signed update bundle; can be disabled, not removed. */
    BUNDLE("bundle/"),
    /** Added or imported by the tenant's users; can be removed. */
    USER("user/");

    private final String prefix;

    RuleOrigin(String prefix) {
        this.prefix = prefix;
    }

    /** The origin prefix its sources carry ({@code factory/windows/x.yml}). */
    public String prefix() {
        return prefix;
    }

    /** Which content an origin string belongs to. */
    public static RuleOrigin of(String origin) {
        if (origin.startsWith(FACTORY.prefix)) {
            return FACTORY;
        }
        return origin.startsWith(BUNDLE.prefix) ? BUNDLE : USER;
    }
}
