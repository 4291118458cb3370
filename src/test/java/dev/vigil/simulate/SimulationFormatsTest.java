package dev.vigil.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationFormatsTest {

    private static final List<String> JSON_FILES = List.of("windows-sysmon.ndjson", "windows-security.ndjson",
            "suricata-eve.ndjson", "zeek-dns.ndjson", "zeek-conn.ndjson", "aws-cloudtrail.ndjson", DirectorySink.LABELS);

    @TempDir
    static Path dir;
    static SimulationFixture data;

    @BeforeAll
    static void generate() throws IOException {
        data = SimulationFixture.twoDays(dir);
    }

    @Test
    void everyJsonLineParsesAsOneObject() {
        for (String f : JSON_FILES) {
            assertFalse(data.lines(f).isEmpty(), f);
            for (String line : data.lines(f)) {
                assertTrue(SimulationFixture.parse(line).isObject(), f + ": " + line);
            }
        }
    }

    @Test
    void authLogLinesHaveTheBsdSyslogShapeWithoutPri() {
        for (String line : data.lines("linux-auth.log")) {
            assertTrue(SimulationFixture.AUTH.matcher(line).matches(), line);
        }
    }

    @Test
    void auditRecordsComeAsSyscallExecveProctitleSharingOneSerial() {
        List<String> lines = data.lines("linux-auditd.log");
        assertEquals(0, lines.size() % 3);
        for (int i = 0; i < lines.size(); i += 3) {
            Matcher a = SimulationFixture.AUDIT.matcher(lines.get(i));
            Matcher b = SimulationFixture.AUDIT.matcher(lines.get(i + 1));
            Matcher c = SimulationFixture.AUDIT.matcher(lines.get(i + 2));
            assertTrue(a.matches() && b.matches() && c.matches(), lines.get(i));
            assertEquals(List.of("SYSCALL", "EXECVE", "PROCTITLE"), List.of(a.group(1), b.group(1), c.group(1)));
            assertEquals(a.group(3), b.group(3));
            assertEquals(a.group(3), c.group(3));
            assertTrue(lines.get(i).contains(" syscall=59 ") && lines.get(i + 1).contains(" argc="), lines.get(i));
        }
    }

    @Test
    void windowsRecordIdsIncreasePerComputerAndChannel() {
        Map<String, Long> last = new HashMap<>();
        for (String f : List.of("windows-sysmon.ndjson", "windows-security.ndjson")) {
            for (String line : data.lines(f)) {
                JsonNode w = SimulationFixture.parse(line).get("winlog");
                String key = w.get("computer_name").asText() + "/" + w.get("channel").asText();
                long id = Long.parseLong(w.get("record_id").asText());
                Long prev = last.put(key, id);
                assertTrue(prev == null || id > prev, key + " record_id " + id + " after " + prev);
            }
        }
    }

    @Test
    void everyFileIsInTimeOrder() {
        for (String f : List.of("windows-sysmon.ndjson", "windows-security.ndjson", "linux-auth.log", "linux-auditd.log",
                "suricata-eve.ndjson", "zeek-dns.ndjson", "zeek-conn.ndjson", "aws-cloudtrail.ndjson")) {
            Instant prev = Instant.MIN;
            for (String line : data.lines(f)) {
                Instant t = SimulationFixture.time(f, line);
                assertFalse(t.isBefore(prev), f + " goes back in time at " + line);
                prev = t;
            }
        }
    }

    @Test
    void weekdayWorkingHoursAreBusierThanNights() {
        int[] byHour = new int[24];
        for (String f : List.of("windows-sysmon.ndjson", "windows-security.ndjson", "zeek-conn.ndjson")) {
            for (String line : data.lines(f)) {
                var t = SimulationFixture.time(f, line).atOffset(ZoneOffset.UTC);
                if (t.getDayOfWeek() == DayOfWeek.MONDAY || t.getDayOfWeek() == DayOfWeek.TUESDAY) {
                    byHour[t.getHour()]++;
                }
            }
        }
        int day = 0;
        int night = 0;
        for (int h = 9; h < 12; h++) {
            day += byHour[h];
        }
        for (int h = 1; h < 4; h++) {
            night += byHour[h];
        }
        assertTrue(day > 3 * night, "day " + day + " vs night " + night);
    }

    @Test
    void manifestNamesTheConnectorOfEveryFile() throws IOException {
        JsonNode files = SimulationFixture.JSON.readTree(dir.resolve(DirectorySink.MANIFEST).toFile()).get("files");
        assertEquals("windows-json", files.path("windows-sysmon.ndjson").path("connector").asText());
        assertEquals("linux-auditd", files.path("linux-auditd.log").path("connector").asText());
        assertEquals("zeek-json", files.path("zeek-dns.ndjson").path("connector").asText());
        assertEquals(data.lines("suricata-eve.ndjson").size(), files.path("suricata-eve.ndjson").path("lines").asInt());
    }
}
