package dev.vigil.control;

import dev.vigil.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts AI work under way per feature and tenant, so a dry-run can say what a switch would interrupt. A feature
 * wraps each piece of work in {@code try (var w = inFlight.begin(feature, tenant)) { … }}.
 */
@Singleton
public class InFlightWork {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Marks one piece of work as started; closing the ticket marks it finished. */
    public Ticket begin(AiFeature feature, TenantId tenant) {
        AtomicInteger c = counts.computeIfAbsent(key(feature, tenant), k -> new AtomicInteger());
        c.incrementAndGet();
        return c::decrementAndGet;
    }

    public int count(AiFeature feature, TenantId tenant) {
        AtomicInteger c = counts.get(key(feature, tenant));
        return c == null ? 0 : c.get();
    }

    private static String key(AiFeature feature, TenantId tenant) {
        return feature.id() + "/" + tenant;
    }

    /** One piece of work under way. */
    @FunctionalInterface
    public interface Ticket extends AutoCloseable {
        @Override
        void close();
    }
}
