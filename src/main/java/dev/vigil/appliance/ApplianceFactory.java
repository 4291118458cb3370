package dev.vigil.appliance;

import dev.vigil.audit.AuditTrail;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Creates the appliance's process-wide singletons that are not beans by themselves. */
@Factory
public class ApplianceFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "close")
    AuditTrail auditTrail(VigilSettings settings, Clock clock) {
        return new AuditTrail(settings.dataDir().resolve("audit"), clock, settings.policyVersion());
    }
}
