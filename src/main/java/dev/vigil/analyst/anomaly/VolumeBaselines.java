package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-tenant, per-host event volume: events counted in fixed buckets of event time, and an exponentially weighted
 * mean and variance of the counts of completed buckets. Pure (no I/O, no clock: times are the events' and the
 * caller's tick); in memory, bounded.
 *
 * <p>How a bucket completes: when the host's first event of a later bucket arrives, or when {@link #tick} is called
 * with a time at least one bucket past the bucket's end (so a host that spikes and then falls silent is still judged).
 * A completed bucket is a spike when, after the host has completed {@code warmUpBuckets} buckets, its count exceeds
 * both {@code mean + k·sd} and {@code minCount}; "far" (a stronger finding) when it also exceeds {@code mean + 2k·sd}.
 * The standard deviation used is at least √mean, the noise of a count, so a very regular host does not spike on a
 * handful of extra events. Only buckets in which the host sent something are learned: silence (a laptop off at
 * night, a host evicted and back) is not, so a host coming back is not a spike for being active again. Every
 * completed bucket, spike or not, is then learned, so a lasting change of volume becomes the usual.
 *
 * <p>Late events: an event older than its host's current bucket counts into the current bucket (volume is never
 * dropped, a lagging log source of a host still counts); events never reopen a completed bucket.
 *
 * <p>Guarantees: the per-event cost is one map lookup and a counter increment; each tenant keeps at most
 * {@code maxHosts} hosts (least recently seen evicted, counted); tenants never share a baseline. Synchronised.
 */
public final class VolumeBaselines {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A completed bucket whose count was unusually high for its host, in plain words. */
    public record Spike(String host, Instant bucketStart, Instant bucketEnd, long count, double mean, double sd,
                        boolean far, String explanation) {

        /** Whether the instant lies in the spike's bucket. */
        public boolean covers(Instant at) {
            return !at.isBefore(bucketStart) && at.isBefore(bucketEnd);
        }
    }

    /** One host's volume baseline, as persisted. */
    public record HostState(String host, long bucketStart, long count, long buckets, double mean, double variance,
                            long lastSpikeStart, long lastSpikeCount, double lastSpikeMean, double lastSpikeSd) {
    }

    private final long bucketMillis;
    private final int warmUpBuckets;
    private final double k;
    private final long minCount;
    private final double alpha;
    private final int maxHosts;
    private final Map<TenantId, Map<String, Host>> tenants = new HashMap<>();
    private long evictions;

