package dev.vigil.detect.correlation;

import dev.vigil.event.NormalizedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One match as a correlation window holds it.
 *
 * @param time     event time (for a chained correlation: the time its firing completed)
 * @param arrival  arrival order, which breaks ties between equal times
 * @param position which of the correlation's referenced rules it matched (index into {@code rules})
 * @param eventIds the events behind it (one for a detection match, the firing's events for a chained correlation)
 * @param value    the values of the condition's fields, or null when the match lacks one of them
 * @param number   the value as a number for value_sum, value_avg and percentiles, or null
 * @param event    the event itself (for a chained correlation: the event that completed it)
 */
record Contribution(Instant time, long arrival, int position, List<String> eventIds, List<String> value, BigDecimal number,
                    NormalizedEvent event) {
}
