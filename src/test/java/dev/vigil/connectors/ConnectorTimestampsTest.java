package dev.vigil.connectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectorTimestampsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-11-27T07:40:10.165324Z|2025-11-27T07:40:10.165324Z",
            "2025-11-27T07:40:10.1653241Z|2025-11-27T07:40:10.165324100Z",
            "2025-11-27 07:40:10.123456789Z|2025-11-27T07:40:10.123456789Z",
            "2025-11-27T07:40:10+02:00|2025-11-27T05:40:10Z",
            "2025-11-27T07:40:10.5+0200|2025-11-27T05:40:10.5Z",
            "2025-11-27 07:40:10|2025-11-27T06:40:10Z",
            "2025-07-01T07:40:10.25|2025-07-01T05:40:10.25Z",
            "1521911720.865716|2018-03-24T17:15:20.865716Z",
            "1521911720865|2018-03-24T17:15:20.865Z"})
    void textForms(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), Timestamps.parse(text, BERLIN));
    }

    @Test
    void numbersAreEpochSecondsOrMillis() {
        assertEquals(Optional.of(Instant.ofEpochSecond(1521911720)), Timestamps.parse(1521911720L, BERLIN));
        assertEquals(Optional.of(Instant.ofEpochMilli(1521911720865L)), Timestamps.parse(1521911720865L, BERLIN));
        assertEquals(Optional.of(Instant.parse("2018-03-24T17:15:20.5Z")), Timestamps.parse(1521911720.5, BERLIN));
    }

    @Test
    void nonTimestampsAreEmpty() {
        assertEquals(Optional.empty(), Timestamps.parse("yesterday", BERLIN));
        assertEquals(Optional.empty(), Timestamps.parse("2025-13-45T00:00:00Z", BERLIN));
        assertEquals(Optional.empty(), Timestamps.parse(null, BERLIN));
        assertEquals(Optional.empty(), Timestamps.parse(true, BERLIN));
    }
}
