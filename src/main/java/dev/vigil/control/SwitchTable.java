package dev.vigil.control;

import dev.vigil.tenancy.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An immutable set of switch settings and how they resolve. Pure.
 *
 * <p>Guarantees: at most one setting per target; {@link #decide} picks, among the settings that match, the one of
 * the narrowest scope (site over tenant over feature over global); with none, AI is enabled. A model version that is
 * switched off falls back to the previous version even when its feature is on; a feature that is off falls back to
 * its own declared fallback whatever the model version. A table in safe mode (the store could not be read) decides
 * every feature off.
 */
public record SwitchTable(List<SwitchSetting> settings, boolean safeMode) {

    public static final SwitchTable EMPTY = new SwitchTable(List.of(), false);
    public static final SwitchTable SAFE = new SwitchTable(List.of(), true);

    public SwitchTable {
        settings = List.copyOf(settings);
    }

    public SwitchDecision decide(AiFeature feature, TenantId tenant, String site, String modelVersion) {
        if (safeMode) {
            return SwitchDecision.off(feature, feature.fallback(), "safe default: the switch store cannot be read");
        }
        SwitchSetting featureLevel = narrowest(feature, tenant, site, null);
        if (featureLevel != null && !featureLevel.enabled()) {
            return SwitchDecision.off(feature, feature.fallback(), featureLevel.target().describe());
        }
        if (modelVersion != null) {
            SwitchSetting versionLevel = narrowest(feature, tenant, site, modelVersion);
            if (versionLevel != null && !versionLevel.enabled()) {
                return SwitchDecision.off(feature, Fallback.PINNED_PREVIOUS_VERSION, versionLevel.target().describe());
            }
        }
        return SwitchDecision.on(feature, featureLevel == null ? "default" : featureLevel.target().describe());
    }

    private SwitchSetting narrowest(AiFeature feature, TenantId tenant, String site, String modelVersion) {
        SwitchSetting best = null;
        for (SwitchSetting s : settings) {
            boolean sameKind = (s.target().modelVersion() == null) == (modelVersion == null);
            if (sameKind && s.target().matches(feature, tenant, site, modelVersion)
                    && (best == null || s.target().rank() > best.target().rank()
                    || (s.target().rank() == best.target().rank() && s.target().feature() != null))) {
                best = s;
            }
        }
        return best;
    }

    public Optional<SwitchSetting> find(SwitchTarget target) {
        return settings.stream().filter(s -> s.target().equals(target)).findFirst();
    }

    /** This table with {@code setting} replacing any setting of the same target. */
    public SwitchTable with(SwitchSetting setting) {
        List<SwitchSetting> next = new ArrayList<>(without(setting.target()).settings());
        next.add(setting);
        return new SwitchTable(next, false);
    }

    public SwitchTable without(SwitchTarget target) {
        return new SwitchTable(settings.stream().filter(s -> !s.target().equals(target)).toList(), false);
    }
}
