package dev.vigil.detect.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.sigma.CorrelationDocument;
import dev.vigil.detect.sigma.SigmaRuleException;
import dev.vigil.yaml.LocatedYaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a correlation rule document (Sigma correlation specification v2.1). Every problem is a
 * {@link SigmaRuleException} naming the file, the line, the rule and what is wrong. Pure.
 */
public final class CorrelationRuleReader {

    private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhd])");

    public CorrelationRule read(CorrelationDocument document) throws SigmaRuleException {
        LocatedYaml yaml = document.yaml();
        JsonNode root = yaml.root();
        Problems at = new Problems(document.origin(), "'" + document.title() + "'", yaml);
        JsonNode correlation = root.get("correlation");
        if (correlation == null || !correlation.isObject()) {
            throw at.error(root, "'correlation' must be a mapping with type, rules, group-by, timespan and condition");
        }
        String typeText = text(correlation, "type");
        if (typeText == null) {
            throw at.error(correlation, "missing 'correlation: type' (event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile)");
        }
        CorrelationType type;
        try {
            type = CorrelationType.valueOf(typeText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw at.error(correlation.get("type"), "unknown correlation type '" + typeText
                    + "': use event_count, value_count, temporal, temporal_ordered, value_sum, value_avg or value_percentile");
        }
        List<String> rules = list(at, correlation, "rules");
        if (rules.isEmpty()) {
            throw at.error(correlation, "'correlation: rules' must name at least one rule by id or name");
        }
        List<String> groupBy = list(at, correlation, "group-by");
        JsonNode timespanNode = correlation.get("timespan");
        if (timespanNode == null || !timespanNode.isValueNode()) {
            throw at.error(correlation, "missing 'correlation: timespan' (a number and s, m, h or d, e.g. 10m)");
        }
        Matcher m = TIMESPAN.matcher(timespanNode.asText().trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw at.error(timespanNode, "timespan '" + timespanNode.asText() + "' is not a positive number followed by s, m, h or d (e.g. 90m)");
        }
        Duration timespan = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(Long.parseLong(m.group(1)));
            case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
            case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
            default -> Duration.ofDays(Long.parseLong(m.group(1)));
        };
        JsonNode conditionNode = correlation.get("condition");
        String field = null;
        CorrelationCondition condition;
        if (conditionNode == null || conditionNode.isNull()) {
            if (!type.temporal()) {
                throw at.error(correlation, "a " + type.sigmaName() + " correlation needs a 'condition' such as {gte: 10}");
            }
            condition = new CorrelationCondition(List.of(new CorrelationCondition.Bound(CorrelationCondition.Operator.GTE, rules.size())));
        } else {
            if (!conditionNode.isObject()) {
                throw at.error(conditionNode, "'condition' must be a mapping such as {gte: 10}");
            }
            List<CorrelationCondition.Bound> bounds = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : conditionNode.properties()) {
                if (entry.getKey().equals("field")) {
                    field = entry.getValue().asText();
                    continue;
                }
                CorrelationCondition.Operator operator;
                try {
                    operator = CorrelationCondition.Operator.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw at.error(entry.getValue(), "unknown condition operator '" + entry.getKey() + "': use gt, gte, lt, lte, eq or neq");
                }
                try {
                    bounds.add(new CorrelationCondition.Bound(operator, Double.parseDouble(entry.getValue().asText())));
                } catch (NumberFormatException e) {
                    throw at.error(entry.getValue(), "condition '" + entry.getKey() + "' needs a number, got '" + entry.getValue().asText() + "'");
                }
            }
            if (bounds.isEmpty()) {
                throw at.error(conditionNode, "'condition' needs at least one of gt, gte, lt, lte, eq, neq");
            }
            condition = new CorrelationCondition(bounds);
        }
        if (type.needsField() && (field == null || field.isBlank())) {
            throw at.error(conditionNode == null ? correlation : conditionNode, "a " + type.sigmaName() + " correlation needs 'condition: field'");
        }
        if (!type.needsField() && field != null) {
            throw at.error(conditionNode, "'condition: field' applies only to value_count, value_sum, value_avg and value_percentile");
        }
        Map<String, Map<String, String>> aliases = aliases(at, correlation.get("aliases"), rules);
        RuleLevel level = RuleLevel.MEDIUM;
        if (text(root, "level") != null) {
            try {
                level = RuleLevel.parse(text(root, "level"));
            } catch (IllegalArgumentException e) {
                throw at.error(root.get("level"), e.getMessage());
            }
        }
        JsonNode generate = correlation.has("generate") ? correlation.get("generate") : root.get("generate");
        return new CorrelationRule(document.origin(), document.line(), document.id(), text(root, "name"), document.title(), level,
                list(at, root, "tags"), type, rules, groupBy, timespan, condition, field, aliases,
                generate != null && generate.asBoolean(false));
    }

    private static Map<String, Map<String, String>> aliases(Problems at, JsonNode node, List<String> rules) throws SigmaRuleException {
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return aliases;
        }
        if (!node.isObject()) {
            throw at.error(node, "'aliases' must map alias names to {rule name: field}");
        }
        for (Map.Entry<String, JsonNode> alias : node.properties()) {
            if (!alias.getValue().isObject()) {
                throw at.error(alias.getValue(), "alias '" + alias.getKey() + "' must map rule names to fields");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : alias.getValue().properties()) {
                if (!rules.contains(entry.getKey())) {
                    throw at.error(entry.getValue(), "alias '" + alias.getKey() + "' names rule '" + entry.getKey()
                            + "', which this correlation does not refer to (it refers to " + String.join(", ", rules) + ")");
                }
                fields.put(entry.getKey(), entry.getValue().asText());
            }
            aliases.put(alias.getKey(), fields);
        }
        return aliases;
    }

    private static String text(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static List<String> list(Problems at, JsonNode parent, String key) throws SigmaRuleException {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw at.error(node, "'" + key + "' must be a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isValueNode() || element.isNull()) {
                throw at.error(element, "'" + key + "' must be a list of names");
            }
            values.add(element.asText());
        }
        return values;
    }

    private record Problems(String origin, String label, LocatedYaml yaml) {
        SigmaRuleException error(JsonNode node, String problem) {
            return new SigmaRuleException(origin, yaml.lineOf(node), label, problem, false);
        }
    }
}
