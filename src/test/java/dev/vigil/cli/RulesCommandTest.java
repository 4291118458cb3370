package dev.vigil.cli;

import dev.vigil.detect.SampleRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vigil rules lint} and {@code vigil rules test} work on files alone, with no appliance. */
class RulesCommandTest {

    private static final String RULE = SampleRules.WHOAMI;
    private static final String EVENTS = """
            {"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws1"},"EventData":{"Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"whoami /all"}}}
            {"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Computer":"ws1"},"EventData":{"Image":"C:\\\\Windows\\\\System32\\\\notepad.exe"}}}
            """;

    @TempDir
    Path dir;
    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void lintAcceptsAValidRule() throws Exception {
        Path rule = Files.writeString(dir.resolve("whoami.yml"), RULE);
        assertEquals(0, VigilCommand.execute("rules", "lint", rule.toString()), output.stderr());
        assertTrue(output.stdout().contains("1 rules: 1 ok, 0 unsupported, 0 invalid"), output.stdout());
    }

    @Test
    void lintRejectsABadRuleNamingFileLineAndProblemWithExitCode1() throws Exception {
        Files.writeString(dir.resolve("good.yml"), RULE);
        Files.writeString(dir.resolve("bad.yml"), RULE.replace("condition: selection", "condition: selection and (filter")
                .replace("11111111", "22222222"));
        assertEquals(1, VigilCommand.execute("rules", "lint", dir.toString()));
        assertTrue(output.stdout().contains("bad.yml:7: rule 'Whoami Execution': condition 'selection and (filter': unbalanced parentheses"),
                output.stdout());
        assertTrue(output.stdout().contains("2 rules: 1 ok, 0 unsupported, 1 invalid"), output.stdout());
    }

    @Test
    void testRunsRulesOverAnEventsFileAndShowsTheMatchedFields() throws Exception {
        Path rule = Files.writeString(dir.resolve("whoami.yml"), RULE);
        Path events = Files.writeString(dir.resolve("events.ndjson"), EVENTS);
        assertEquals(0, VigilCommand.execute("rules", "test", rule.toString(), events.toString(), "--connectors-dir", "connectors"),
                output.stderr());
        assertTrue(output.stdout().contains("event at line 1: low Whoami Execution"), output.stdout());
        assertTrue(output.stdout().contains("Image = C:\\Windows\\System32\\whoami.exe"), output.stdout());
        assertTrue(output.stdout().contains("2 events read with windows-json; 1 matches"), output.stdout());
    }

    @Test
    void testWithAnUnknownConnectorSaysWhichExist() throws Exception {
        Path rule = Files.writeString(dir.resolve("whoami.yml"), RULE);
        Path events = Files.writeString(dir.resolve("events.ndjson"), EVENTS);
        assertEquals(1, VigilCommand.execute("rules", "test", rule.toString(), events.toString(), "--connector", "nope",
                "--connectors-dir", "connectors"));
        assertTrue(output.stderr().contains("unknown connector 'nope'"), output.stderr());
    }
}
