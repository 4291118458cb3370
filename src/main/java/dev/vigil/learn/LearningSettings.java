package dev.vigil.learn;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Feedback learning's settings ({@code vigil.learn.*}), immutable once the process has started.
 *
 * @param heldOutFraction   share of the latest verdicts held out to compare challenger and champion
 * @param minTrainEach      least true positives, and least other verdicts, to train on
 * @param minHeldOutEach    least true positives, and least other verdicts, to test on
 * @param maxVerdicts       at most this many of the latest verdicts are read
 * @param minNewVerdicts    the schedule retrains a tenant only when this many verdicts arrived since its last training
 * @param interval          how often the schedule looks (a duration such as {@code 24h})
 * @param priorStrength     how strongly a challenger is held to the champion's weights (negative: train from scratch)
 */
@ConfigurationProperties("vigil.learn")
public record LearningSettings(
        @Bindable(defaultValue = "0.3") double heldOutFraction,
        @Bindable(defaultValue = "5") int minTrainEach,
        @Bindable(defaultValue = "3") int minHeldOutEach,
        @Bindable(defaultValue = "50000") int maxVerdicts,
        @Bindable(defaultValue = "20") int minNewVerdicts,
        @Bindable(defaultValue = "24h") String interval,
        @Bindable(defaultValue = "0.1") double priorStrength) {

    public LearningSettings {
        if (maxVerdicts < 10) {
            throw new IllegalArgumentException("vigil.learn.max-verdicts must be at least 10, was " + maxVerdicts);
        }
        if (minNewVerdicts < 1) {
            throw new IllegalArgumentException("vigil.learn.min-new-verdicts must be at least 1, was " + minNewVerdicts);
        }
    }

    public TimeSplit split() {
        return new TimeSplit(heldOutFraction, minTrainEach, minHeldOutEach);
    }
}
