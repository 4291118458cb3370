package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Prints API answers either as JSON for scripts or through a human formatter. */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Output() {
    }

    static void json(JsonNode node) {
        try {
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new CliException("cannot print JSON: " + e.getMessage());
        }
    }

    static String pad(String text, int width) {
        String t = text == null ? "" : text;
        return t.length() >= width ? t.substring(0, width) : t + " ".repeat(width - t.length());
    }
}
