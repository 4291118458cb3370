package dev.vigil.detect.sigma;

import dev.vigil.event.NormalizedEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One event as rules see it: field values as text, looked up by exact name and, failing that, case-insensitively
 * (Sigma field names are written by people; {@code commandline} should still find {@code CommandLine}). Lower-cased
 * values are computed once per event and shared by every rule. Not thread-safe: one view per event per thread.
 */
public final class EventView {

    private static final String[] NONE = new String[0];

    private final NormalizedEvent event;
    private final Map<String, String[]> values = new HashMap<>();
    private final Map<String, String[]> lowered = new HashMap<>();
    private Map<String, String> namesByLowerCase;
    private String[] allValues;
    private String[] allLowered;

    public EventView(NormalizedEvent event) {
        this.event = event;
    }

    public NormalizedEvent event() {
        return event;
    }

    /** True when the event has the field (under its exact name or case-insensitively). */
    public boolean has(String field) {
        return resolve(field) != null;
    }

    /** The field's values as text (a list field gives one per element); empty when absent. */
    public String[] values(String field) {
        String[] cached = values.get(field);
        if (cached != null) {
            return cached;
        }
        String name = resolve(field);
        String[] result = name == null ? NONE : textOf(event.fields().get(name));
        values.put(field, result);
        return result;
    }

    /** The field's values lower-cased (Locale.ROOT), parallel to {@link #values}. */
    public String[] lowered(String field) {
        String[] cached = lowered.get(field);
        if (cached != null) {
            return cached;
        }
        String[] result = lower(values(field));
        lowered.put(field, result);
        return result;
    }

    /** Every value of every field as text (the raw text when the event has no fields), for keyword searches. */
    public String[] allValues() {
        if (allValues == null) {
            List<String> all = new ArrayList<>();
            for (Object value : event.fields().values()) {
                for (String text : textOf(value)) {
                    all.add(text);
                }
            }
            if (all.isEmpty()) {
                all.add(event.raw());
            }
            allValues = all.toArray(NONE);
        }
        return allValues;
    }

    /** {@link #allValues()} lower-cased. */
    public String[] allLowered() {
        if (allLowered == null) {
            allLowered = lower(allValues());
        }
        return allLowered;
    }

    private String resolve(String field) {
        if (event.fields().containsKey(field)) {
            return field;
        }
        if (namesByLowerCase == null) {
            namesByLowerCase = new HashMap<>();
            for (String name : event.fields().keySet()) {
                namesByLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return namesByLowerCase.get(field.toLowerCase(Locale.ROOT));
    }

    private static String[] lower(String[] texts) {
        String[] result = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            result[i] = texts[i].toLowerCase(Locale.ROOT);
        }
        return result;
    }

    private static String[] textOf(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element != null) {
                    texts.add(String.valueOf(element));
                }
            }
            return texts.toArray(NONE);
        }
        return new String[] {String.valueOf(value)};
    }
}
