package dev.vigil.fleet;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The consent of one scope of one tenant as shown to users.
 *
 * @param scope           the scope's external name
 * @param state           the effective state ({@code granted} or {@code withdrawn}) that governs new records now
 * @param recordedState   the state last recorded, or null when consent was never set
 * @param recordedPolicy  the policy version the last change was made under, or null
 * @param policyInForce   the data-use policy version in force now
 * @param explanation     one sentence saying why the effective state is what it is
 */
@Serdeable
public record ConsentStatus(String scope, String state, @Nullable String recordedState, @Nullable String recordedPolicy,
                            String policyInForce, @Nullable Instant changedAt, @Nullable String actor,
                            @Nullable String reason, String explanation) {
}
