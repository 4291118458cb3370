package dev.vigil.appliance;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * The audit chain's configuration ({@code vigil.audit.*}), immutable once started; documented in docs/audit.md.
 *
 * @param origin              the log's origin and key name, used only when the signing key is generated at first
 *                            start; when absent a unique one ({@code vigil.audit/<random>}) is made up
 * @param checkpointInterval  the longest time new entries wait for a signed checkpoint
 * @param checkpointEntries   sign as soon as this many entries are not yet covered
 * @param witnesses           witnesses to send each checkpoint to, each {@code URL KEY} (the witness's verifier key)
 */
@ConfigurationProperties("vigil.audit")
public record AuditSettings(
        @Nullable String origin,
        @Bindable(defaultValue = "5s") Duration checkpointInterval,
        @Bindable(defaultValue = "1000") long checkpointEntries,
        @Bindable(defaultValue = "") List<String> witnesses) {

    public AuditSettings {
        if (checkpointInterval == null || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("vigil.audit.checkpoint-interval must be positive, was " + checkpointInterval);
        }
        if (checkpointEntries < 1) {
            throw new IllegalArgumentException("vigil.audit.checkpoint-entries must be at least 1, was " + checkpointEntries);
        }
        witnesses = witnesses == null ? List.of() : witnesses.stream().filter(w -> !w.isBlank()).toList();
    }
}
