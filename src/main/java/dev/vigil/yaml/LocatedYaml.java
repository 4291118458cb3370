package dev.vigil.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a tree that remembers the line each node starts on, so errors in specs and rules can name
 * it. Scalars keep their text: numbers are text nodes (so {@code 0x1F} and {@code 4688} reach callers as written),
 * {@code true}/{@code false} are booleans, {@code null}/{@code ~}/empty values are null nodes.
 */
public final class LocatedYaml {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;

    private LocatedYaml(JsonNode root, Map<JsonNode, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Reads one document; an empty document reads as an empty mapping. */
    public static LocatedYaml read(String text) throws IOException {
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? JsonNodeFactory.instance.objectNode() : readValue(parser, lines);
            return new LocatedYaml(root, lines);
        }
    }

    /**
     * Reads every document of a multi-document stream ({@code ---} separated), in order; empty documents are skipped.
     * All documents share one line table, so {@link #lineOf} works on any node of any of them.
     */
    public static List<LocatedYaml> readAll(String text) throws IOException {
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        List<LocatedYaml> documents = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            while (parser.nextToken() != null) {
                JsonNode root = readValue(parser, lines);
                if (!root.isNull()) {
                    documents.add(new LocatedYaml(root, lines));
                }
            }
        }
        return documents;
    }

    public JsonNode root() {
        return root;
    }

    /** The line a node starts on, or 1 when unknown. */
    public int lineOf(JsonNode node) {
        return lines.getOrDefault(node, 1);
    }

    private static JsonNode readValue(JsonParser parser, Map<JsonNode, Integer> lines) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    object.set(key, readValue(parser, lines));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, lines));
                }
                yield array;
            }
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(parser.getBooleanValue());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> nodes.textNode(parser.getText());
            default -> nodes.textNode(parser.getText());
        };
        lines.put(node, line);
        return node;
    }
}
