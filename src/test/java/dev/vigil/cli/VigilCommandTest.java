package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as an operator meets it: help everywhere, clear errors, exit codes. */
class VigilCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private String stdout() {
        return output.stdout();
    }

    private String stderr() {
        return output.stderr();
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = new CommandLine(new VigilCommand());
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            assertTrue(root.getSubcommands().get(name).getCommandSpec().mixinStandardHelpOptions(),
                    "vigil " + name + " must answer --help");
        }
        assertEquals(0, VigilCommand.execute("search", "--help"));
        assertTrue(stdout().contains("--since"), stdout());
    }

    @Test
    void operatingCommandsSayWhenNoApplianceIsRunning() {
        int code = VigilCommand.execute("search", "*", "--data-dir", dir.toString());
        assertEquals(1, code);
        assertTrue(stderr().contains("no appliance is running on data directory"), stderr());
        assertTrue(stderr().contains("vigil serve"), stderr());
    }

    @Test
    void connectorsTestReportsEachRecordAndFailsOnAMalformedOne() throws Exception {
        Path file = dir.resolve("auth.log");
        Files.writeString(file, "Nov 22 10:15:01 web-03 sshd[2211]: Accepted publickey for deploy from 10.0.4.12 port 51234 ssh2\n"
                + "\n<999>garbage\n");
        int code = VigilCommand.execute("connectors", "test", "linux-auth", file.toString(), "--connectors-dir", "connectors");
        assertEquals(1, code, stdout() + stderr());
        assertTrue(stdout().contains("line 1: ok"), stdout());
        assertTrue(stdout().contains("line 3: FAILED"), stdout());
        assertTrue(stdout().contains("2 records, 1 parsed, 1 failed"), stdout());
    }

    @Test
    void connectorsListShowsTheShippedConnectors() {
        assertEquals(0, VigilCommand.execute("connectors", "list", "--connectors-dir", "connectors"));
        for (String name : new String[]{"linux-auth", "windows-json", "zeek-tsv", "aws-cloudtrail", "cef"}) {
            assertTrue(stdout().contains(name), stdout());
        }
    }

    @Test
    void anUnknownConnectorIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("x.log"), "x\n");
        assertEquals(2, VigilCommand.execute("connectors", "test", "nope", file.toString(), "--connectors-dir", "connectors"));
        assertTrue(stderr().contains("unknown connector 'nope'"), stderr());
    }

    @Test
    void simulateWritesLabelledFiles() {
        Path out = dir.resolve("scenario");
        assertEquals(0, VigilCommand.execute("simulate", "--seed", "3", "--hosts", "5", "--hours", "2", "--out", out.toString()));
        assertTrue(Files.exists(out.resolve("labels.jsonl")));
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }
}
