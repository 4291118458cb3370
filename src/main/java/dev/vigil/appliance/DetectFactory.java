package dev.vigil.appliance;

import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.DetectSettings;
import dev.vigil.detect.DetectionService;
import dev.vigil.detect.alert.AlertSink;
import dev.vigil.detect.rules.RuleLibrary;
import dev.vigil.detect.rules.RuleTester;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Detection's beans that need wiring beyond constructor injection. */
@Factory
public class DetectFactory {

    /** Streaming detection in the ingest pipeline. */
    @Singleton
    DetectionService detectionService(RuleLibrary rules, AlertSink alerts, DetectSettings settings) {
        return new DetectionService(rules, alerts, settings);
    }

    @Singleton
    RuleTester ruleTester(ConnectorRegistry connectors) {
        return new RuleTester(connectors);
    }
}
