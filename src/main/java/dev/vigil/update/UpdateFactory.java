package dev.vigil.update;

import dev.vigil.appliance.VigilSettings;
import dev.vigil.audit.AuditTrail;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** The appliance's update service over {@code <data>/content}, with every content validator that is a bean. */
@Factory
public class UpdateFactory {

    @Singleton
    UpdateService updateService(VigilSettings settings, List<ContentValidator> validators, AuditTrail audit, Clock clock) {
        return new UpdateService(settings.dataDir().resolve("content"), validators, audit, clock, ApplyObserver.NONE);
    }
}
