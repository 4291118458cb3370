package dev.vigil.fleet;

import dev.vigil.appliance.ApplianceFactory;
import dev.vigil.audit.MutableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** In contexts started with {@code vigil.test.fleet-clock=<instant>}, the appliance's clock is a {@link MutableClock}. */
@Factory
@Requires(property = FleetTestClock.PROPERTY)
class FleetTestClock {

    static final String PROPERTY = "vigil.test.fleet-clock";

    @Singleton
    @Replaces(bean = Clock.class, factory = ApplianceFactory.class)
    Clock clock(@Property(name = PROPERTY) String start) {
        return new MutableClock(Instant.parse(start));
    }
}
