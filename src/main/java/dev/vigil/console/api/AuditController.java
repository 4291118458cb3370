package dev.vigil.console.api;

import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditLogVerifier;
import dev.vigil.audit.AuditService;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.audit.report.AssessorReports;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/audit}: the audit chain (admin scope). Entries are only ever the caller's tenant's; the checkpoint
 * and key are the appliance's (they cover every tenant's entries, which they reveal nothing of).
 */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private final AuditService audit;
    private final AssessorReports reports;

    public AuditController(AuditService audit, AssessorReports reports) {
        this.audit = audit;
        this.reports = reports;
    }

    /**
     * The assessor report of the caller's tenant: what of its data was used for what between {@code from}
     * (inclusive, default 30 days before {@code to}) and {@code to} (exclusive, default now), every line with an
     * inclusion proof against a checkpoint signed for the report. For auditors and admins.
     */
    @Get(value = "/report", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> report(HttpRequest<?> request, @Nullable @QueryValue String tenant,
                                       @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        if (caller.scope() == ApiTokenScope.ANALYST || caller.scope() == ApiTokenScope.INGEST) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "the data-use report is for auditors and admins");
        }
        if (tenant != null && !tenant.equals(caller.tenant().value())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "a token of tenant " + caller.tenant().value()
                    + " cannot read the data-use report of tenant " + tenant);
        }
        Instant now = Instant.now();
        Instant end = to == null ? now : TimeExpressions.parse(to, now);
        Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : TimeExpressions.parse(from, now);
        return HttpResponse.ok(reports.build(caller.tenant(), start, end).toJson()).contentType(MediaType.APPLICATION_JSON);
    }

    @Get
    public List<EntryView> entries(HttpRequest<?> request, @Nullable @QueryValue String tenant,
                                    @Nullable @QueryValue String action, @Nullable @QueryValue String actor,
                                    @Nullable @QueryValue String since, @Nullable @QueryValue Integer limit) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        if (tenant != null && !tenant.equals(caller.tenant().value())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "a token of tenant " + caller.tenant().value()
                    + " cannot read the audit entries of tenant " + tenant);
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 100_000) {
            throw new IllegalArgumentException("limit must be between 1 and 100000, was " + max);
        }
        Instant from = since == null ? Instant.MIN : TimeExpressions.parse(since, Instant.now());
        return audit.trail().entries(e -> e.tenant().equals(caller.tenant())
                && (action == null || e.action().equals(action)) && (actor == null || e.actor().equals(actor))
                && !e.time().isBefore(from), max).stream().map(EntryView::of).toList();
    }

    @Get("/checkpoint")
    public CheckpointView checkpoint(HttpRequest<?> request) {
        Principals.require(request, ApiTokenScope.ADMIN);
        return audit.latest().map(CheckpointView::of).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "no checkpoint has been signed yet (the first is signed within the checkpoint interval of the first entry)"));
    }

    @Get("/key")
    public KeyView key(HttpRequest<?> request) {
        Principals.require(request, ApiTokenScope.ADMIN);
        return new KeyView(audit.verifierKey());
    }

    @Post("/verify")
    public VerifyView verify(HttpRequest<?> request) {
        Principals.require(request, ApiTokenScope.ADMIN);
        AuditService.Report r = audit.verifyNow();
        AuditLogVerifier.LogVerification v = r.verification();
        return new VerifyView(v.valid(), v.entries(), v.checkpoints(), v.firstBadEntry(), v.problems(), v.warnings(),
                r.checkpoint() == null ? null : CheckpointView.of(SignedNote.parse(r.checkpoint())), r.signing(), r.shipping());
    }

    /** One audit entry as the API shows it (the fields of its canonical form). */
    @Serdeable
    public record EntryView(long seq, String time, String actor, String role, String tenant, String action,
                            String object, String policy, String before, String after, String prev, String hash) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.sequence(), e.time().toString(), e.actor(), e.role(), e.tenant().value(), e.action(),
                    e.object(), e.policyVersion(), e.beforeHash(), e.afterHash(), e.previousHash(), e.hash());
        }
    }

    /** A signed checkpoint: the note as text and its parsed fields. */
    @Serdeable
    public record CheckpointView(String origin, long size, String rootHash, String note) {
        static CheckpointView of(SignedNote note) {
            Checkpoint c = Checkpoint.parse(note.text());
            return new CheckpointView(c.origin(), c.size(), c.rootHex(), note.encoded());
        }
    }

    /** The log's verifier key in signed-note format. */
    @Serdeable
    public record KeyView(String key) {
    }

    /** The result of verifying now. */
    @Serdeable
    public record VerifyView(boolean valid, long entries, int checkpoints, long firstBadEntry, List<String> problems,
                             List<String> warnings, @Nullable CheckpointView checkpoint, String signing,
                             List<String> witnesses) {
    }
}
