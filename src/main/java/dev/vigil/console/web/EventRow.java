package dev.vigil.console.web;

import dev.vigil.event.LogSource;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.store.StoredEvent;

import java.time.Instant;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One event as the search table shows it: its time, connector, a one-line summary, and every normalised field as a
 * flat name/value list (nested objects joined with '.', lists shown as their items) with the raw record. Pure logic.
 */
public record EventRow(String id, String time, String connector, String logSource, String summary,
                       List<Field> fields, String raw, String parseError) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final int SUMMARY_CHARS = 220;

    /** One field: its dotted name and text value. */
    public record Field(String name, String value) {
    }

    public static EventRow of(StoredEvent e) {
        return of(e.id(), e.timestamp(), e.connector(), e.logSource(), e.fields(), e.raw(), e.parseError());
    }

    /** A normalised event that was not stored (a connector test): its id is its line's sequence. */
    public static EventRow of(NormalizedEvent e) {
        return of(e.id(), e.timestamp(), e.connector(), e.logSource(), e.fields(), e.raw(), e.parseError());
    }

    private static EventRow of(String id, Instant time, String connector, LogSource logSource, Map<String, Object> raw,
                               String rawText, String parseError) {
        List<Field> fields = flatten(raw);
        String message = fields.stream().filter(f -> f.name().equals("message")).map(Field::value).findFirst()
                .orElse(rawText);
        String summary = message.length() > SUMMARY_CHARS ? message.substring(0, SUMMARY_CHARS) + "…" : message;
        String source = String.join("/", java.util.stream.Stream.of(logSource.product(), logSource.category(),
                logSource.service()).filter(s -> s != null && !s.isEmpty()).toList());
        return new EventRow(id, TIME.format(time), connector, source, summary, fields, rawText, parseError);
    }

    /** The fields sorted by name, nested maps flattened with '.', one entry per list item. */
    public static List<Field> flatten(Map<String, Object> fields) {
        Map<String, List<String>> flat = new TreeMap<>();
        fields.forEach((k, v) -> add(flat, k, v));
        List<Field> out = new ArrayList<>();
        flat.forEach((k, values) -> values.forEach(v -> out.add(new Field(k, v))));
        return out;
    }

    private static void add(Map<String, List<String>> flat, String name, Object value) {
        switch (value) {
            case null -> { }
            case Map<?, ?> map -> map.forEach((k, v) -> add(flat, name + "." + k, v));
            case Collection<?> list -> list.forEach(v -> add(flat, name, v));
            default -> flat.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
        }
    }
}
