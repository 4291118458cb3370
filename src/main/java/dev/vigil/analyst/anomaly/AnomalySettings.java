package dev.vigil.analyst.anomaly;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Anomaly scoring configuration ({@code vigil.analyst.anomaly.*}), immutable once started; docs/analyst.md explains
 * each setting.
 *
 * @param warmUp             process starts a host shows before a new program or pair is an anomaly
 * @param logonWarmUp        successful logons a user shows before a new source is an anomaly
 * @param logonFailureWindow failed logons from a source this recently before a successful one raise its level to high
 * @param volumeBucket       length of a volume bucket (whole seconds)
 * @param volumeWarmUp       completed non-empty buckets a host shows before it can spike
 * @param volumeK            standard deviations above the mean that make a spike
 * @param volumeMinCount     a spike has more events than this
 * @param volumeAlpha        weight of the newest bucket in the moving mean and variance
 * @param snapshotInterval   how often each tenant's baselines are saved (also at shutdown)
 */
@ConfigurationProperties("vigil.analyst.anomaly")
public record AnomalySettings(
        @Bindable(defaultValue = "200") int warmUp,
        @Bindable(defaultValue = "20") int logonWarmUp,
        @Bindable(defaultValue = "30m") Duration logonFailureWindow,
        @Bindable(defaultValue = "10m") Duration volumeBucket,
        @Bindable(defaultValue = "36") int volumeWarmUp,
        @Bindable(defaultValue = "4") double volumeK,
        @Bindable(defaultValue = "100") long volumeMinCount,
        @Bindable(defaultValue = "0.05") double volumeAlpha,
        @Bindable(defaultValue = "5m") Duration snapshotInterval) {

    public AnomalySettings {
        require(warmUp >= 1, "warm-up must be at least 1, e.g. 200");
        require(logonWarmUp >= 1, "logon-warm-up must be at least 1, e.g. 20");
        require(positive(logonFailureWindow), "logon-failure-window must be positive, e.g. 30m");
        require(positive(volumeBucket) && volumeBucket.toMillis() % 1000 == 0,
                "volume-bucket must be whole seconds, at least 1s, e.g. 10m");
        require(volumeWarmUp >= 1, "volume-warm-up must be at least 1, e.g. 36");
        require(volumeK > 0, "volume-k must be positive, e.g. 4");
        require(volumeMinCount >= 0, "volume-min-count must be zero or more, e.g. 100");
        require(volumeAlpha > 0 && volumeAlpha <= 1, "volume-alpha must lie in (0, 1], e.g. 0.05");
        require(positive(snapshotInterval) && snapshotInterval.toSeconds() >= 1,
                "snapshot-interval must be at least 1s, e.g. 5m");
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("vigil.analyst.anomaly." + message);
        }
    }

    /** The process baselines these settings describe (10,000 hosts, 5,000 programs and pairs per host). */
    ProcessBaselines processBaselines() {
        return new ProcessBaselines(warmUp, 10_000, 5_000);
    }

    /** The logon-source baselines (10,000 users, 200 sources per user, 10,000 recent failure pairs). */
    LogonSourceBaselines logonBaselines() {
        return new LogonSourceBaselines(logonWarmUp, 10_000, 200, 10_000, logonFailureWindow);
    }

    /** The volume baselines (10,000 hosts). */
    VolumeBaselines volumeBaselines() {
        return new VolumeBaselines(volumeBucket, volumeWarmUp, volumeK, volumeMinCount, volumeAlpha, 10_000);
    }
}
