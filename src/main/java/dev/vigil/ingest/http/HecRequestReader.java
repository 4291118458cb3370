package dev.vigil.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of a Splunk HEC {@code /services/collector/event} request: one or more JSON objects, concatenated
 * or newline-separated, each with an {@code event} and optional {@code time}, {@code host}, {@code source},
 * {@code sourcetype}. Pure.
 *
 * <p>Guarantees: either every event of the body is returned, or {@link HecFormatException} names the first bad
 * object by its position (1-based) and what is wrong, so a request is accepted whole or not at all.
 */
public final class HecRequestReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    public List<HecEvent> read(String body) throws HecFormatException {
        List<HecEvent> events = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(body)) {
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                index++;
                if (token != JsonToken.START_OBJECT) {
                    throw new HecFormatException(index, "expected a JSON object, found " + token);
                }
                JsonNode node = JSON.readTree(parser);
                events.add(toEvent(index, node));
            }
            if (index == 0) {
                throw new HecFormatException(0, "no data: the body holds no event");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HecFormatException(events.size() + 1, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new HecFormatException(events.size() + 1, "unreadable body: " + e.getMessage());
        }
        return events;
    }

    private static HecEvent toEvent(int index, JsonNode node) throws HecFormatException {
        JsonNode event = node.get("event");
        if (event == null || event.isNull()) {
            throw new HecFormatException(index, "event field is missing");
        }
        String payload = event.isTextual() ? event.asText() : event.toString();
        if (payload.isBlank()) {
            throw new HecFormatException(index, "event field is blank");
        }
        return new HecEvent(payload, time(index, node.get("time")), text(node.get("host")), text(node.get("source")),
                text(node.get("sourcetype")));
    }

    private static Instant time(int index, JsonNode time) throws HecFormatException {
        if (time == null || time.isNull()) {
            return null;
        }
        try {
            BigDecimal seconds = time.isNumber() ? time.decimalValue() : new BigDecimal(time.asText().trim());
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new HecFormatException(index, "time '" + time.asText() + "' is not epoch seconds");
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
