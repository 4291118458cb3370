package dev.vigil.detect.sigma;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detect.RuleLevel;
import dev.vigil.yaml.LocatedYaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Sigma rule files (detection rules, filters, correlation rules; one or several YAML documents per file) into
 * {@link RuleDocument}s, without compiling them.
 *
 * <p>Guarantees: every problem is reported as a {@link SigmaRuleException} naming the file, the line and the rule;
 * nothing is skipped silently. Pure: no I/O beyond the given text.
 */
public final class SigmaRuleReader {

    /** Reads every document of a source; the first problem in any document fails the whole source. */
    public List<RuleDocument> read(RuleSource source) throws SigmaRuleException {
        List<LocatedYaml> documents;
        try {
            documents = LocatedYaml.readAll(source.text());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new SigmaRuleException(source.origin(), line, null, "not valid YAML: " + e.getOriginalMessage(), false);
        } catch (IOException e) {
            throw new SigmaRuleException(source.origin(), 1, null, "cannot read: " + e.getMessage(), false);
        }
        if (documents.isEmpty()) {
            throw new SigmaRuleException(source.origin(), 1, null, "no rule in the file", false);
        }
        List<RuleDocument> rules = new ArrayList<>(documents.size());
        for (LocatedYaml document : documents) {
            rules.add(readDocument(source.origin(), document));
        }
        return rules;
    }

