package dev.vigil.update.tuf;

import java.time.Instant;
import java.util.Map;

/**
 * The signed content of a root role: the keys, and for each top-level role which of them sign and how many must.
 *
 * <p>Guarantees: every role is present, every key id a role names is among {@link #keys()}.
 */
public record RootMetadata(int version, Instant expires, Map<String, Ed25519Key> keys, Map<Role, RoleKeys> roles) {
    public RootMetadata {
        keys = Map.copyOf(keys);
        roles = Map.copyOf(roles);
    }

    public RoleKeys role(Role role) {
        return roles.get(role);
    }
}
