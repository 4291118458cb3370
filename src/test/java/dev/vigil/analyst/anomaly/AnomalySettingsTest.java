package dev.vigil.analyst.anomaly;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A bad anomaly setting stops the start with the setting's name and an example of a good value. */
class AnomalySettingsTest {

    private static AnomalySettings with(Duration bucket, double alpha) {
        return new AnomalySettings(200, 20, Duration.ofMinutes(30), bucket, 36, 4, 100, alpha, Duration.ofMinutes(5));
    }

    @Test
    void aBucketOfPartSecondsIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Duration.ofMillis(1500), 0.05));
        assertEquals("vigil.analyst.anomaly.volume-bucket must be whole seconds, at least 1s, e.g. 10m", e.getMessage());
    }

    @Test
    void anAlphaOutsideZeroToOneIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Duration.ofMinutes(10), 1.5));
        assertEquals("vigil.analyst.anomaly.volume-alpha must lie in (0, 1], e.g. 0.05", e.getMessage());
    }
}
