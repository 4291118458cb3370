package dev.vigil.audit.report;

import dev.vigil.audit.AuditCanonicalForm;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditLines;
import dev.vigil.audit.merkle.InvalidProofException;
import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.merkle.MerkleVerifier;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.NoteVerifierKey;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.tenancy.TenantId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an assessor report offline with only the log's public key: pure, no data directory, no appliance.
 *
 * <p>Checks, and names the first bad line for: the checkpoint's signature and origin; each line's entry is a
 * canonical chain line whose fields are the ones the line states; its stated leaf hash is the hash of those entry
 * bytes, and its inclusion proof leads from that leaf to the signed root; lines are in strictly increasing chain
 * order; every line is the tenant's own (or a fleet decision), in range (or, as context, the one consent entry per
 * scope or a sighting before it); each fleet decision follows a line showing the tenant sighted its artefact; a
 * shown state hashes to the entry's after-hash; and the meaning and consent in force are exactly what {@link ReportSelection} derives from the proven entries. It cannot
 * prove that no entry was left out: that needs the whole chain (an export and {@code vigil audit verify}).
 */
public final class AssessorReportVerifier {

    private AssessorReportVerifier() {
    }

    /**
     * The verdict.
     *
     * @param firstBadLine the position (from 1) of the first bad line, 0 when none is (or the checkpoint itself is bad)
     */
    public record Result(boolean valid, int lines, long treeSize, int firstBadLine, List<String> problems) {
    }

    public static Result verify(AssessorReport report, NoteVerifierKey key) {
        Objects.requireNonNull(report, "report");
        Checkpoint checkpoint;
        try {
            SignedNote note = SignedNote.parse(report.checkpoint());
            note.verify(key);
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Result(false, report.lines().size(), 0, 0, List.of("checkpoint: " + e.getMessage()));
        }
        if (!checkpoint.origin().equals(key.name())) {
            return new Result(false, report.lines().size(), checkpoint.size(), 0, List.of("checkpoint: origin '"
                    + checkpoint.origin() + "' is not the log's '" + key.name() + "'"));
        }
        TenantId tenant;
        Instant from;
        Instant to;
        try {
            tenant = TenantId.of(report.tenant());
            from = Instant.parse(report.from());
            to = Instant.parse(report.to());
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            return new Result(false, report.lines().size(), checkpoint.size(), 0, List.of("header: " + e.getMessage()));
        }
        if (tenant.isFleet() || !from.isBefore(to)) {
            return new Result(false, report.lines().size(), checkpoint.size(), 0, List.of("header: " + (tenant.isFleet()
                    ? "a data-use report is about a customer tenant, not the fleet tenant"
                    : "the range is empty: from " + from + " is not before to " + to)));
        }
        MerkleHasher hasher = new MerkleHasher();
        MerkleVerifier merkle = new MerkleVerifier(hasher);
        List<ReportSelection.Stated> proven = new ArrayList<>();
        long previous = 0;
        Set<String> contextFor = new HashSet<>();
        Set<String> sighted = new HashSet<>();
        for (int i = 0; i < report.lines().size(); i++) {
            ReportLine line = report.lines().get(i);
            String problem = check(line, tenant, from, to, previous, checkpoint, hasher, merkle);
            if (problem == null) {
                problem = related(line, contextFor, sighted);
            }
            if (problem != null) {
                return bad(report, checkpoint, i + 1, line, problem);
            }
            proven.add(new ReportSelection.Stated(AuditLines.parse(line.entry()), line.state()));
            previous = line.index();
        }
        List<ReportSelection.Derived> derived = ReportSelection.derive(proven);
        for (int i = 0; i < derived.size(); i++) {
            ReportLine line = report.lines().get(i);
            if (!derived.get(i).meaning().equals(line.meaning())) {
                return bad(report, checkpoint, i + 1, line, "its meaning is not what the entry says: expected '"
                        + derived.get(i).meaning() + "'");
            }
            if (!derived.get(i).consent().equals(line.consent())) {
                return bad(report, checkpoint, i + 1, line, "the consent in force is not what the tenant's consent entries"
                        + " give: expected " + derived.get(i).consent());
            }
        }
        return new Result(true, report.lines().size(), checkpoint.size(), 0, List.of());
    }

