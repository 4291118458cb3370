package dev.vigil.connectors.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowsEventParserTest {

    private static final ParseContext CONTEXT = ParseContext.utc(Instant.parse("2025-01-01T00:00:00Z"));
    private static final Map<String, Object> SAME_SHAPE = Map.of("EventID", 4688L, "Channel", "Security",
            "Computer", "h1", "Provider_Name", "Microsoft-Windows-Security-Auditing", "EventRecordID", 77L,
            "TimeCreated", "2025-03-03T09:13:02.441Z", "NewProcessName", "C:\\x.exe");

    private static Map<String, Object> parse(String json) throws RecordParseException {
        return new WindowsEventParser().parse(json, CONTEXT);
    }

    @Test
    void evtxDumpShape() throws RecordParseException {
        assertEquals(SAME_SHAPE, parse("""
                {"Event":{"#attributes":{"xmlns":"x"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing"}},
                "EventID":4688,"TimeCreated":{"#attributes":{"SystemTime":"2025-03-03T09:13:02.441Z"}},"EventRecordID":77,
                "Channel":"Security","Computer":"h1"},"EventData":{"NewProcessName":"C:\\\\x.exe"}}}"""));
    }

    @Test
    void winlogbeatShape() throws RecordParseException {
        assertEquals(SAME_SHAPE, parse("""
                {"@timestamp":"2025-03-03T09:13:02.441Z","agent":{"type":"winlogbeat"},"winlog":{"channel":"Security",
                "computer_name":"h1","event_id":"4688","provider_name":"Microsoft-Windows-Security-Auditing",
                "record_id":"77","event_data":{"NewProcessName":"C:\\\\x.exe"}}}"""));
    }

    @Test
    void nxlogShapeDropsNxlogBookkeeping() throws RecordParseException {
        assertEquals(SAME_SHAPE, parse("""
                {"EventID":4688,"Channel":"Security","Hostname":"h1","SourceName":"Microsoft-Windows-Security-Auditing",
                "RecordNumber":77,"@timestamp":"2025-03-03T09:13:02.441Z","EventTime":"2025-03-03 10:13:02",
                "EventReceivedTime":"2025-03-03 10:13:03","SourceModuleName":"eventlog","SourceModuleType":"im_msvistalog",
                "NewProcessName":"C:\\\\x.exe"}"""));
    }

    @Test
    void winlogbeatSixShape() throws RecordParseException {
        Map<String, Object> fields = parse("""
                {"@timestamp":"2019-05-18T20:19:20.065Z","event_id":4104,"log_name":"Microsoft-Windows-PowerShell/Operational",
                "source_name":"Microsoft-Windows-PowerShell","computer_name":"h1","record_number":"76553",
                "event_data":{"ScriptBlockText":"whoami"}}""");
        assertEquals(4104L, fields.get("EventID"));
        assertEquals("Microsoft-Windows-PowerShell/Operational", fields.get("Channel"));
        assertEquals("whoami", fields.get("ScriptBlockText"));
        assertEquals(76553L, fields.get("EventRecordID"));
    }

    @Test
    void evtxEventIdWithQualifiersIsRead() throws RecordParseException {
        Map<String, Object> fields = parse("""
                {"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":16384},"#text":7045},"Channel":"System"},
                "EventData":{"ServiceName":"x"}}}""");
        assertEquals(7045L, fields.get("EventID"));
        assertFalse(fields.keySet().stream().anyMatch(k -> k.contains("#")));
    }

    @Test
    void systemValueWinsOverEventDataOfTheSameName() throws RecordParseException {
        assertEquals("Security", parse("""
                {"winlog":{"event_id":1,"channel":"Security","event_data":{"Channel":"spoofed"}}}""").get("Channel"));
    }

    @Test
    void unknownShapeIsRejectedSayingWhatWasExpected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("{\"message\":\"hi\"}"));
        assertTrue(e.getMessage().startsWith("not a Windows event"), e.getMessage());
    }

    @Test
    void nonNumericEventIdIsRejected() {
        RecordParseException e = assertThrows(RecordParseException.class, () -> parse("{\"EventID\":\"abc\"}"));
        assertEquals("Windows event has EventID 'abc', not a number", e.getMessage());
    }
}
