package dev.vigil.detect.sigma;

import dev.vigil.event.LogSource;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rule's {@code logsource}: the events it applies to. A null component matches anything; a given component must
 * equal the event's (case-insensitively), except that a category names an umbrella over its sub-categories as Sigma's
 * taxonomy defines ({@code registry_event} covers {@code registry_add}, {@code registry_delete}, {@code registry_set}
 * and {@code registry_rename}).
 */
public record RuleLogSource(String product, String category, String service) {

    private static final Map<String, Set<String>> UMBRELLAS = Map.of(
            "registry_event", Set.of("registry_event", "registry_add", "registry_delete", "registry_set", "registry_rename"));

    public RuleLogSource {
        product = normalise(product);
        category = normalise(category);
        service = normalise(service);
    }

    /** True when an event from {@code source} is one this rule applies to. */
    public boolean covers(LogSource source) {
        return same(product, source.product()) && sameCategory(source.category()) && same(service, source.service());
    }

    /** True when every event this log source covers is also covered by {@code wider}. */
    public boolean within(RuleLogSource wider) {
        return (wider.product == null || wider.product.equals(product))
                && (wider.category == null || (category != null && coveredCategories(wider.category).contains(category)))
                && (wider.service == null || wider.service.equals(service));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, "product", product);
        append(text, "category", category);
        append(text, "service", service);
        return text.isEmpty() ? "any" : text.toString();
    }

    private boolean sameCategory(String eventCategory) {
        if (category == null) {
            return true;
        }
        return eventCategory != null && coveredCategories(category).contains(eventCategory.toLowerCase(Locale.ROOT));
    }

    private static Set<String> coveredCategories(String category) {
        return UMBRELLAS.getOrDefault(category, Set.of(category));
    }

    private static boolean same(String ruleValue, String eventValue) {
        return ruleValue == null || (eventValue != null && ruleValue.equalsIgnoreCase(eventValue));
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : ", ").append(key).append('=').append(value);
        }
    }

    private static String normalise(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
