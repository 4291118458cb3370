package dev.vigil.ingest;

import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;

/**
 * Turns a spooled record into a normalised event. Implementations never throw: a record they cannot parse comes back
 * as {@link NormalizedEvent#unparsed} with the reason, so it is stored and counted, never dropped.
 */
@FunctionalInterface
public interface EventNormalizer {

    NormalizedEvent normalize(RawEvent raw);
}
