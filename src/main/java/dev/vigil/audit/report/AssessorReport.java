package dev.vigil.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.util.List;

/**
 * What of one tenant's data was used for what between two instants, as an assessor receives it: every line cites
 * its audit entry and proves it against a signed checkpoint, so the report verifies offline with only the log's key.
 *
 * @param format     {@link #FORMAT}
 * @param tenant     the tenant the report is about
 * @param from       the start of the range, inclusive (ISO-8601)
 * @param to         the end of the range, exclusive (ISO-8601)
 * @param generatedAt when the appliance wrote the report (ISO-8601); not covered by the checkpoint
 * @param checkpoint the signed checkpoint note every proof leads to
 * @param lines      the lines in chain order
 */
public record AssessorReport(String format, String tenant, String from, String to, String generatedAt,
                             String checkpoint, List<ReportLine> lines) {

    /** The format identifier this code writes and reads. */
    public static final String FORMAT = "vigil-assessor-report/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AssessorReport {
        lines = List.copyOf(lines);
    }

    /** The report as JSON (the file format). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a report as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a report file's JSON; anything that is not one is an {@link IllegalArgumentException} saying why. */
    public static AssessorReport parse(String json) {
        try {
            AssessorReport r = JSON.readValue(json, AssessorReport.class);
            if (r == null || !FORMAT.equals(r.format())) {
                throw new IllegalArgumentException("not a Vigil assessor report (format is not " + FORMAT + ")");
            }
            return r;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Vigil assessor report: " + e.getMessage(), e);
        }
    }

    /**
     * The report for people: per line its index, time, action and object, the meaning, the consent in force and the
     * leaf hash its proof starts from; the signed checkpoint at the end. Only the JSON file can be verified.
     */
    public String toText() {
        StringBuilder out = new StringBuilder("Data-use report for tenant " + tenant + ", " + from + " (inclusive) to " + to
                + " (exclusive), generated " + generatedAt + "\n");
        long context = lines.stream().filter(ReportLine::context).count();
        long inRange = lines.size() - context;
        out.append(inRange).append(inRange == 1 ? " entry" : " entries").append(" in range");
        if (context > 0) {
            out.append(" and ").append(context).append(context == 1 ? " earlier entry" : " earlier entries").append(" as context");
        }
        out.append("; every line is proven against the signed checkpoint at the end\n")
                .append("(verify the JSON file: vigil audit verify-report FILE --key KEY)\n\n");
        for (ReportLine l : lines) {
            out.append("  #").append(l.index()).append(' ').append(l.time()).append("  ").append(l.action()).append(' ')
                    .append(l.object()).append(l.context() ? "  (context: before the range)" : "").append('\n');
            out.append("      ").append(l.meaning()).append('\n');
            out.append("      consent in force: ").append(consentText(l.consent())).append("; policy ").append(l.policy())
                    .append('\n');
            out.append("      leaf ").append(l.leafHash()).append(", proof of ").append(l.proof() == null ? 0 : l.proof().size())
                    .append(" hashes\n");
        }
        return out.append('\n').append(checkpoint).toString();
    }

    private static String consentText(java.util.Map<String, String> consent) {
        if (consent.isEmpty()) {
            return "none recorded (every scope withdrawn by default)";
        }
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(consent).forEach((scope, state) ->
                out.append(out.isEmpty() ? "" : ", ").append(scope).append(' ').append(state));
        return out.toString();
    }
}
