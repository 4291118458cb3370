package dev.vigil.tenancy;

/** What a tenant is: a customer whose data the appliance holds, or the structural fleet tenant (derived artefacts only). */
public enum TenantKind {
    CUSTOMER,
    FLEET
}
