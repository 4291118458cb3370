package dev.vigil.audit.report;

import dev.vigil.audit.AuditCanonicalForm;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditService;
import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Writes assessor reports on the running appliance: selects the tenant's data-use entries ({@link ReportSelection}),
 * recovers their after-states where the appliance still holds them ({@link AuditStateLookup}), takes the latest signed checkpoint when it covers every selected entry (and
 * signs one now when it does not, so a report never waits for the checkpoint interval), and attaches an inclusion
 * proof per line against it.
 *
 * <p>Guarantees: a report only ever holds the requested tenant's entries and fleet decisions about artefacts it
 * sighted; every line is covered by the report's checkpoint; the report verifies with {@link AssessorReportVerifier}
 * as written. Reading is from the trail file, not memory.
 */
@Singleton
public class AssessorReports {

    private final AuditService audit;
    private final List<AuditStateLookup> lookups;
    private final Clock clock;

    public AssessorReports(AuditService audit, List<AuditStateLookup> lookups, Clock clock) {
        this.audit = audit;
        this.lookups = List.copyOf(lookups);
        this.clock = clock;
    }

    /** The report for the tenant, entries in [{@code from}, {@code to}). */
    public AssessorReport build(TenantId tenant, Instant from, Instant to) {
        List<AuditEntry> entries = audit.trail().entries(
                e -> e.tenant().equals(tenant) || e.tenant().isFleet(), Integer.MAX_VALUE);
        List<ReportSelection.Selected> chosen = ReportSelection.select(tenant, from, to, entries);
        long needed = chosen.isEmpty() ? 0 : chosen.getLast().entry().sequence();
        SignedNote note = audit.latest().filter(n -> Checkpoint.parse(n.text()).size() >= needed)
                .orElseGet(audit::signNow);
        long size = Checkpoint.parse(note.text()).size();
        // entries read but not yet durable when signing are left for the next report (they are after every other)
        List<ReportSelection.Selected> selected = chosen.stream().filter(c -> c.entry().sequence() <= size).toList();
        List<ReportSelection.Stated> stated = new ArrayList<>(selected.size());
        for (ReportSelection.Selected s : selected) {
            stated.add(new ReportSelection.Stated(s.entry(), stateOf(s.entry()).orElse(null)));
        }
        List<ReportSelection.Derived> derived = ReportSelection.derive(stated);
        List<ReportLine> lines = new ArrayList<>(selected.size());
        MerkleHasher hasher = new MerkleHasher();
        for (int i = 0; i < selected.size(); i++) {
            AuditEntry e = selected.get(i).entry();
            String line = AuditCanonicalForm.line(e);
            List<String> proof = audit.trail().inclusionProof(e.sequence() - 1, size).stream()
                    .map(h -> HexFormat.of().formatHex(h)).toList();
            lines.add(new ReportLine(e.sequence(), selected.get(i).context(), e.time().toString(), e.action(), e.object(),
                    e.actor(), e.role(), e.policyVersion(), derived.get(i).meaning(), derived.get(i).consent(),
                    line, HexFormat.of().formatHex(hasher.leaf(line.getBytes(StandardCharsets.UTF_8))),
                    stated.get(i).state(), proof));
        }
        return new AssessorReport(AssessorReport.FORMAT, tenant.value(), from.toString(), to.toString(),
                clock.instant().toString(), note.encoded(), lines);
    }

    private Optional<String> stateOf(AuditEntry e) {
        for (AuditStateLookup lookup : lookups) {
            Optional<String> state = lookup.afterState(e)
                    .filter(s -> AuditCanonicalForm.stateHash(s).equals(e.afterHash()));
            if (state.isPresent()) {
                return state;
            }
        }
        return Optional.empty();
    }
}
