package dev.vigil.control;

import dev.vigil.tenancy.TenantId;

import java.time.Instant;

/** A model version switched to its fallback automatically: which, where, when and why. */
public record ModelTrip(AiFeature feature, TenantId tenant, String modelVersion, String reason, Instant at) {
}