    private RuleDocument readDocument(String origin, LocatedYaml yaml) throws SigmaRuleException {
        JsonNode root = yaml.root();
        Located at = new Located(origin, yaml);
        int line = yaml.lineOf(root);
        if (!root.isObject()) {
            throw at.error(root, null, "a rule must be a YAML mapping, found " + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String title = at.text(root, "title", null);
        if (title == null || title.isBlank()) {
            throw at.error(root, null, "missing 'title'");
        }
        String label = "'" + title + "'";
        String id = at.text(root, "id", label);
        if (id == null || id.isBlank()) {
            id = derivedId(origin, title);
        }
        if (root.has("action")) {
            throw at.unsupported(root.get("action"), label, "'action' (Sigma 1 rule collections) is not part of Sigma 2; split the file into separate rules");
        }
        if (root.has("correlation")) {
            return new CorrelationDocument(origin, line, id, title, yaml);
        }
        RuleLogSource logSource = readLogSource(at, root, label);
        if (root.has("filter")) {
            JsonNode filter = root.get("filter");
            if (!filter.isObject()) {
                throw at.error(filter, label, "'filter' must be a mapping with 'rules', selections and 'condition'");
            }
            List<String> targets = at.textList(filter, "rules", label);
            if (targets.isEmpty()) {
                throw at.error(filter, label, "a filter must name the rules it applies to under 'filter: rules:'");
            }
            Detection detection = readDetection(at, filter, label, "rules");
            return new SigmaFilter(origin, line, id, title, at.text(root, "description", label), logSource, targets, detection);
        }
        JsonNode detectionNode = root.get("detection");
        if (detectionNode == null || !detectionNode.isObject()) {
            throw at.error(detectionNode == null ? root : detectionNode, label, "missing 'detection' mapping");
        }
        Detection detection = readDetection(at, detectionNode, label, null);
        RuleLevel level = RuleLevel.MEDIUM;
        String levelText = at.text(root, "level", label);
        if (levelText != null) {
            try {
                level = RuleLevel.parse(levelText);
            } catch (IllegalArgumentException e) {
                throw at.error(root.get("level"), label, e.getMessage());
            }
        }
        return new SigmaRule(origin, line, id, at.text(root, "name", label), title, at.text(root, "status", label), level,
                at.text(root, "description", label), authorOf(at, root, label), at.textList(root, "tags", label),
                at.textList(root, "falsepositives", label), logSource, detection);
    }

    private static String authorOf(Located at, JsonNode root, String label) throws SigmaRuleException {
        JsonNode author = root.get("author");
        if (author != null && author.isArray()) {
            return String.join(", ", at.textList(root, "author", label));
        }
        return at.text(root, "author", label);
    }

    private static RuleLogSource readLogSource(Located at, JsonNode root, String label) throws SigmaRuleException {
        JsonNode node = root.get("logsource");
        if (node == null || !node.isObject()) {
            throw at.error(node == null ? root : node, label, "missing 'logsource' mapping (product, category, service)");
        }
        return new RuleLogSource(at.text(node, "product", label), at.text(node, "category", label), at.text(node, "service", label));
    }

    private static Detection readDetection(Located at, JsonNode node, String label, String ignoredKey) throws SigmaRuleException {
        JsonNode condition = node.get("condition");
        if (condition == null || condition.isNull()) {
            throw at.error(node, label, "missing 'condition'");
        }
        List<String> conditions = new ArrayList<>();
        if (condition.isArray()) {
            for (JsonNode c : condition) {
                conditions.add(conditionText(at, c, label));
            }
            if (conditions.isEmpty()) {
                throw at.error(condition, label, "'condition' is an empty list");
            }
        } else {
            conditions.add(conditionText(at, condition, label));
        }
        if (node.has("timeframe")) {
            throw at.unsupported(node.get("timeframe"), label,
                    "'timeframe' belongs to Sigma 1 aggregations; express it as a correlation rule");
        }
        Map<String, Selection> selections = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            if (name.equals("condition") || name.equals(ignoredKey)) {
                continue;
            }
            selections.put(name, readSelection(at, name, entry.getValue(), label));
        }
        if (selections.isEmpty()) {
            throw at.error(node, label, "no search identifiers besides 'condition'");
        }
        return new Detection(selections, conditions, at.line(condition));
    }

    private static String conditionText(Located at, JsonNode condition, String label) throws SigmaRuleException {
        if (!condition.isValueNode() || condition.asText().isBlank()) {
            throw at.error(condition, label, "'condition' must be an expression such as 'selection and not filter'");
        }
        return condition.asText();
    }

    private static Selection readSelection(Located at, String name, JsonNode node, String label) throws SigmaRuleException {
        List<List<FieldSpec>> alternatives = new ArrayList<>();
        if (node.isObject()) {
            alternatives.add(readMap(at, node, label, name));
        } else if (node.isArray()) {
            List<String> keywords = new ArrayList<>();
            for (JsonNode element : node) {
                if (element.isObject()) {
                    alternatives.add(readMap(at, element, label, name));
                } else if (element.isValueNode()) {
                    keywords.add(element.isNull() ? null : element.asText());
                } else {
                    throw at.error(element, label, "search identifier '" + name + "': a list may hold values or maps, not nested lists");
                }
            }
            if (!keywords.isEmpty()) {
                alternatives.add(List.of(new FieldSpec(null, List.of(), keywords, at.line(node))));
            }
            if (alternatives.isEmpty()) {
                throw at.error(node, label, "search identifier '" + name + "' is an empty list");
            }
        } else if (node.isValueNode() && !node.isNull()) {
            alternatives.add(List.of(new FieldSpec(null, List.of(), List.of(node.asText()), at.line(node))));
        } else {
            throw at.error(node, label, "search identifier '" + name + "' is empty");
        }
        return new Selection(name, alternatives, at.line(node));
    }

    private static List<FieldSpec> readMap(Located at, JsonNode map, String label, String selection) throws SigmaRuleException {
        List<FieldSpec> specs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String[] parts = entry.getKey().split("\\|", -1);
            String field = parts[0].isEmpty() ? null : parts[0];
            List<String> modifiers = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                modifiers.add(parts[i].trim().toLowerCase(Locale.ROOT));
            }
            JsonNode value = entry.getValue();
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode v : value) {
                    if (!v.isValueNode()) {
                        throw at.error(v, label, "'" + entry.getKey() + "' in '" + selection + "': values must be plain values, not maps or lists");
                    }
                    values.add(v.isNull() ? null : v.asText());
                }
                if (values.isEmpty()) {
                    throw at.error(value, label, "'" + entry.getKey() + "' in '" + selection + "' has an empty list of values");
                }
            } else if (value.isValueNode()) {
                values.add(value.isNull() ? null : value.asText());
            } else {
                throw at.error(value, label, "'" + entry.getKey() + "' in '" + selection + "': a value must be a plain value or a list of them");
            }
            specs.add(new FieldSpec(field, modifiers, values, at.line(value)));
        }
        if (specs.isEmpty()) {
            throw at.error(map, label, "search identifier '" + selection + "' has an empty map");
        }
        return specs;
    }

    private static String derivedId(String origin, String title) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((origin + "\n" + title).getBytes(StandardCharsets.UTF_8));
            return "local-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Line-aware access to one document's nodes, producing errors that name the place. */
    private record Located(String origin, LocatedYaml yaml) {

        int line(JsonNode node) {
            return yaml.lineOf(node);
        }

        SigmaRuleException error(JsonNode node, String label, String problem) {
            return new SigmaRuleException(origin, yaml.lineOf(node), label, problem, false);
        }

        SigmaRuleException unsupported(JsonNode node, String label, String problem) {
            return new SigmaRuleException(origin, yaml.lineOf(node), label, "unsupported: " + problem, true);
        }

        String text(JsonNode parent, String key, String label) throws SigmaRuleException {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isValueNode()) {
                throw error(node, label, "'" + key + "' must be a single value");
            }
            return node.asText();
        }

        List<String> textList(JsonNode parent, String key, String label) throws SigmaRuleException {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (node.isValueNode()) {
                return List.of(node.asText());
            }
            if (!node.isArray()) {
                throw error(node, label, "'" + key + "' must be a list of values");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isValueNode() || element.isNull()) {
                    throw error(element, label, "'" + key + "' must be a list of values");
                }
                values.add(element.asText());
            }
            return values;
        }
    }
}
