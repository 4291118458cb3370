package dev.vigil.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.learn.ModelVersion;

import java.io.IOException;
import java.util.Locale;

/** Formatting for the models pages: a version's held-out metric from its metrics document, alias targets by label. Pure. */
public final class ModelsView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelsView() {
    }

    /**
     * The challenger's metric on held-out verdicts for a trained version, the held-out simulation's for the factory
     * model, or "-" when the version has none.
     */
    public static String metric(ModelVersion v, String name) {
        try {
            JsonNode m = JSON.readTree(v.metrics());
            JsonNode value = m.has("challenger") ? m.path("challenger").path(name) : m.path("model").path(name);
            if (value.isIntegralNumber()) {
                return value.asText();
            }
            return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "-";
        } catch (IOException e) {
            return "-";
        }
    }

    /** The label part of a registry model id ({@code customer/triage/customer-v2} → {@code customer-v2}). */
    public static String tail(String modelId) {
        return modelId == null ? "-" : dev.vigil.learn.ModelRegistry.labelOf(modelId);
    }
}
