package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.appliance.RuntimeInfo;
import dev.vigil.audit.AuditExport;
import dev.vigil.audit.AuditLogVerifier;
import dev.vigil.audit.CheckpointStore;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.report.AssessorReport;
import dev.vigil.audit.report.AssessorReportVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil audit log|verify|export|key|checkpoint|report|verify-report}: the tamper-evident audit chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read, export and verify the audit chain.",
        subcommands = {AuditCommand.Log.class, AuditCommand.Verify.class, AuditCommand.Export.class,
                AuditCommand.Key.class, AuditCommand.LatestCheckpoint.class, AuditCommand.Report.class,
                AuditCommand.VerifyReport.class})
public final class AuditCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "log", mixinStandardHelpOptions = true, description = "List audit entries, oldest first.")
    static final class Log implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--tenant", description = "Only this tenant (it must be the CLI token's tenant).")
        String tenant;
        @Option(names = "--action", description = "Only this action, e.g. token.create.")
        String action;
        @Option(names = "--limit", defaultValue = "50", description = "At most this many, the newest (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("tenant", tenant);
            query.put("action", action);
            query.put("limit", Integer.toString(limit));
            JsonNode entries = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/audit", query);
            if (json) {
                Output.json(entries);
                return 0;
            }
            for (JsonNode e : entries) {
                System.out.println(Output.pad(e.path("seq").asText(), 8) + Output.pad(e.path("time").asText(), 26)
                        + Output.pad(e.path("actor").asText() + "/" + e.path("role").asText(), 24)
                        + Output.pad(e.path("action").asText(), 20) + e.path("object").asText());
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify an export offline (no appliance, no data directory needed), or, without EXPORT,",
                    "ask the running appliance to sign a checkpoint and verify its whole trail now.",
                    "Exit code 0: valid; 1: tampering found (the first bad entry is named)."})
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", arity = "0..1", paramLabel = "EXPORT", description = "An export made by 'vigil audit export'.")
        Path export;
        @Option(names = "--key", paramLabel = "KEY", description = "The log's verifier key (NAME+ID+KEY) or a file holding it.")
        String key;
        @Option(names = "--trusted", paramLabel = "CHECKPOINT", description = "A checkpoint file you already trust (from a witness or an earlier audit).")
        Path trusted;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (export == null) {
                JsonNode r = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/audit/verify", "application/json", "{}");
                if (json) {
                    Output.json(r);
                } else {
                    print(r.path("valid").asBoolean(), r.path("entries").asLong(), r.path("checkpoints").asInt(),
                            r.path("firstBadEntry").asLong(), r.path("problems"), r.path("warnings"));
                    System.out.println("signing: " + r.path("signing").asText());
                    System.out.print(r.path("checkpoint").path("note").asText(""));
                }
                return r.path("valid").asBoolean() ? 0 : 1;
            }
            if (key == null) {
                throw new CliException("verifying an export needs the log's key: --key NAME+ID+KEY (or a file), as "
                        + "'vigil audit key' prints it on the appliance; obtain it independently of the export", 2);
            }
            if (!Files.isRegularFile(export)) {
                throw new CliException("no export file " + export, 2);
            }
            NoteVerifierKey logKey = NoteVerifierKey.parse(textOrFile(key));
            String trustedNote = trusted == null ? null : Files.readString(trusted, StandardCharsets.UTF_8);
            AuditLogVerifier.LogVerification v;
            try {
                v = AuditExport.verify(export, logKey, trustedNote);
            } catch (IOException e) {
                throw new CliException(e.getMessage());
            }
            if (json) {
                Output.json(JSON.valueToTree(v));
            } else {
                print(v.valid(), v.entries(), v.checkpoints(), v.firstBadEntry(), JSON.valueToTree(v.problems()),
                        JSON.valueToTree(v.warnings()));
                if (v.latest() != null) {
                    System.out.println("latest checkpoint: " + v.latest());
                }
            }
            return v.valid() ? 0 : 1;
        }

        private static void print(boolean valid, long entries, int checkpoints, long firstBad, JsonNode problems, JsonNode warnings) {
            System.out.println((valid ? "VALID" : "INVALID") + ": " + entries + " entries, " + checkpoints + " signed checkpoints");
            if (!valid && firstBad > 0) {
                System.out.println("first bad entry: " + firstBad);
            }
            problems.forEach(p -> System.out.println("problem: " + p.asText()));
            warnings.forEach(w -> System.out.println("warning: " + w.asText()));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write entries, signed checkpoints and proofs to FILE (a ZIP) for removable media.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            Path audit = data.dataDir().resolve("audit");
            if (!Files.isRegularFile(audit.resolve("checkpoint.vkey"))) {
                throw new CliException("no audit trail in " + audit.toAbsolutePath() + " (pass --data-dir)");
            }
            if (RuntimeInfo.readLive(data.dataDir()).isPresent()) {
                // a fresh checkpoint, so that the export is covered to its last entry
                ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/audit/verify", "application/json", "{}");
            }
            long n = AuditExport.write(audit.resolve("trail.log"), new CheckpointStore(audit).all(),
                    Files.readString(audit.resolve("checkpoint.vkey")), file);
            System.out.println("Exported " + n + " entries to " + file);
            System.out.println("Verify anywhere: vigil audit verify " + file + " --key '"
                    + Files.readString(audit.resolve("checkpoint.vkey")).strip() + "'");
            return 0;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, description = "Print the log's public key (signed-note verifier key).")
    static final class Key implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Override
        public Integer call() throws IOException {
            Path vkey = data.dataDir().resolve("audit").resolve("checkpoint.vkey");
            if (RuntimeInfo.readLive(data.dataDir()).isPresent()) {
                System.out.println(ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/audit/key", Map.of()).path("key").asText());
            } else if (Files.isRegularFile(vkey)) {
                System.out.println(Files.readString(vkey).strip());
            } else {
                throw new CliException("no appliance is running and there is no key in " + vkey.toAbsolutePath());
            }
            return 0;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Print the latest signed checkpoint.")
    static final class LatestCheckpoint implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode c = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/audit/checkpoint", Map.of());
            if (json) {
                Output.json(c);
            } else {
                System.out.print(c.path("note").asText());
            }
            return 0;
        }
    }

    /** The argument itself, or the content of the file it names. */
    static String textOrFile(String keyOrFile) throws IOException {
        Path p = Path.of(keyOrFile);
        return Files.isRegularFile(p) ? Files.readString(p).strip() : keyOrFile;
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"For an assessor: what of the tenant's data was used for what (verdicts that train models,",
                    "models trained, data uses, fleet sightings and decisions, consent in force each time), each line",
                    "citing its audit entry with an inclusion proof against a checkpoint signed for the report."})
    static final class Report implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--tenant", paramLabel = "TENANT", description = "The tenant (must be the token's; default: the token's).")
        String tenant;
        @Option(names = "--from", paramLabel = "TIME", description = "Start, inclusive: ISO-8601 or a look-back such as 30d (default: 30 days before --to).")
        String from;
        @Option(names = "--to", paramLabel = "TIME", description = "End, exclusive: ISO-8601 or a look-back (default: now).")
        String to;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (JSON unless --format text); verify a JSON report with 'vigil audit verify-report'.")
        Path out;
        @Option(names = "--format", paramLabel = "json|text", description = "json (the verifiable file) or text (for people); default: json with --out, text without.")
        String format;

        @Override
        public Integer call() throws IOException {
            String form = format == null ? (out == null ? "text" : "json") : format;
            if (!form.equals("json") && !form.equals("text")) {
                throw new CliException("--format is json or text, not '" + format + "'", 2);
            }
            Map<String, String> query = new java.util.LinkedHashMap<>();
            if (tenant != null) {
                query.put("tenant", tenant);
            }
            if (from != null) {
                query.put("from", from);
            }
            if (to != null) {
                query.put("to", to);
            }
            AssessorReport report = AssessorReport.parse(
                    ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/audit/report", query).toString());
            String written = form.equals("json") ? report.toJson() : report.toText();
            if (out == null) {
                System.out.println(written);
                return 0;
            }
            Files.writeString(out, written, StandardCharsets.UTF_8);
            System.out.println("Wrote " + report.lines().size() + " lines for tenant " + report.tenant() + " to " + out
                    + (form.equals("text") ? " as text (write --format json to have a report that verifies)" : ""));
            if (form.equals("json")) {
                System.out.println("Verify anywhere: vigil audit verify-report " + out + " --key '"
                        + ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/audit/key", Map.of()).path("key").asText() + "'");
            }
            return 0;
        }
    }

    @Command(name = "verify-report", mixinStandardHelpOptions = true,
            description = {"Verify an assessor report offline (no appliance, no data directory needed).",
                    "Exit code 0: valid; 1: a bad line (named) or a bad checkpoint."})
    static final class VerifyReport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REPORT", description = "A report written by 'vigil audit report --out'.")
        Path report;
        @Option(names = "--key", required = true, paramLabel = "KEY", description = "The log's verifier key (NAME+ID+KEY) or a file holding it.")
        String key;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(report)) {
                throw new CliException("no report file " + report, 2);
            }
            AssessorReport parsed;
            try {
                parsed = AssessorReport.parse(Files.readString(report, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new CliException(report + ": " + e.getMessage(), 2);
            }
            AssessorReportVerifier.Result r = AssessorReportVerifier.verify(parsed, NoteVerifierKey.parse(textOrFile(key)));
            System.out.println((r.valid() ? "VALID" : "INVALID") + ": " + r.lines() + " lines of tenant " + parsed.tenant()
                    + ", proven against a signed checkpoint of " + r.treeSize() + " entries");
            if (!r.valid() && r.firstBadLine() > 0) {
                System.out.println("first bad line: " + r.firstBadLine());
            }
            r.problems().forEach(p -> System.out.println("problem: " + p));
            if (r.valid()) {
                System.out.println("note: a report proves each line is in the log; that none was left out needs the whole log"
                        + " (vigil audit export, then vigil audit verify)");
            }
            return r.valid() ? 0 : 1;
        }
    }
}
