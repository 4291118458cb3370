package dev.vigil.detect.factory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.RuleLogSource;
import dev.vigil.detect.sigma.RuleStatus;
import dev.vigil.detect.sigma.SigmaEngine;
import dev.vigil.event.LogSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The factory rules under {@code appliance/rules} are well-formed Sigma (specification v2.1) with the metadata Vigil
 * requires, and each one applies to events some shipped connector produces.
 */
class FactoryRulesStructureTest {

    private static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");
    private static final Set<String> STATUSES = Set.of("stable", "test");
    private static final Set<String> TACTICS = Set.of("reconnaissance", "resource-development", "initial-access",
            "execution", "persistence", "privilege-escalation", "defense-evasion", "credential-access", "discovery",
            "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");
    /** The modifiers appendix of the specification. */
    private static final Set<String> MODIFIERS = Set.of("contains", "startswith", "endswith", "all", "base64",
            "base64offset", "utf16le", "utf16be", "utf16", "wide", "windash", "re", "i", "m", "s", "cidr", "exists",
            "gt", "gte", "lt", "lte", "neq", "fieldref", "cased", "expand", "minute", "hour", "day", "week", "month",
            "year");
    private static final Set<String> CORRELATION_TYPES = Set.of("event_count", "value_count", "temporal",
            "temporal_ordered", "value_sum", "value_avg", "value_percentile");
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.t\\d{4}(\\.\\d{3})?");
    private static final Pattern OTHER_TAG = Pattern.compile("(attack\\.(s|g)\\d{4}|cve\\.\\d{4}-\\d{4,}|detection\\.[a-z-]+)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");
    private static final Pattern TIMESPAN = Pattern.compile("\\d+[smhd]");
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9_]{10,70}\\.yml");

    private static List<FactoryRules.RuleFile> files;
    private static List<Doc> documents;

    /** One YAML document with the file it came from. */
    private record Doc(String file, JsonNode root) {
        boolean correlation() {
            return root.has("correlation");
        }

        String label() {
            return file + " '" + root.path("title").asText() + "'";
        }
    }

    @BeforeAll
    static void readRules() {
        files = FactoryRules.files();
        documents = new ArrayList<>();
        for (FactoryRules.RuleFile file : files) {
            for (JsonNode root : file.documents()) {
                documents.add(new Doc(file.relative(), root));
            }
        }
    }

    @Test
    void everyFileIsANamedYmlFileWithAtLeastOneYamlMapping() {
        assertTrue(files.size() >= 30, "expected the factory rule set, found " + files.size() + " files");
        List<String> problems = new ArrayList<>();
        for (FactoryRules.RuleFile file : files) {
            if (!FILE_NAME.matcher(file.fileName()).matches()) {
                problems.add(file.relative() + ": file name must be 10-70 lower-case letters, digits or _ and end in .yml");
            }
            List<JsonNode> roots = file.documents();
            if (roots.isEmpty() || !roots.stream().allMatch(JsonNode::isObject)) {
                problems.add(file.relative() + ": every document must be a YAML mapping");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDocumentCarriesTheRequiredMetadata() {
        List<String> problems = new ArrayList<>();
        for (Doc doc : documents) {
            for (String key : List.of("title", "id", "status", "description", "author", "date", "level")) {
                if (!doc.root().path(key).isTextual() || doc.root().path(key).asText().isBlank()) {
                    problems.add(doc.label() + ": missing '" + key + "'");
                }
            }
            for (String key : List.of("references", "tags", "falsepositives")) {
                if (!doc.root().path(key).isArray() || doc.root().path(key).isEmpty()) {
                    problems.add(doc.label() + ": '" + key + "' must be a non-empty list");
                }
            }
            if (!"Vigil".equals(doc.root().path("author").asText())) {
                problems.add(doc.label() + ": author must be Vigil");
            }
            if (!DATE.matcher(doc.root().path("date").asText()).matches()) {
                problems.add(doc.label() + ": date must be YYYY-MM-DD");
            }
            if (doc.root().path("title").asText().length() > 256) {
                problems.add(doc.label() + ": title longer than 256 characters");
            }
            if (doc.correlation()) {
                continue;
            }
            if (!doc.root().path("logsource").isObject()) {
                problems.add(doc.label() + ": missing 'logsource' mapping");
            }
            if (!doc.root().path("detection").path("condition").isTextual()) {
                problems.add(doc.label() + ": missing 'detection' with a 'condition'");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void idsAreUuidVersion4AndUniqueAcrossAllFiles() {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Doc doc : documents) {
            String id = doc.root().path("id").asText();
            try {
                UUID uuid = UUID.fromString(id);
                if (uuid.version() != 4 || !uuid.toString().equals(id)) {
                    problems.add(doc.label() + ": id " + id + " is not a lower-case UUID v4");
                }
            } catch (IllegalArgumentException e) {
                problems.add(doc.label() + ": id " + id + " is not a UUID");
            }
            String previous = seen.put(id, doc.label());
            if (previous != null) {
                problems.add(doc.label() + ": id " + id + " already used by " + previous);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void levelAndStatusAreValuesTheSpecificationAllowsAndVigilShips() {
        List<String> problems = new ArrayList<>();
        for (Doc doc : documents) {
            if (!LEVELS.contains(doc.root().path("level").asText())) {
                problems.add(doc.label() + ": level '" + doc.root().path("level").asText() + "'");
            }
            if (!STATUSES.contains(doc.root().path("status").asText())) {
                problems.add(doc.label() + ": status '" + doc.root().path("status").asText() + "' (factory rules are stable or test)");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void tagsAreWellFormedAndNameAtLeastOneTacticAndOneTechnique() {
        List<String> problems = new ArrayList<>();
        for (Doc doc : documents) {
            boolean tactic = false;
            boolean technique = false;
            Set<String> unique = new HashSet<>();
            for (JsonNode tag : doc.root().path("tags")) {
                String text = tag.asText();
                if (!unique.add(text)) {
                    problems.add(doc.label() + ": tag " + text + " repeated");
                }
                if (text.startsWith("attack.") && TACTICS.contains(text.substring("attack.".length()))) {
                    tactic = true;
                } else if (TECHNIQUE.matcher(text).matches()) {
                    technique = true;
                } else if (!OTHER_TAG.matcher(text).matches()) {
                    problems.add(doc.label() + ": tag '" + text + "' is not a Sigma tag (lower-case tactic, tNNNN[.NNN], sNNNN, cve.YYYY-N)");
                }
            }
            if (!tactic || !technique) {
                problems.add(doc.label() + ": needs an attack.<tactic> and an attack.tNNNN tag");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everySelectionUsesOnlyModifiersFromTheSpecification() {
        List<String> problems = new ArrayList<>();
        for (Doc doc : documents) {
            doc.root().path("detection").properties().forEach(selection -> {
                List<JsonNode> maps = new ArrayList<>();
                if (selection.getValue().isObject()) {
                    maps.add(selection.getValue());
                } else if (selection.getValue().isArray()) {
                    selection.getValue().forEach(element -> {
                        if (element.isObject()) {
                            maps.add(element);
                        }
                    });
                }
                for (JsonNode map : maps) {
                    map.properties().forEach(field -> {
                        String[] parts = field.getKey().split("\\|");
                        for (int i = 1; i < parts.length; i++) {
                            if (!MODIFIERS.contains(parts[i])) {
                                problems.add(doc.label() + ": unknown modifier '" + parts[i] + "' in " + field.getKey());
                            }
                        }
                    });
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDetectionRuleLogSourceIsOneAShippedConnectorProduces() {
        ConnectorRegistry registry = FactoryRules.connectors();
        Set<LogSource> produced = new HashSet<>();
        FactoryRules.producedLogSources(registry).values().forEach(produced::addAll);
        List<String> problems = new ArrayList<>();
        for (Doc doc : documents) {
            if (doc.correlation()) {
                continue;
            }
            JsonNode logsource = doc.root().path("logsource");
            logsource.properties().forEach(e -> {
                if (!Set.of("product", "category", "service", "definition").contains(e.getKey())) {
                    problems.add(doc.label() + ": logsource key '" + e.getKey() + "' is not Sigma's");
                }
            });
            RuleLogSource rule = ruleLogSource(logsource);
            if (produced.stream().noneMatch(rule::covers)) {
                problems.add(doc.label() + ": no connector produces events for logsource " + rule);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyShippedConnectorHasAFactoryRuleForItsEvents() {
        ConnectorRegistry registry = FactoryRules.connectors();
        List<RuleLogSource> ruleSources = documents.stream().filter(d -> !d.correlation())
                .map(d -> ruleLogSource(d.root().path("logsource"))).toList();
        List<String> uncovered = new ArrayList<>();
        FactoryRules.producedLogSources(registry).forEach((connector, sources) -> {
            boolean classified = sources.stream().anyMatch(s -> s.product() != null);
            boolean covered = ruleSources.stream().anyMatch(rule -> sources.stream().anyMatch(rule::covers)
                    && (!classified || rule.product() != null));
            if (!covered) {
                uncovered.add(connector);
            }
        });
        assertEquals(List.of(), uncovered, "connectors whose events no factory rule is written for");
    }

    @Test
    void namesAreUniqueAcrossAllFactoryRules() {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Doc doc : documents) {
            if (doc.root().hasNonNull("name")) {
                String previous = seen.put(doc.root().get("name").asText(), doc.label());
                if (previous != null) {
                    problems.add(doc.label() + ": name " + doc.root().get("name").asText() + " already used by " + previous);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void correlationRulesAreCompleteAndReferToFactoryRulesByName() {
        Set<String> names = new HashSet<>();
        documents.forEach(d -> {
            if (d.root().hasNonNull("name")) {
                names.add(d.root().get("name").asText());
            }
        });
        List<String> problems = new ArrayList<>();
        for (Doc doc : documents) {
            JsonNode correlation = doc.root().path("correlation");
            if (correlation.isMissingNode()) {
                continue;
            }
            String label = doc.label();
            String type = correlation.path("type").asText();
            if (!CORRELATION_TYPES.contains(type)) {
                problems.add(label + ": correlation type '" + type + "'");
            }
            if (!correlation.path("rules").isArray() || correlation.path("rules").isEmpty()) {
                problems.add(label + ": correlation needs 'rules'");
            }
            for (JsonNode reference : correlation.path("rules")) {
                if (!names.contains(reference.asText())) {
                    problems.add(label + ": refers to '" + reference.asText() + "', which no factory rule is named");
                }
            }
            if (!correlation.path("group-by").isArray() || correlation.path("group-by").isEmpty()) {
                problems.add(label + ": correlation needs 'group-by'");
            }
            if (!TIMESPAN.matcher(correlation.path("timespan").asText()).matches()) {
                problems.add(label + ": timespan '" + correlation.path("timespan").asText() + "' is not number + s/m/h/d");
            }
            if (!type.startsWith("temporal") && !correlation.path("condition").isObject()) {
                problems.add(label + ": " + type + " needs a 'condition'");
            }
            if (type.startsWith("value_") && !correlation.path("condition").path("field").isTextual()) {
                problems.add(label + ": " + type + " needs 'condition: field'");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theSigmaEngineCompilesEveryFactoryRule() {
        SigmaEngine engine = SigmaEngine.compile(FactoryRules.sources(), EngineOptions.DEFAULTS);
        List<String> problems = engine.statuses().stream()
                .filter(s -> s.state() != RuleStatus.State.ENABLED)
                .map(s -> s.origin() + ":" + s.line() + " " + s.state() + " " + s.reason()).toList();
        assertEquals(List.of(), problems);
        long detectionDocuments = documents.stream().filter(d -> !d.correlation()).count();
        assertEquals(detectionDocuments, engine.enabledCount());
    }

    private static RuleLogSource ruleLogSource(JsonNode logsource) {
        return new RuleLogSource(text(logsource, "product"), text(logsource, "category"), text(logsource, "service"));
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }
}
