package dev.vigil.learn;

import dev.vigil.tenancy.TenantId;

/** Published after the transaction that moved a tenant's champion alias commits: its triage model must be reloaded. */
public record ChampionMoved(TenantId tenant) {
}
