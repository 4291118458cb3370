package dev.vigil.appliance;

import dev.vigil.detect.rules.RuleLibrary;
import dev.vigil.update.UpdateService;
import io.micronaut.context.annotation.Context;

/** Recompiles every tenant's rules as soon as an update bundle is applied or rolled back. */
@Context
public class ContentReloader {

    public ContentReloader(UpdateService updates, RuleLibrary rules) {
        updates.onContentSwitched(rules::reloadAll);
    }
}
