package dev.vigil.console.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyst.triage.RankingMetrics;
import dev.vigil.learn.AliasMove;
import dev.vigil.learn.ChampionGate;
import dev.vigil.learn.FeedbackLearning;
import dev.vigil.learn.ModelRegistry;
import dev.vigil.learn.ModelVersion;
import dev.vigil.learn.TrainingOutcome;
import dev.vigil.learn.TrainingRecord;
import dev.vigil.tenancy.ApiTokenScope;
import dev.vigil.tenancy.TenantPrincipal;
import dev.vigil.tenancy.web.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /api/v1/models}: the caller's tenant's triage model registry. Reading (versions, aliases, moves, lineage,
 * evaluation) needs READ; training, promotion and rollback need ADMIN. Every change is audited by the registry.
 */
@Controller("/api/v1/models")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ModelsController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRegistry registry;
    private final FeedbackLearning learning;

    public ModelsController(ModelRegistry registry, FeedbackLearning learning) {
        this.registry = registry;
        this.learning = learning;
    }

    @Get
    public Registry list(HttpRequest<?> request) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return new Registry(registry.aliases(caller.tenant()),
                registry.list(caller.tenant()).stream().map(VersionView::of).toList(),
                registry.moves(caller.tenant()).stream().map(MoveView::of).toList());
    }

    @Get("/{label}")
    public VersionView show(HttpRequest<?> request, @PathVariable String label) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        return VersionView.of(registry.get(caller.tenant(), label));
    }

    @Get("/{label}/lineage")
    public Lineage lineage(HttpRequest<?> request, @PathVariable String label) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        ModelVersion v = registry.get(caller.tenant(), label);
        return new Lineage(VersionView.of(v), registry.lineage(caller.tenant(), label).stream().map(RecordView::of).toList());
    }

    @Get("/{label}/evaluation")
    public Evaluation evaluate(HttpRequest<?> request, @PathVariable String label) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.READ);
        FeedbackLearning.Comparison c = learning.evaluate(caller.tenant(), label);
        return new Evaluation(c.label(), c.champion(), c.heldOut(), MetricsView.of(c.metrics()),
                MetricsView.of(c.championMetrics()), c.gate().promote(), c.gate().reason());
    }

    @Post("/train")
    public Trained train(HttpRequest<?> request, @Nullable @Body TrainRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        boolean promote = body == null || body.promote() == null || body.promote();
        TrainingOutcome o = learning.train(caller.tenant(), caller.name(), caller.role(), promote);
        return new Trained(VersionView.of(o.version()), o.championLabel(), MetricsView.of(o.challenger()),
                MetricsView.of(o.champion()), o.gate().promote(), o.promoted(), o.gate().reason(), o.trainCount(),
                o.heldOutCount(), o.skipped());
    }

    @Post("/{label}/promote")
    public VersionView promote(HttpRequest<?> request, @PathVariable String label, @Body ChangeRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return VersionView.of(registry.promote(caller.tenant(), label, caller.name(), caller.role(), body.reason(),
                Boolean.TRUE.equals(body.overrideGate())));
    }

    @Post("/rollback")
    public VersionView rollback(HttpRequest<?> request, @Body ChangeRequest body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        return VersionView.of(registry.rollback(caller.tenant(), body.to(), caller.name(), caller.role(), body.reason()));
    }

    @Error(exception = NoSuchElementException.class)
    public HttpResponse<Map<String, String>> notFound(NoSuchElementException e) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    /** {@code promote}: false to register a passing challenger without promoting it (default true). */
    @Serdeable
    public record TrainRequest(@Nullable Boolean promote) {
    }

    /** A promotion or rollback: the reason (required), the target for a rollback, and the gate override for a promotion. */
    @Serdeable
    public record ChangeRequest(@Nullable String reason, @Nullable String to, @Nullable Boolean overrideGate) {
    }

    /** The registry: where each alias points, every version (newest first), every alias move (oldest first). */
    @Serdeable
    public record Registry(Map<String, String> aliases, List<VersionView> versions, List<MoveView> moves) {
    }

    /** One version. {@code metrics} and {@code training} are the registry's JSON documents. */
    @Serdeable
    public record VersionView(String label, int version, String status, String reason, String artifactSha256,
                              String schemaHash, String codeVersion, @Nullable String parent, String createdBy,
                              String createdAt, Map<String, Object> metrics, Map<String, Object> training) {
        static VersionView of(ModelVersion v) {
            return new VersionView(v.label(), v.version(), v.status().name(), v.reason(), v.artifactSha256(),
                    v.schemaHash(), v.codeVersion(), v.parentLabel(), v.createdBy(), v.createdAt().toString(),
                    parse(v.metrics()), parse(v.training()));
        }
    }

    /** One alias move. */
    @Serdeable
    public record MoveView(String alias, @Nullable String from, String to, String by, String at, String reason) {
        static MoveView of(AliasMove m) {
            return new MoveView(m.alias(), m.fromModel() == null ? null : ModelRegistry.labelOf(m.fromModel()),
                    ModelRegistry.labelOf(m.toModel()),
                    m.movedBy(), m.movedAt().toString(), m.reason());
        }
    }

    /** One record a version used. */
    @Serdeable
    public record RecordView(String kind, String id, String split, String label, String consent, String policy,
                             String recordedAt, String usedAt) {
        static RecordView of(TrainingRecord r) {
            return new RecordView(r.recordKind(), r.recordId(), r.split(), r.label(), r.consentState(), r.policyVersion(),
                    r.recordedAt().toString(), r.usedAt().toString());
        }
    }

    /** A version and every record it was trained or tested on. */
    @Serdeable
    public record Lineage(VersionView version, List<RecordView> records) {
    }

    /** Ranking metrics on held-out verdicts. */
    @Serdeable
    public record MetricsView(int alerts, int truePositives, @Nullable Double auc, int falsePositivesAt95Recall,
                              @Nullable Double brier) {
        static MetricsView of(RankingMetrics m) {
            return new MetricsView(m.alerts(), m.truePositives(), Double.isNaN(m.auc()) ? null : m.auc(),
                    m.fpAtRecall95(), Double.isNaN(m.brier()) ? null : m.brier());
        }
    }

    /** A version compared with the champion. */
    @Serdeable
    public record Evaluation(String label, String champion, int heldOut, MetricsView metrics, MetricsView championMetrics,
                             boolean passesGate, String gate) {
    }

    /** What a training run did. */
    @Serdeable
    public record Trained(VersionView version, String champion, MetricsView challenger, MetricsView championMetrics,
                          boolean passedGate, boolean promoted, String gate, int train, int heldOut, int skipped) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
