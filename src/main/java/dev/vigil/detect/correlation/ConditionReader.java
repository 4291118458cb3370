package dev.vigil.detect.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detect.sigma.SigmaRuleException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code condition} of one correlation: bounds, {@code field} and {@code percentile}, checked against what
 * the type needs. A temporal correlation without a condition needs every referenced rule. Pure.
 */
final class ConditionReader {

    private final Located at;
    private final CorrelationType type;
    private final int referencedRules;

    ConditionReader(Located at, CorrelationType type, int referencedRules) {
        this.at = at;
        this.type = type;
        this.referencedRules = referencedRules;
    }

    CorrelationCondition read(JsonNode section) throws SigmaRuleException {
        JsonNode node = section.get("condition");
        if (node == null || node.isNull()) {
            if (!type.temporal()) {
                throw at.error(section, "missing 'correlation: condition' (" + type.sigmaName() + " needs one, e.g. {gte: 10}"
                        + (type.needsField() ? " with 'field'" : "") + ")");
            }
            return CorrelationCondition.of(CorrelationCondition.Operator.GTE, referencedRules);
        }
        if (node.isTextual() && type.temporal()) {
            throw at.unsupported(node, "a boolean-expression condition ('" + node.asText()
                    + "') is a pySigma extension, not part of the Sigma correlation specification 2.1; use a mapping such as {gte: 2}");
        }
        if (!node.isObject()) {
            throw at.error(node, "'condition' must be a mapping such as {gte: 10}");
        }
        List<CorrelationCondition.Bound> bounds = new ArrayList<>();
        List<String> fields = List.of();
        Integer percentile = null;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            CorrelationCondition.Operator operator = CorrelationCondition.Operator.fromSigmaName(key);
            if (operator != null) {
                bounds.add(new CorrelationCondition.Bound(operator, threshold(key, value)));
            } else if (key.equals("field")) {
                fields = fields(value);
            } else if (key.equals("percentile")) {
                percentile = percentile(value);
            } else {
                throw at.error(value, "unknown condition operator '" + key + "': use gt, gte, lt, lte, eq or neq (and 'field' for value types)");
            }
        }
        if (bounds.isEmpty()) {
            throw at.error(node, "'condition' needs at least one of gt, gte, lt, lte, eq, neq");
        }
        if (type.needsField() && fields.isEmpty()) {
            throw at.error(node, "a " + type.sigmaName() + " correlation needs 'condition: field', the field it aggregates");
        }
        if (!type.needsField() && !fields.isEmpty()) {
            throw at.error(node.get("field"), "'condition: field' applies only to value_count, value_sum, value_avg and value_percentile, not "
                    + type.sigmaName());
        }
        if (fields.size() > 1 && type != CorrelationType.VALUE_COUNT) {
            throw at.error(node.get("field"), "a " + type.sigmaName() + " correlation aggregates one numeric field; only value_count takes a list");
        }
        if (percentile != null && type != CorrelationType.VALUE_PERCENTILE) {
            throw at.error(node.get("percentile"), "'condition: percentile' applies only to value_percentile");
        }
        return new CorrelationCondition(bounds, fields, percentile);
    }

    private double threshold(String key, JsonNode value) throws SigmaRuleException {
        String text = at.scalar(value, "condition '" + key + "'");
        try {
            double threshold = Double.parseDouble(text);
            if (Double.isFinite(threshold)) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw at.error(value, "condition '" + key + "' needs a number, got '" + text + "'");
    }

    private List<String> fields(JsonNode value) throws SigmaRuleException {
        if (value.isArray()) {
            List<String> fields = new ArrayList<>();
            for (JsonNode element : value) {
                fields.add(at.scalar(element, "each item of 'condition: field'"));
            }
            if (fields.isEmpty()) {
                throw at.error(value, "'condition: field' is an empty list");
            }
            return fields;
        }
        return List.of(at.scalar(value, "'condition: field'"));
    }

    private Integer percentile(JsonNode value) throws SigmaRuleException {
        String text = at.scalar(value, "'condition: percentile'");
        if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) > 100) {
            throw at.error(value, "'condition: percentile' must be a whole number from 0 to 100, got '" + text + "'");
        }
        return Integer.parseInt(text);
    }
}
