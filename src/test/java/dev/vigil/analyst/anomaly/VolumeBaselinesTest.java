package dev.vigil.analyst.anomaly;

import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-host event volume in buckets of event time: warm-up, the spike rule, quiet hosts, late events, tenancy, bounds. */
class VolumeBaselinesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Duration BUCKET = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static VolumeBaselines baselines(int warmUp) {
        return new VolumeBaselines(BUCKET, warmUp, 3, 20, 0.1, 100);
    }

    /** Sends {@code n} events spread over bucket {@code index}; returns the spikes reported while doing so. */
    private static List<VolumeBaselines.Spike> bucket(VolumeBaselines b, TenantId tenant, String host, int index, int n) {
        List<VolumeBaselines.Spike> spikes = new ArrayList<>();
        Instant start = T0.plus(BUCKET.multipliedBy(index));
        for (int i = 0; i < n; i++) {
            b.count(tenant, host, start.plusMillis(i * (BUCKET.toMillis() / n))).ifPresent(spikes::add);
        }
        return spikes;
    }

    private static void usualDay(VolumeBaselines b, TenantId tenant, String host, int buckets) {
        for (int i = 0; i < buckets; i++) {
            assertEquals(List.of(), bucket(b, tenant, host, i, 300 + (i % 3) * 10));
        }
    }

    @Test
    void aBucketFarAboveTheUsualIsASpikeWhenTheNextBucketStarts() {
        VolumeBaselines b = baselines(10);
        usualDay(b, ACME, "ws-12", 12);
        assertEquals(List.of(), bucket(b, ACME, "ws-12", 12, 4_812), "judged only when the bucket completes");

        List<VolumeBaselines.Spike> spikes = bucket(b, ACME, "ws-12", 13, 1);

        assertEquals(1, spikes.size());
        VolumeBaselines.Spike s = spikes.getFirst();
        assertEquals(4_812, s.count());
        assertTrue(s.far());
        assertEquals(T0.plus(BUCKET.multipliedBy(12)), s.bucketStart());
        assertTrue(s.explanation().startsWith("ws-12 sent 4,812 events in 10 minutes from 2026-03-01 14:00 UTC; its usual is 3"),
                s.explanation());
    }

    @Test
    void theUsualIsTheMovingMeanAndSpreadOfCompletedBuckets() {
        VolumeBaselines b = new VolumeBaselines(BUCKET, 1, 3, 0, 0.5, 10);
        bucket(b, ACME, "h", 0, 100);
        bucket(b, ACME, "h", 1, 200);
        bucket(b, ACME, "h", 2, 1);

        double[] usual = b.usual(ACME, "h").orElseThrow();

        // first bucket sets the mean to 100; then diff 100, mean 100 + 0.5*100 = 150, variance 0.5*(0 + 100*50) = 2500
        assertEquals(150, usual[0], 1e-9);
        assertEquals(50, usual[1], 1e-9);
    }

    @Test
    void aRiseWithinTheUsualSpreadOrBelowTheMinimumCountIsNoSpike() {
        VolumeBaselines b = baselines(10);
        usualDay(b, ACME, "ws-12", 12);
        bucket(b, ACME, "ws-12", 12, 340);
        assertEquals(List.of(), bucket(b, ACME, "ws-12", 13, 300), "340 lies within 3 sd of about 310");

        VolumeBaselines quiet = baselines(3);
        for (int i = 0; i < 5; i++) {
            bucket(quiet, ACME, "printer", i, 1);
        }
        bucket(quiet, ACME, "printer", 5, 15);
        assertEquals(List.of(), bucket(quiet, ACME, "printer", 6, 1), "15 events is below the minimum count of 20");
    }

    @Test
    void nothingSpikesWhileTheHostWarmsUp() {
        VolumeBaselines b = baselines(10);
        usualDay(b, ACME, "ws-12", 5);
        bucket(b, ACME, "ws-12", 5, 5_000);
        assertEquals(List.of(), bucket(b, ACME, "ws-12", 6, 1));
        assertFalse(b.warm(ACME, "ws-12"));
    }

    @Test
    void aQuietHostsLastBucketIsJudgedByTheTick() {
        VolumeBaselines b = baselines(10);
        usualDay(b, ACME, "ws-12", 12);
        bucket(b, ACME, "ws-12", 12, 4_000);
        Instant bucketEnd = T0.plus(BUCKET.multipliedBy(13));

        assertEquals(List.of(), b.tick(ACME, bucketEnd), "not before a whole bucket has passed since its end");
        List<VolumeBaselines.Spike> spikes = b.tick(ACME, bucketEnd.plus(BUCKET));

        assertEquals(1, spikes.size());
        assertEquals(4_000, spikes.getFirst().count());
        assertEquals(List.of(), b.tick(ACME, bucketEnd.plus(BUCKET.multipliedBy(5))), "judged once");
    }

    @Test
    void silenceIsNotLearnedSoAHostBackFromANightOffIsNoSpike() {
        VolumeBaselines b = baselines(10);
        usualDay(b, ACME, "laptop", 12);
        double before = b.usual(ACME, "laptop").orElseThrow()[0];

        assertEquals(List.of(), bucket(b, ACME, "laptop", 80, 310), "eight hours later");
        assertEquals(before, b.usual(ACME, "laptop").orElseThrow()[0], 1e-9 + before * 0.1);
    }

    @Test
    void lateEventsCountIntoTheCurrentBucketAndNeverReopenACompletedOne() {
        VolumeBaselines b = baselines(1);
        bucket(b, ACME, "h", 0, 100);
        bucket(b, ACME, "h", 1, 100);
        bucket(b, ACME, "h", 2, 10);
        for (int i = 0; i < 2_000; i++) {
            b.count(ACME, "h", T0.plusSeconds(i % 600)); // events of bucket 0 arriving in bucket 2
        }

        List<VolumeBaselines.Spike> spikes = bucket(b, ACME, "h", 3, 1);

        assertEquals(1, spikes.size());
        assertEquals(2_010, spikes.getFirst().count());
        assertEquals(T0.plus(BUCKET.multipliedBy(2)), spikes.getFirst().bucketStart());
    }

    @Test
    void theSpikeCoversItsBucketForTriage() {
        VolumeBaselines b = baselines(10);
        usualDay(b, ACME, "ws-12", 12);
        bucket(b, ACME, "ws-12", 12, 4_000);
        Instant inSpike = T0.plus(BUCKET.multipliedBy(12)).plusSeconds(30);

        assertTrue(b.spikeAt(ACME, "ws-12", inSpike).isPresent(), "the current bucket is already above the threshold");
        bucket(b, ACME, "ws-12", 13, 300);
        assertTrue(b.spikeAt(ACME, "ws-12", inSpike).isPresent(), "and stays a spike once completed");
        assertEquals(Optional.empty(), b.spikeAt(ACME, "ws-12", T0.plusSeconds(30)));
        assertEquals(Optional.empty(), b.spikeAt(GLOBEX, "ws-12", inSpike));
    }

    @Test
    void tenantsNeverShareABaseline() {
        VolumeBaselines b = baselines(10);
        usualDay(b, GLOBEX, "ws-12", 12);
        assertFalse(b.warm(ACME, "ws-12"));
        bucket(b, ACME, "ws-12", 12, 4_000);
        assertEquals(List.of(), bucket(b, ACME, "ws-12", 13, 1), "acme's host has no history of its own");
    }

    @Test
    void theLeastRecentlySeenHostIsEvicted() {
        VolumeBaselines b = new VolumeBaselines(BUCKET, 1, 3, 0, 0.1, 2);
        b.count(ACME, "a", T0);
        b.count(ACME, "b", T0);
        b.count(ACME, "a", T0);
        b.count(ACME, "c", T0);

        assertEquals(List.of("a", "c"), b.export(ACME).stream().map(VolumeBaselines.HostState::host).toList());
        assertEquals(1, b.evictions());
    }

    @Test
    void anExportRestoresToTheSameBaseline() {
        VolumeBaselines b = baselines(10);
        usualDay(b, ACME, "ws-12", 12);
        VolumeBaselines copy = baselines(10);

        copy.restore(ACME, b.export(ACME));
        bucket(copy, ACME, "ws-12", 12, 4_000);

        assertEquals(1, bucket(copy, ACME, "ws-12", 13, 1).size());
    }
}
