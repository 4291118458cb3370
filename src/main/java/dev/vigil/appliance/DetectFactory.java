package dev.vigil.appliance;

import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.control.KillSwitches;
import dev.vigil.control.ModelHealthGuard;
import dev.vigil.detect.DetectSettings;
import dev.vigil.detect.DetectionService;
import dev.vigil.detect.alert.AlertSink;
import dev.vigil.detect.rules.ContentRulesDirectory;
import dev.vigil.detect.rules.RuleLibrary;
import dev.vigil.detect.rules.RuleTester;
import dev.vigil.update.UpdateService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/** Detection's beans that need wiring beyond constructor injection. */
@Factory
public class DetectFactory {

    /** Streaming detection in the ingest pipeline. */
    @Singleton
    DetectionService detectionService(RuleLibrary rules, AlertSink alerts, DetectSettings settings) {
        return new DetectionService(rules, alerts, settings);
    }

    /** Bundle rules: a configured directory, else the rules of the update bundle currently installed. */
    @Singleton
    ContentRulesDirectory contentRulesDirectory(DetectSettings settings, UpdateService updates) {
        if (settings.contentRulesDir() != null) {
            return () -> Optional.of(settings.contentRulesDir());
        }
        return () -> updates.currentContent().map(content -> content.resolve("rules"));
    }

    /** Automatic trips of unhealthy model versions switch them off and raise a system alert. */
    @Singleton
    ModelHealthGuard modelHealthGuard(KillSwitches switches, AlertSink alerts, Clock clock) {
        return new ModelHealthGuard(switches, new ModelTripAlerts(alerts), clock);
    }

    @Singleton
    RuleTester ruleTester(ConnectorRegistry connectors) {
        return new RuleTester(connectors);
    }
}
