package dev.vigil.detect.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.sigma.CorrelationDocument;
import dev.vigil.detect.sigma.SigmaRuleException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a correlation rule document (Sigma correlation rules specification v2.1) into a {@link CorrelationRule}.
 *
 * <p>Guarantees: every problem is a {@link SigmaRuleException} naming the file, the line of the offending node, the
 * rule's title and what is wrong; valid Sigma (or a common extension of it) that Vigil cannot evaluate is reported with
 * {@link SigmaRuleException#unsupported()} set and a message starting {@code unsupported:}. Nothing the specification
 * defines is ignored silently, and an unknown key inside {@code correlation} is an error (it is usually a typo).
 * Whether referenced rules exist is checked by the caller, which knows the other rules. Pure.
 */
public final class CorrelationRuleReader {

    private static final Set<String> SECTION_KEYS = Set.of("type", "rules", "group-by", "timespan", "condition", "aliases", "generate");
    private static final Set<String> EXTENSION_TYPES = Set.of("value_median", "temporal_extended", "temporal_ordered_extended");
    private static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
    private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])");
    private static final String TYPES = "event_count, value_count, temporal, temporal_ordered, value_sum, value_avg or value_percentile";

    /** Reads one correlation document. */
    public CorrelationRule read(CorrelationDocument document) throws SigmaRuleException {
        JsonNode root = document.yaml().root();
        Located at = new Located(document.origin(), "'" + document.title() + "'", document.yaml());
        JsonNode section = root.get("correlation");
        if (section == null || !section.isObject()) {
            throw at.error(section == null ? root : section, "'correlation' must be a mapping with type, rules, group-by, timespan and condition");
        }
        for (Map.Entry<String, JsonNode> property : section.properties()) {
            String key = property.getKey();
            if (!SECTION_KEYS.contains(key)) {
                throw at.error(property.getValue(), "unknown key '" + key + "' in 'correlation': use type, rules, group-by, timespan, condition, aliases or generate");
            }
        }
        CorrelationType type = type(at, section);
        List<String> rules = names(at, section, "rules", true);
        List<String> groupBy = names(at, section, "group-by", false);
        JsonNode timespanNode = at.required(section, "timespan", "a number and s, m, h or d, e.g. 10m");
        Duration timespan;
        try {
            timespan = Timespans.parse(at.scalar(timespanNode, "timespan"));
        } catch (IllegalArgumentException e) {
            throw at.error(timespanNode, e.getMessage());
        }
        CorrelationCondition condition = new ConditionReader(at, type, rules.size()).read(section);
        Map<String, Map<String, String>> aliases = aliases(at, section.get("aliases"), rules);
        return new CorrelationRule(document.origin(), document.line(), document.id(), at.optionalText(root, "name"), document.title(),
                level(at, root), at.list(root, "tags"), type, rules, groupBy, timespan, condition, aliases,
                generate(at, root, section), metadata(at, root));
    }

    private static CorrelationType type(Located at, JsonNode section) throws SigmaRuleException {
        JsonNode node = at.required(section, "type", TYPES);
        String text = at.scalar(node, "type");
        CorrelationType type = CorrelationType.fromSigmaName(text);
        if (type != null) {
            return type;
        }
        if (EXTENSION_TYPES.contains(text)) {
            throw at.unsupported(node, "correlation type '" + text + "' is a pySigma extension, not part of the Sigma correlation specification 2.1; use " + TYPES);
        }
        throw at.error(node, "unknown correlation type '" + text + "': use " + TYPES);
    }

    /** A list of distinct names (a single scalar is a list of one); mandatory keys must be present, rules non-empty. */
    private static List<String> names(Located at, JsonNode section, String key, boolean nonEmpty) throws SigmaRuleException {
        at.required(section, key, key.equals("rules") ? "the rules to correlate, by id or name" : "the fields matches must share, e.g. [User]");
        List<String> names = at.list(section, key);
        if (nonEmpty && names.isEmpty()) {
            throw at.error(section.get(key), "'correlation: " + key + "' must name at least one rule by id or name");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                throw at.error(section.get(key), "'" + key + "' lists '" + names.get(i) + "' twice");
            }
        }
        return names;
    }

    private static Map<String, Map<String, String>> aliases(Located at, JsonNode node, List<String> rules) throws SigmaRuleException {
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return aliases;
        }
        if (!node.isObject()) {
            throw at.error(node, "'aliases' must map alias names to {rule name: field}");
        }
        for (Map.Entry<String, JsonNode> alias : node.properties()) {
            if (!alias.getValue().isObject() || alias.getValue().isEmpty()) {
                throw at.error(alias.getValue(), "alias '" + alias.getKey() + "' must map rule names to event fields");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : alias.getValue().properties()) {
                if (!rules.contains(entry.getKey())) {
                    throw at.error(entry.getValue(), "alias '" + alias.getKey() + "' names rule '" + entry.getKey()
                            + "', which this correlation does not refer to (it refers to " + String.join(", ", rules) + ")");
                }
                fields.put(entry.getKey(), at.scalar(entry.getValue(), "alias '" + alias.getKey() + "' for rule '" + entry.getKey() + "'"));
            }
            aliases.put(alias.getKey(), Map.copyOf(fields));
        }
        return aliases;
    }

    /** {@code generate} is top-level in the JSON schema and inside {@code correlation} in pySigma; either is read. */
    private static boolean generate(Located at, JsonNode root, JsonNode section) throws SigmaRuleException {
        Boolean top = bool(at, root.get("generate"));
        Boolean inner = bool(at, section.get("generate"));
        if (top != null && inner != null && !top.equals(inner)) {
            throw at.error(section.get("generate"), "'generate' is " + top + " at the top and " + inner + " under 'correlation'");
        }
        return Boolean.TRUE.equals(top) || Boolean.TRUE.equals(inner);
    }

    private static Boolean bool(Located at, JsonNode node) throws SigmaRuleException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw at.error(node, "'generate' must be true or false, got '" + node.asText() + "'");
        }
        return node.booleanValue();
    }

    private static RuleLevel level(Located at, JsonNode root) throws SigmaRuleException {
        String text = at.optionalText(root, "level");
        if (text == null) {
            return RuleLevel.MEDIUM;
        }
        try {
            return RuleLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw at.error(root.get("level"), e.getMessage());
        }
    }

    private static CorrelationMetadata metadata(Located at, JsonNode root) throws SigmaRuleException {
        String status = at.optionalText(root, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw at.error(root.get("status"), "unknown status '" + status + "': use stable, test, experimental, deprecated or unsupported");
        }
        JsonNode author = root.get("author");
        return new CorrelationMetadata(status, at.optionalText(root, "description"),
                author != null && author.isArray() ? String.join(", ", at.list(root, "author")) : at.optionalText(root, "author"),
                date(at, root, "date"), date(at, root, "modified"), at.list(root, "references"), at.list(root, "falsepositives"),
                at.optionalText(root, "taxonomy"));
    }

    private static String date(Located at, JsonNode root, String key) throws SigmaRuleException {
        String text = at.optionalText(root, key);
        if (text != null && !DATE.matcher(text).matches()) {
            throw at.error(root.get(key), "'" + key + "' must be a date as YYYY-MM-DD, got '" + text + "'");
        }
        return text;
    }
}