    /** What a line may only be in relation to the lines before it (called for lines that passed {@link #check}). */
    private static String related(ReportLine line, Set<String> contextFor, Set<String> sighted) {
        if (line.context() && !contextFor.add(line.object())) {
            return "a second context line for " + line.object() + " (only the last one before the range is context)";
        }
        if (line.action().equals(ReportSelection.SIGHT)) {
            sighted.add(line.object());
        } else if (ReportSelection.isFleetDecision(line.action()) && !sighted.contains(line.object())) {
            return "a fleet decision on " + line.object() + ", which no earlier line shows this tenant sighted";
        }
        return null;
    }

    private static String check(ReportLine line, TenantId tenant, Instant from, Instant to, long previous,
                                Checkpoint checkpoint, MerkleHasher hasher, MerkleVerifier merkle) {
        if (line.entry() == null) {
            return "no entry";
        }
        AuditEntry e;
        try {
            e = AuditLines.parse(line.entry());
        } catch (IllegalArgumentException bad) {
            return "the entry is not readable (" + bad.getMessage() + ")";
        }
        if (!AuditCanonicalForm.line(e).equals(line.entry())) {
            return "the entry is not in canonical form (modified)";
        }
        if (e.sequence() != line.index() || !e.time().toString().equals(line.time()) || !e.action().equals(line.action())
                || !e.object().equals(line.object()) || !e.actor().equals(line.actor()) || !e.role().equals(line.role())
                || !e.policyVersion().equals(line.policy())) {
            return "the line's fields differ from its entry's";
        }
        if (line.index() == previous) {
            return "a duplicate: entry " + previous + " is already the line before";
        }
        if (line.index() < previous) {
            return "out of chain order (index " + line.index() + " after " + previous + ")";
        }
        if (e.tenant().equals(tenant)) {
            if (!ReportSelection.concernsDataUse(e.action())) {
                return "action " + e.action() + " is not about data use";
            }
        } else if (!(e.tenant().isFleet() && ReportSelection.isFleetDecision(e.action()))) {
            return "the entry belongs to tenant " + e.tenant().value() + ", not " + tenant.value();
        }
        boolean inRange = !e.time().isBefore(from) && e.time().isBefore(to);
        boolean context = e.tenant().equals(tenant) && e.time().isBefore(from)
                && (e.action().startsWith("consent.") || e.action().equals(ReportSelection.SIGHT));
        if (line.context() ? !context : !inRange) {
            return line.context() ? "marked as context but is not a consent entry or a sighting before the range"
                    : "time " + e.time() + " is outside the report's range";
        }
        if (line.state() != null && !AuditCanonicalForm.stateHash(line.state()).equals(e.afterHash())) {
            return "its state does not hash to the entry's after-hash (the state was altered)";
        }
        if (line.index() > checkpoint.size()) {
            return "index " + line.index() + " is beyond the checkpoint's " + checkpoint.size() + " entries";
        }
        byte[] leaf = hasher.leaf(line.entry().getBytes(StandardCharsets.UTF_8));
        if (line.leafHash() == null || !HexFormat.of().formatHex(leaf).equals(line.leafHash())) {
            return "its leaf hash is not the hash of its entry (expected " + HexFormat.of().formatHex(leaf) + ")";
        }
        try {
            List<byte[]> proof = new ArrayList<>();
            for (String h : line.proof() == null ? List.<String>of() : line.proof()) {
                proof.add(HexFormat.of().parseHex(h));
            }
            merkle.verifyInclusion(line.index() - 1, checkpoint.size(), leaf, proof, checkpoint.rootHash());
        } catch (InvalidProofException | IllegalArgumentException bad) {
            return "its inclusion proof does not lead to the signed root (" + bad.getMessage() + ")";
        }
        return null;
    }

    private static Result bad(AssessorReport report, Checkpoint checkpoint, int position, ReportLine line, String problem) {
        return new Result(false, report.lines().size(), checkpoint.size(), position,
                List.of("line " + position + " (entry " + line.index() + "): " + problem));
    }
}
