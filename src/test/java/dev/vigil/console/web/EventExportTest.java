package dev.vigil.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.event.LogSource;
import dev.vigil.store.StoredEvent;
import dev.vigil.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventExportTest {

    private static StoredEvent event(String id, Map<String, Object> fields, String raw) {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        return new StoredEvent(id, TenantId.of("customer"), t, t, "generic-json", LogSource.UNKNOWN, fields, raw, null);
    }

    @Test
    void csvHasOneColumnPerFieldThatOccursAndQuotesCommasQuotesAndLineBreaks() {
        String csv = EventExport.csv(List.of(
                event("1", Map.of("user", Map.of("name", "alice")), "a,b"),
                event("2", Map.of("msg", "say \"hi\"\nbye"), "plain")));
        String[] lines = csv.split("\r\n", -1);
        assertEquals("@timestamp,@id,@connector,msg,user.name,@raw", lines[0]);
        assertEquals("2026-11-23T10:00:00Z,1,generic-json,,alice,\"a,b\"", lines[1]);
        assertEquals("2026-11-23T10:00:00Z,2,generic-json,\"say \"\"hi\"\"\nbye\",,plain", lines[2]);
        assertEquals(4, lines.length, "header, two records, and the empty rest after the last CRLF");
    }

    @Test
    void ndjsonHasOneObjectPerEventWithItsFieldsAndRaw() throws Exception {
        String nd = EventExport.ndjson(List.of(event("7", Map.of("EventID", 4625), "{\"EventID\":4625}")));
        JsonNode line = new ObjectMapper().readTree(nd.lines().findFirst().orElseThrow());
        assertEquals("7", line.path("id").asText());
        assertEquals(4625, line.path("fields").path("EventID").asInt());
        assertEquals("{\"EventID\":4625}", line.path("raw").asText());
        assertEquals(1, nd.lines().count());
    }
}
