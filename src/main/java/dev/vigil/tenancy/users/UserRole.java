package dev.vigil.tenancy.users;

import dev.vigil.tenancy.ApiTokenScope;

import java.util.Locale;

/**
 * What a console user may do in their tenant. Each role maps to the API token scope with the same powers, so every
 * role check written for tokens applies unchanged to signed-in users: admin → {@code ADMIN}, analyst →
 * {@code ANALYST}, auditor → {@code READ}.
 */
public enum UserRole {
    ADMIN(ApiTokenScope.ADMIN),
    ANALYST(ApiTokenScope.ANALYST),
    AUDITOR(ApiTokenScope.READ);

    private final ApiTokenScope scope;

    UserRole(ApiTokenScope scope) {
        this.scope = scope;
    }

    public ApiTokenScope scope() {
        return scope;
    }

    /** The lower-case name used in the API, the CLI, audit entries and the {@code vigil.role} request attribute. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses admin, analyst or auditor (any case); anything else is rejected with the accepted values. */
    public static UserRole parse(String value) {
        if (value != null) {
            for (UserRole r : values()) {
                if (r.label().equalsIgnoreCase(value.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "': use admin, analyst or auditor");
    }
}
