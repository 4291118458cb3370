package dev.vigil.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.SimulateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new SimulateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesTheFilesAndPrintsAHumanSummary(@TempDir Path dir) {
        assertEquals(0, run("--hosts", "6", "--hours", "2", "--attacks", "discovery", "--out", dir.toString()));
        assertTrue(Files.exists(dir.resolve("labels.jsonl")) && Files.exists(dir.resolve("manifest.json")));
        assertTrue(out.toString().contains("windows-sysmon.ndjson") && out.toString().contains("discovery"), out.toString());
    }

    @Test
    void jsonSummaryReportsLinesPerFile(@TempDir Path dir) throws Exception {
        assertEquals(0, run("--seed", "9", "--hosts", "6", "--hours", "1", "--attacks", "none", "--json", "--out", dir.toString()));
        JsonNode s = SimulationFixture.JSON.readTree(out.toString());
        assertEquals(Files.readAllLines(dir.resolve("zeek-conn.ndjson")).size(), s.at("/files/zeek-conn.ndjson/lines").asInt());
        assertEquals("2026-01-05T00:00:00Z", s.get("start").asText());
    }

    @Test
    void outOfRangeHostsIsAUsageErrorNamingTheOption(@TempDir Path dir) {
        assertEquals(2, run("--hosts", "0", "--out", dir.toString()));
        assertTrue(err.toString().contains("--hosts: hosts must be between 1 and 100000, was 0"), err.toString());
    }

    @Test
    void unparseableStartIsAUsageErrorWithAnExample(@TempDir Path dir) {
        assertEquals(2, run("--start", "yesterday", "--out", dir.toString()));
        assertTrue(err.toString().contains("--start must be an ISO-8601 instant such as 2026-01-05T00:00:00Z"), err.toString());
    }

    @Test
    void unknownAttackIsAUsageError(@TempDir Path dir) {
        assertEquals(2, run("--attacks", "phishing", "--out", dir.toString()));
        assertTrue(err.toString().contains("--attacks: unknown attack 'phishing'"), err.toString());
    }
}
