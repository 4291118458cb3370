package dev.vigil.control;

import dev.vigil.tenancy.TenantId;

import java.util.regex.Pattern;

/**
 * What a switch setting applies to. {@code feature} null means every AI feature; {@code tenant} null every tenant;
 * {@code site} null every site of the tenant (a site needs a tenant); {@code modelVersion} non-null makes it the
 * switch of that one model version (whose fallback is the previous version).
 */
public record SwitchTarget(AiFeature feature, TenantId tenant, String site, String modelVersion) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}");

    public SwitchTarget {
        if (site != null && tenant == null) {
            throw new IllegalArgumentException("a site switch needs its tenant");
        }
        if (site != null && !NAME.matcher(site).matches()) {
            throw new IllegalArgumentException("invalid site '" + site + "': use 1-100 letters, digits, '.', '_', ':', '@' or '-'");
        }
        if (modelVersion != null && !NAME.matcher(modelVersion).matches()) {
            throw new IllegalArgumentException("invalid model version '" + modelVersion + "'");
        }
        if (modelVersion != null && feature == null) {
            throw new IllegalArgumentException("a model version switch needs the feature the model serves");
        }
    }

    public SwitchScope scope() {
        return site != null ? SwitchScope.SITE : tenant != null ? SwitchScope.TENANT
                : feature != null ? SwitchScope.FEATURE : SwitchScope.GLOBAL;
    }

    /** True when this setting applies to the given evaluation (model-version settings only to that version). */
    boolean matches(AiFeature f, TenantId t, String s, String version) {
        return (feature == null || feature == f) && (tenant == null || tenant.equals(t))
                && (site == null || site.equals(s)) && (modelVersion == null || modelVersion.equals(version));
    }

    int rank() {
        return scope().ordinal();
    }

    /** A stable text form, used as the audit object: {@code switch:feature=…,tenant=…,site=…,model=…}. */
    public String describe() {
        return "switch:feature=" + (feature == null ? "*" : feature.id()) + ",tenant=" + (tenant == null ? "*" : tenant)
                + ",site=" + (site == null ? "*" : site) + (modelVersion == null ? "" : ",model=" + modelVersion);
    }
}
