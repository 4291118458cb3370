package dev.vigil.ingest.http;

import java.time.Instant;

/**
 * One event of a Splunk HTTP Event Collector request.
 *
 * @param payload    the event itself: the {@code event} string as sent, or the {@code event} object as compact JSON
 * @param time       the {@code time} the sender gave (epoch seconds with fraction), or null
 * @param host       the {@code host} metadata, or null
 * @param source     the {@code source} metadata, or null
 * @param sourcetype the {@code sourcetype} metadata, or null; used to pick a connector when it names one
 */
public record HecEvent(String payload, Instant time, String host, String source, String sourcetype) {
}
