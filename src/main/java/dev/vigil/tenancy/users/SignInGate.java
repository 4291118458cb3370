package dev.vigil.tenancy.users;

import dev.vigil.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Lets one sign-in attempt per account run at a time (the appliance is one process), each in its own committed
 * transaction, so parallel guesses cannot all read "4 failures, not locked" and slip past the lockout.
 */
@Singleton
public class SignInGate {

    private static final int STRIPES = 64;

    private final Users users;
    private final Object[] stripes = new Object[STRIPES];

    public SignInGate(Users users) {
        this.users = users;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** {@link Users#signIn}, serialised with every other attempt on the same tenant and user name. */
    public SignIn attempt(TenantId tenant, String username, String password) {
        String key = tenant.value() + "/" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
        synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
            return users.signIn(tenant, username, password);
        }
    }
}
