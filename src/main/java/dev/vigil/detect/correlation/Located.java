package dev.vigil.detect.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detect.sigma.SigmaRuleException;
import dev.vigil.yaml.LocatedYaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed values out of one correlation document and turns problems into {@link SigmaRuleException}s that name
 * the file, the node's line and the rule. Pure.
 */
record Located(String origin, String label, LocatedYaml yaml) {

    SigmaRuleException error(JsonNode node, String problem) {
        return new SigmaRuleException(origin, yaml.lineOf(node), label, problem, false);
    }

    SigmaRuleException unsupported(JsonNode node, String problem) {
        return new SigmaRuleException(origin, yaml.lineOf(node), label, "unsupported: " + problem, true);
    }

    /** The node under a mandatory key, or an error on the parent saying what belongs there. */
    JsonNode required(JsonNode parent, String key, String what) throws SigmaRuleException {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            throw error(parent, "missing 'correlation: " + key + "' (" + what + ")");
        }
        return node;
    }

    /** The text of a scalar node, or an error naming what it should have been. */
    String scalar(JsonNode node, String what) throws SigmaRuleException {
        if (node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            throw error(node, what + " must be a single non-empty value");
        }
        return node.asText().trim();
    }

    /** The text of an optional scalar key, or null when absent. */
    String optionalText(JsonNode parent, String key) throws SigmaRuleException {
        JsonNode node = parent.get(key);
        return node == null || node.isNull() ? null : scalar(node, "'" + key + "'");
    }

    /** A list of scalars under a key (a single scalar reads as a list of one); empty when absent. */
    List<String> list(JsonNode parent, String key) throws SigmaRuleException {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(scalar(node, "'" + key + "'"));
        }
        if (!node.isArray()) {
            throw error(node, "'" + key + "' must be a list of values");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            values.add(scalar(element, "each item of '" + key + "'"));
        }
        return values;
    }
}
