package dev.vigil.detect;

import dev.vigil.event.NormalizedEvent;

import java.util.List;

/**
 * Builds the key alerts of one rule fold together by: for each configured entry ({@code host.name|Computer}), the
 * first of its fields the event has, as {@code field=value}, joined by {@code ;}. Pure.
 */
public final class GroupKeys {

    private final List<List<String>> entries;

    public GroupKeys(List<String> groupBy) {
        this.entries = groupBy.stream().map(e -> List.of(e.split("\\|"))).map(l -> l.stream().map(String::trim).toList()).toList();
    }

    public String of(NormalizedEvent event) {
        StringBuilder key = new StringBuilder();
        for (List<String> alternatives : entries) {
            for (String field : alternatives) {
                String value = event.text(field);
                if (value != null && !value.isEmpty()) {
                    key.append(key.isEmpty() ? "" : ";").append(field).append('=').append(value);
                    break;
                }
            }
        }
        return key.toString();
    }
}
