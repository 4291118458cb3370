package dev.vigil.detect.alert;

import dev.vigil.detect.RuleLevel;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Locale;

/**
 * Which alerts to list.
 *
 * @param status   only this status, or any
 * @param minLevel only this level or higher, or any
 * @param ruleId   only this rule, or any
 * @param since    only alerts seen at or after this time
 * @param text     only alerts whose title contains this (case-insensitive), or any
 * @param limit    at most this many, newest first (1..1000)
 */
public record AlertQuery(@Nullable AlertStatus status, @Nullable RuleLevel minLevel, @Nullable String ruleId, Instant since,
                         @Nullable String text, int limit) {

    public AlertQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        text = text == null || text.isBlank() ? null : text.toLowerCase(Locale.ROOT);
    }

    boolean accepts(Alert alert) {
        return (status == null || alert.status() == status)
                && (minLevel == null || alert.level().compareTo(minLevel) >= 0)
                && (ruleId == null || alert.ruleId().equals(ruleId))
                && (text == null || alert.title().toLowerCase(Locale.ROOT).contains(text));
    }
}
