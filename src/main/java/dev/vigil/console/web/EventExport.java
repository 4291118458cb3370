package dev.vigil.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.store.StoredEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Search results as a file: CSV (RFC 4180: a header row of {@code @timestamp, @id, @connector}, every normalised
 * field that occurs, then {@code @raw}; fields quoted when they contain a comma, quote or line break; a field with
 * several values joins them with a line break) or NDJSON (one object per event, as the API's event view). Pure logic.
 */
public final class EventExport {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private EventExport() {
    }

    public static String csv(List<StoredEvent> events) {
        List<Map<String, String>> rows = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        for (StoredEvent e : events) {
            Map<String, String> row = new LinkedHashMap<>();
            for (EventRow.Field f : EventRow.flatten(e.fields())) {
                row.merge(f.name(), f.value(), (a, b) -> a + "\n" + b);
                names.add(f.name());
            }
            rows.add(row);
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("@timestamp", "@id", "@connector"));
        header.addAll(names);
        header.add("@raw");
        line(out, header);
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            List<String> cells = new ArrayList<>(List.of(e.timestamp().toString(), e.id(), e.connector()));
            Map<String, String> row = rows.get(i);
            names.forEach(n -> cells.add(row.getOrDefault(n, "")));
            cells.add(e.raw());
            line(out, cells);
        }
        return out.toString();
    }

    public static String ndjson(List<StoredEvent> events) {
        StringBuilder out = new StringBuilder();
        for (StoredEvent e : events) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", e.id()).put("timestamp", e.timestamp().toString()).put("receivedAt", e.receivedAt().toString())
                    .put("connector", e.connector()).put("product", e.logSource().product())
                    .put("category", e.logSource().category()).put("service", e.logSource().service());
            o.set("fields", JSON.valueToTree(e.fields()));
            o.put("raw", e.raw()).put("parseError", e.parseError());
            try {
                out.append(JSON.writeValueAsString(o)).append('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("an event's fields are always serialisable", ex);
            }
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }
}
