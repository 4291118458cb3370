package dev.vigil.control;

import java.util.List;

/**
 * What setting or clearing a switch does (or would do, for a dry run): the setting before and after, and every
 * feature, tenant, site and model version whose decision changes, with the work in flight there.
 */
public record SwitchChange(SwitchTarget target, SwitchSetting before, SwitchSetting after, List<Effect> effects,
                           boolean applied) {

    public SwitchChange {
        effects = List.copyOf(effects);
    }

    /** One place whose decision changes. */
    public record Effect(AiFeature feature, String tenant, String site, String modelVersion, SwitchDecision before,
                         SwitchDecision after, int inFlight) {
    }
}
