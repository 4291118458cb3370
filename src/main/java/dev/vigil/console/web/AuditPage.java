package dev.vigil.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditService;
import dev.vigil.audit.note.Checkpoint;
import dev.vigil.audit.note.SignedNote;
import dev.vigil.console.api.TimeExpressions;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /audit}: the tenant's audit entries, newest first, filtered by action, actor and time, with the latest
 * signed checkpoint; {@code GET /audit/export}: the same entries as NDJSON; {@code POST /audit/verify} (ADMIN, as
 * {@code /api/v1/audit/verify}): recomputes the chain now and shows the result, the checkpoint signed for it and the
 * witnesses' status. Reading is for admins and auditors (the roles the trail is for); analysts are refused.
 */
@Controller("/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditPage {

    static final int SHOWN = 200;
    private static final int EXPORT_LIMIT = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditService audit;
    private final Clock clock;

    public AuditPage(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The filter as typed. */
    public record Filter(String action, String actor, String since) {
        public String export() {
            return "/audit/export?action=" + enc(action) + "&actor=" + enc(actor) + "&since=" + enc(since);
        }

        private static String enc(String v) {
            return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A signed checkpoint as shown: origin, tree size, root hash and the note. */
    public record CheckpointView(String origin, long size, String rootHash, String note) {
        static CheckpointView of(SignedNote note) {
            Checkpoint c = Checkpoint.parse(note.text());
            return new CheckpointView(c.origin(), c.size(), c.rootHex(), note.encoded());
        }
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> trail(HttpRequest<?> request, @Nullable @QueryValue String action, @Nullable @QueryValue String actor,
                                 @Nullable @QueryValue String since) {
        Viewer viewer = reader(request);
        Filter filter = new Filter(orEmpty(action), orEmpty(actor), orEmpty(since));
        return render(viewer, filter, null, HttpStatus.OK);
    }

    @Get("/export")
    public HttpResponse<String> export(HttpRequest<?> request, @Nullable @QueryValue String action,
                                       @Nullable @QueryValue String actor, @Nullable @QueryValue String since) {
        Viewer viewer = reader(request);
        List<AuditEntry> entries = audit.trail().entries(matching(viewer.principal().tenant(),
                new Filter(orEmpty(action), orEmpty(actor), orEmpty(since))), EXPORT_LIMIT);
        StringBuilder out = new StringBuilder();
        for (AuditEntry e : entries) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", e.sequence());
            line.put("time", e.time().toString());
            line.put("actor", e.actor());
            line.put("role", e.role());
            line.put("tenant", e.tenant().value());
            line.put("action", e.action());
            line.put("object", e.object());
            line.put("policy", e.policyVersion());
            line.put("before", e.beforeHash());
            line.put("after", e.afterHash());
            line.put("prev", e.previousHash());
            line.put("hash", e.hash());
            try {
                out.append(JSON.writeValueAsString(line)).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException("an audit entry is always serialisable", ex);
            }
        }
        return HttpResponse.ok(out.toString()).contentType("application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"vigil-audit-" + viewer.tenant() + ".ndjson\"");
    }

    @Post("/verify")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> verify(HttpRequest<?> request) {
        Principals.require(request, ApiTokenScope.ADMIN);
        AuditService.Report report = audit.verifyNow();
        return render(Viewer.of(request), new Filter("", "", ""), report, HttpStatus.OK);
    }

    private HttpResponse<?> render(Viewer viewer, Filter filter, AuditService.Report report, HttpStatus status) {
        Page page = Page.of("audit", viewer).with("filter", filter).with("report", report)
                .with("checkpoint", audit.latest().map(CheckpointView::of).orElse(null))
                .with("reportCheckpoint", report == null || report.checkpoint() == null ? null
                        : CheckpointView.of(SignedNote.parse(report.checkpoint())));
        try {
            List<AuditEntry> entries = new ArrayList<>(audit.trail().entries(matching(viewer.principal().tenant(), filter), SHOWN));
            Collections.reverse(entries);
            return page.with("entries", entries).with("filterError", null).status(status);
        } catch (IllegalArgumentException e) {
            return page.with("entries", List.of()).with("filterError", e.getMessage()).status(HttpStatus.BAD_REQUEST);
        }
    }

    private Predicate<AuditEntry> matching(TenantId tenant, Filter filter) {
        Instant from = filter.since().isEmpty() ? Instant.MIN : TimeExpressions.parse(filter.since(), clock.instant());
        return e -> e.tenant().equals(tenant) && (filter.action().isEmpty() || e.action().equals(filter.action()))
                && (filter.actor().isEmpty() || e.actor().equals(filter.actor())) && !e.time().isBefore(from);
    }

    /** Admins and auditors read the trail; analysts (and ingest tokens) are refused. */
    private static Viewer reader(HttpRequest<?> request) {
        Viewer viewer = Viewer.of(request);
        if (!viewer.auditor()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "the audit trail is for admins and auditors; role "
                    + viewer.role() + " cannot read it");
        }
        return viewer;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
