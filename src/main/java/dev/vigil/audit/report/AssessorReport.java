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

    /** The report for people: one paragraph per line. */
    public String toText() {
        StringBuilder out = new StringBuilder("Data-use report for tenant " + tenant + ", " + from + " to " + to
                + " (generated " + generatedAt + ")\n");
        out.append(lines.stream().filter(l -> !l.context()).count()).append(" entries; every line is proven against"
                + " the signed checkpoint at the end (verify: vigil audit verify-report FILE --key KEY)\n\n");
        for (ReportLine l : lines) {
            out.append(l.context() ? "  (context) " : "  ").append('#').append(l.index()).append(' ').append(l.time())
                    .append("  ").append(l.meaning()).append('\n');
            out.append("      consent in force: ").append(l.consent()).append(", policy ").append(l.policy()).append('\n');
        }
        return out.append('\n').append(checkpoint).toString();
    }
}
