package dev.vigil.update.tuf;

import java.util.Set;

/** The key ids allowed to sign for a role, and how many distinct ones must. Threshold is at least 1. */
public record RoleKeys(Set<String> keyIds, int threshold) {
    public RoleKeys {
        keyIds = Set.copyOf(keyIds);
        if (threshold < 1) {
            throw new IllegalArgumentException("a threshold must be at least 1, was " + threshold);
        }
    }
}
