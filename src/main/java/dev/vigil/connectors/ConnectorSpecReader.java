package dev.vigil.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.event.LogSource;
import dev.vigil.yaml.LocatedYaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code connector.yaml} into a {@link ConnectorSpec}. Guarantees: every problem (unknown key, missing or
 * mistyped value, unknown framing or type) raises {@link ConnectorSpecException} naming the file and line; nothing is
 * silently ignored.
 */
final class ConnectorSpecReader {

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "transports", "framing", "records_path",
            "zone", "parser", "timestamp", "logsource", "copy", "types", "drop", "steps");
    private static final Set<String> PARSER_KEYS = Set.of("name", "options");
    private static final Set<String> STEP_KEYS = Set.of("field", "when", "present", "logsource", "patterns");
    private static final Set<String> PATTERN_KEYS = Set.of("match", "set");
    private static final Set<String> LOGSOURCE_KEYS = Set.of("product", "category", "service");

    private final Path file;
    private final LocatedYaml yaml;

    private ConnectorSpecReader(Path file, LocatedYaml yaml) {
        this.file = file;
        this.yaml = yaml;
    }

    /** Reads and checks one spec file. */
    static ConnectorSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectorSpecException(file, 1, "cannot read: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Checks the text of a spec file; {@code file} only names it in messages. */
    static ConnectorSpec parse(Path file, String text) {
        LocatedYaml yaml;
        try {
            yaml = LocatedYaml.read(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new ConnectorSpecException(file, line, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConnectorSpecException(file, 1, "not valid YAML: " + e.getMessage(), e);
        }
        return new ConnectorSpecReader(file, yaml).spec();
    }

    private ConnectorSpec spec() {
        JsonNode root = yaml.root();
        requireObject(root, "the spec");
        checkKeys(root, TOP_KEYS, "the spec");
        String name = requiredText(root, "name");
        String framingName = optionalText(root, "framing", "line");
        Framing framing = Framing.bySpecName(framingName).orElseThrow(() -> error(root.get("framing"),
                "unknown framing '" + framingName + "'; known: line, json, zeek-tsv"));
        String recordsPath = optionalText(root, "records_path", null);
        if (recordsPath != null && framing != Framing.JSON) {
            throw error(root.get("records_path"), "records_path needs framing: json");
        }
        return new ConnectorSpec(name, optionalText(root, "description", ""), textList(root, "transports"), framing,
                recordsPath, zone(root), parser(root), textList(root, "timestamp"),
                logSource(root.get("logsource"), LogSource.UNKNOWN), textMap(root.get("copy"), "copy"), types(root),
                textList(root, "drop"), steps(root), file);
    }

    private ZoneId zone(JsonNode root) {
        String zone = optionalText(root, "zone", "UTC");
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw error(root.get("zone"), "unknown zone '" + zone + "'");
        }
    }

    private ConnectorSpec.ParserSpec parser(JsonNode root) {
        JsonNode parser = root.get("parser");
        if (parser == null) {
            throw error(root, "missing 'parser' (for example parser: {name: json})");
        }
        requireObject(parser, "parser");
        checkKeys(parser, PARSER_KEYS, "parser");
        return new ConnectorSpec.ParserSpec(requiredText(parser, "name"), textMap(parser.get("options"), "parser.options"));
    }

    private Map<String, FieldType> types(JsonNode root) {
        Map<String, FieldType> types = new LinkedHashMap<>();
        textMap(root.get("types"), "types").forEach((field, typeName) -> types.put(field,
                FieldType.bySpecName(typeName).orElseThrow(() -> error(root.get("types").get(field),
                        "unknown type '" + typeName + "' for '" + field + "'; known: long, double, boolean, string, timestamp"))));
        return types;
    }

    private List<ConnectorSpec.StepSpec> steps(JsonNode root) {
        JsonNode steps = root.get("steps");
        List<ConnectorSpec.StepSpec> result = new ArrayList<>();
        if (steps == null || steps.isNull()) {
            return result;
        }
        requireArray(steps, "steps");
        for (JsonNode step : steps) {
            requireObject(step, "a step");
            checkKeys(step, STEP_KEYS, "a step");
            String field = optionalText(step, "field", null);
            List<ConnectorSpec.PatternSpec> patterns = patterns(step);
            if (field == null && !patterns.isEmpty()) {
                throw error(step, "a step with patterns needs 'field' naming the field they read");
            }
            if (field != null && patterns.isEmpty()) {
                throw error(step, "a step with 'field' needs at least one pattern");
            }
            LogSource logSource = step.has("logsource") ? logSource(step.get("logsource"), null) : null;
            if (patterns.isEmpty() && logSource == null) {
                throw error(step, "a step does nothing without patterns or a logsource");
            }
            result.add(new ConnectorSpec.StepSpec(yaml.lineOf(step), field, when(step.get("when")), textList(step, "present"),
                    logSource, patterns));
        }
        return result;
    }

    private List<ConnectorSpec.PatternSpec> patterns(JsonNode step) {
        JsonNode patterns = step.get("patterns");
        List<ConnectorSpec.PatternSpec> result = new ArrayList<>();
        if (patterns == null || patterns.isNull()) {
            return result;
        }
        requireArray(patterns, "patterns");
        for (JsonNode pattern : patterns) {
            requireObject(pattern, "a pattern");
            checkKeys(pattern, PATTERN_KEYS, "a pattern");
            result.add(new ConnectorSpec.PatternSpec(yaml.lineOf(pattern.has("match") ? pattern.get("match") : pattern),
                    requiredText(pattern, "match"), textMap(pattern.get("set"), "set")));
        }
        return result;
    }

    private Map<String, List<String>> when(JsonNode when) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (when == null || when.isNull()) {
            return result;
        }
        requireObject(when, "when");
        for (Iterator<Map.Entry<String, JsonNode>> it = when.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = it.next();
            JsonNode values = condition.getValue();
            List<String> accepted = new ArrayList<>();
            if (values.isArray()) {
                for (JsonNode value : values) {
                    requireScalar(value, "a value of when." + condition.getKey());
                    accepted.add(value.asText());
                }
            } else {
                requireScalar(values, "when." + condition.getKey());
                accepted.add(values.asText());
            }
            result.put(condition.getKey(), accepted);
        }
        return result;
    }

    private LogSource logSource(JsonNode node, LogSource absent) {
        if (node == null || node.isNull()) {
            return absent;
        }
        requireObject(node, "logsource");
        checkKeys(node, LOGSOURCE_KEYS, "logsource");
        return new LogSource(optionalText(node, "product", null), optionalText(node, "category", null),
                optionalText(node, "service", null));
    }

    private Map<String, String> textMap(JsonNode node, String what) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        requireObject(node, what);
        node.fields().forEachRemaining(entry -> {
            requireScalar(entry.getValue(), what + "." + entry.getKey());
            result.put(entry.getKey(), entry.getValue().asText());
        });
        return result;
    }

    private List<String> textList(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            requireScalar(node, key);
            result.add(node.asText());
            return result;
        }
        for (JsonNode item : node) {
            requireScalar(item, "an item of " + key);
            result.add(item.asText());
        }
        return result;
    }

    private String requiredText(JsonNode parent, String key) {
        String value = optionalText(parent, key, null);
        if (value == null || value.isBlank()) {
            throw error(parent, "missing '" + key + "'");
        }
        return value;
    }

    private String optionalText(JsonNode parent, String key, String absent) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return absent;
        }
        requireScalar(node, key);
        return node.asText();
    }

    private void checkKeys(JsonNode node, Set<String> known, String what) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw error(node.get(key), "unknown key '" + key + "' in " + what + "; known: " + known.stream().sorted().toList());
            }
        });
    }

    private void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw error(node, what + " must be a mapping");
        }
    }

    private void requireArray(JsonNode node, String what) {
        if (!node.isArray()) {
            throw error(node, what + " must be a list");
        }
    }

    private void requireScalar(JsonNode node, String what) {
        if (node.isContainerNode()) {
            throw error(node, what + " must be a single value, not a " + (node.isArray() ? "list" : "mapping"));
        }
    }

    private ConnectorSpecException error(JsonNode node, String problem) {
        return new ConnectorSpecException(file, node == null ? 1 : yaml.lineOf(node), problem);
    }
}