    /**
     * @param bucket        bucket length (whole seconds, positive)
     * @param warmUpBuckets completed non-empty buckets before a host can spike
     * @param k             how many standard deviations above the mean make a spike
     * @param minCount      a spike has more events than this, whatever the mean
     * @param alpha         weight of the newest bucket in the moving mean and variance, in (0, 1]
     * @param maxHosts      hosts kept per tenant
     */
    public VolumeBaselines(Duration bucket, int warmUpBuckets, double k, long minCount, double alpha, int maxHosts) {
        if (bucket.toSeconds() < 1 || bucket.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the volume bucket must be whole seconds, at least 1 s, was " + bucket);
        }
        if (warmUpBuckets < 1 || maxHosts < 1 || minCount < 0 || !(k > 0) || !(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("volume warm-up and host bound must be positive, k > 0, min count >= 0,"
                    + " alpha in (0, 1]");
        }
        this.bucketMillis = bucket.toMillis();
        this.warmUpBuckets = warmUpBuckets;
        this.k = k;
        this.minCount = minCount;
        this.alpha = alpha;
        this.maxHosts = maxHosts;
    }

    /** Counts one event of the host at its event time; returns the spike when this completed a spiking bucket. */
    public synchronized Optional<Spike> count(TenantId tenant, String host, Instant at) {
        Host h = host(tenant, host);
        long bucket = Math.floorDiv(at.toEpochMilli(), bucketMillis) * bucketMillis;
        Optional<Spike> spike = Optional.empty();
        if (h.count == 0 && bucket > h.bucketStart) {
            h.bucketStart = bucket;
        } else if (bucket > h.bucketStart) {
            spike = complete(host, h);
            h.bucketStart = bucket;
        }
        h.count++;
        return spike;
    }

    /** Completes the buckets of every host of the tenant that ended at least one bucket before {@code now}. */
    public synchronized List<Spike> tick(TenantId tenant, Instant now) {
        Map<String, Host> hosts = tenants.get(tenant);
        if (hosts == null) {
            return List.of();
        }
        List<Spike> spikes = new ArrayList<>();
        for (Map.Entry<String, Host> e : hosts.entrySet()) {
            Host h = e.getValue();
            if (h.count > 0 && h.bucketStart + 2 * bucketMillis <= now.toEpochMilli()) {
                complete(e.getKey(), h).ifPresent(spikes::add);
                h.bucketStart += bucketMillis;
            }
        }
        return spikes;
    }

    /** Whether the host has completed enough buckets to judge a spike. */
    public synchronized boolean warm(TenantId tenant, String host) {
        Host h = find(tenant, host);
        return h != null && h.buckets >= warmUpBuckets;
    }

    /**
     * The host's spike at {@code at}, if any: its last spiking bucket when that covers {@code at}, or its current,
     * incomplete bucket when that covers {@code at} and already counts more than a spike needs.
     */
    public synchronized Optional<Spike> spikeAt(TenantId tenant, String host, Instant at) {
        Host h = find(tenant, host);
        if (h == null || h.buckets < warmUpBuckets) {
            return Optional.empty();
        }
        long t = at.toEpochMilli();
        if (h.lastSpikeCount > 0 && t >= h.lastSpikeStart && t < h.lastSpikeStart + bucketMillis) {
            return Optional.of(spike(host, h.lastSpikeStart, h.lastSpikeCount, h.lastSpikeMean, h.lastSpikeSd));
        }
        if (h.count > 0 && t >= h.bucketStart && t < h.bucketStart + bucketMillis && spiking(h.count, h.mean, sd(h))) {
            return Optional.of(spike(host, h.bucketStart, h.count, h.mean, sd(h)));
        }
        return Optional.empty();
    }

    /** The host's moving mean and standard deviation per bucket, or empty when unknown. */
    public synchronized Optional<double[]> usual(TenantId tenant, String host) {
        Host h = find(tenant, host);
        return h == null || h.buckets == 0 ? Optional.empty() : Optional.of(new double[] {h.mean, Math.sqrt(h.variance)});
    }

    /** Hosts evicted to stay within bounds since start. */
    public synchronized long evictions() {
        return evictions;
    }

    /** The tenant's baselines, least recently seen host first: what a snapshot persists. */
    public synchronized List<HostState> export(TenantId tenant) {
        List<HostState> out = new ArrayList<>();
        tenants.getOrDefault(tenant, Map.of()).forEach((name, h) -> out.add(new HostState(name, h.bucketStart, h.count,
                h.buckets, h.mean, h.variance, h.lastSpikeStart, h.lastSpikeCount, h.lastSpikeMean, h.lastSpikeSd)));
        return out;
    }

    /** Replaces the tenant's baselines with a snapshot (the host bound applied). */
    public synchronized void restore(TenantId tenant, List<HostState> hosts) {
        tenants.remove(tenant);
        for (HostState s : hosts) {
            Host h = host(tenant, s.host());
            h.bucketStart = s.bucketStart();
            h.count = s.count();
            h.buckets = s.buckets();
            h.mean = s.mean();
            h.variance = s.variance();
            h.lastSpikeStart = s.lastSpikeStart();
            h.lastSpikeCount = s.lastSpikeCount();
            h.lastSpikeMean = s.lastSpikeMean();
            h.lastSpikeSd = s.lastSpikeSd();
        }
    }

    private Optional<Spike> complete(String name, Host h) {
        Optional<Spike> found = Optional.empty();
        double sd = sd(h);
        if (h.buckets >= warmUpBuckets && spiking(h.count, h.mean, sd)) {
            found = Optional.of(spike(name, h.bucketStart, h.count, h.mean, sd));
            h.lastSpikeStart = h.bucketStart;
            h.lastSpikeCount = h.count;
            h.lastSpikeMean = h.mean;
            h.lastSpikeSd = sd;
        }
        learn(h, h.count);
        h.count = 0;
        return found;
    }

    private void learn(Host h, long x) {
        if (h.buckets == 0) {
            h.mean = x;
            h.variance = 0;
        } else {
            double diff = x - h.mean;
            double increment = alpha * diff;
            h.mean += increment;
            h.variance = (1 - alpha) * (h.variance + diff * increment);
        }
        h.buckets++;
    }

    private static double sd(Host h) {
        return Math.max(Math.sqrt(h.variance), Math.sqrt(Math.max(h.mean, 1)));
    }

    private boolean spiking(long count, double mean, double sd) {
        return count > minCount && count > mean + k * sd;
    }

    private Spike spike(String host, long start, long count, double mean, double sd) {
        boolean far = count > mean + 2 * k * sd;
        String explanation = host + " sent " + Plain.count(count, "event") + " in "
                + Plain.duration(Duration.ofMillis(bucketMillis)) + " from " + CLOCK.format(Instant.ofEpochMilli(start))
                + "; its usual is " + Plain.number(mean) + " ± " + Plain.number(sd);
        return new Spike(host, Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + bucketMillis), count, mean, sd,
                far, explanation);
    }

    private Host find(TenantId tenant, String host) {
        Map<String, Host> hosts = tenants.get(tenant);
        return hosts == null ? null : hosts.get(host);
    }

    private Host host(TenantId tenant, String name) {
        return tenants.computeIfAbsent(tenant, t -> new BoundedMap<>(maxHosts, true, () -> evictions++))
                .computeIfAbsent(name, n -> new Host());
    }

    private static final class Host {
        long bucketStart = Long.MIN_VALUE;
        long count;
        long buckets;
        double mean;
        double variance;
        long lastSpikeStart;
        long lastSpikeCount;
        double lastSpikeMean;
        double lastSpikeSd;
    }
}
