package dev.vigil.console.web;

import dev.vigil.analyst.triage.TriageModel;
import dev.vigil.analyst.triage.TriageModelSource;
import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import dev.vigil.learn.AliasMove;
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
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /models}: the tenant's triage model in force (its weights), the registry (versions with status, reason and
 * held-out metrics, aliases, every alias move) and each AI feature's switch; {@code /models/{label}} one version's
 * metrics and lineage (every verdict it was trained or tested on, with consent and policy). Admins train a challenger,
 * promote a version (overriding the gate only with a reason) and roll back; every change is audited by the registry.
 */
@Controller("/models")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ModelsPage {

    private final TriageModelSource models;
    private final ModelRegistry registry;
    private final FeedbackLearning learning;
    private final KillSwitches switches;

    public ModelsPage(TriageModelSource models, ModelRegistry registry, FeedbackLearning learning, KillSwitches switches) {
        this.models = models;
        this.registry = registry;
        this.learning = learning;
        this.switches = switches;
    }

    /** One input of the triage model and its weight on the standardised value. */
    public record Weight(String feature, double weight) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> models(HttpRequest<?> request) {
        Viewer viewer = Viewer.of(request);
        var tenant = viewer.principal().tenant();
        TriageModelSource.Resolution current = models.resolve(tenant);
        List<Weight> weights = current.model().map(m -> weights(m.parameters())).orElse(List.of());
        Map<String, String> aliases = registry.aliases(tenant);
        List<AliasMove> moves = new ArrayList<>(registry.moves(tenant));
        java.util.Collections.reverse(moves);
        return Page.of("models", viewer)
                .with("version", current.model().map(m -> m.version()).orElse(null))
                .with("unavailable", current.unavailable())
                .with("weights", weights)
                .with("versions", registry.list(tenant))
                .with("aliases", aliases)
                .with("moves", moves)
                .with("switches", Arrays.stream(AiFeature.values()).map(f -> switches.state(f, tenant)).toList())
                .ok();
    }

    @Get("/{label}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> version(HttpRequest<?> request, @PathVariable String label) {
        Viewer viewer = Viewer.of(request);
        try {
            ModelVersion v = registry.get(viewer.principal().tenant(), label);
            List<TrainingRecord> lineage = registry.lineage(viewer.principal().tenant(), label);
            return Page.of("model", viewer).with("model", v).with("lineage", lineage)
                    .with("aliases", registry.aliases(viewer.principal().tenant())).ok();
        } catch (NoSuchElementException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @Post("/train")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> train(HttpRequest<?> request, @Nullable @Body String body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        boolean promote = !"off".equals(FormBody.parse(body).text("promote"));
        try {
            TrainingOutcome o = learning.train(caller.tenant(), caller.name(), caller.role(), promote);
            return Page.notice("/models/" + enc(o.version().label()), o.version().label() + " trained on " + o.trainCount()
                    + " verdicts; " + (o.promoted() ? "promoted to champion. " : "kept; " + o.championLabel() + " stays champion. ")
                    + o.gate().reason());
        } catch (IllegalStateException | IllegalArgumentException e) { // refused: switch off, too few verdicts, no consent
            return Page.error("/models", e.getMessage());
        }
    }

    @Post("/{label}/promote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> promote(HttpRequest<?> request, @PathVariable String label, @Nullable @Body String body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        FormBody form = FormBody.parse(body);
        try {
            registry.promote(caller.tenant(), label, caller.name(), caller.role(), form.text("reason"),
                    "on".equals(form.text("overrideGate")));
            return Page.notice("/models", label + " is now the champion.");
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Page.error("/models/" + enc(label), e.getMessage());
        } catch (NoSuchElementException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @Post("/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> rollback(HttpRequest<?> request, @Nullable @Body String body) {
        TenantPrincipal caller = Principals.require(request, ApiTokenScope.ADMIN);
        FormBody form = FormBody.parse(body);
        try {
            ModelVersion v = registry.rollback(caller.tenant(), form.text("to"), caller.name(), caller.role(), form.text("reason"));
            return Page.notice("/models", "Rolled back: " + v.label() + " is the champion again (artifact verified).");
        } catch (IllegalStateException | IllegalArgumentException | NoSuchElementException e) {
            return Page.error("/models", e.getMessage());
        }
    }

    static List<Weight> weights(TriageModel model) {
        List<Weight> out = new ArrayList<>();
        List<String> names = model.schema().names();
        for (int i = 0; i < names.size() && i < model.weights().length; i++) {
            out.add(new Weight(names.get(i), model.weights()[i]));
        }
        out.sort(Comparator.comparingDouble((Weight w) -> -Math.abs(w.weight())).thenComparing(Weight::feature));
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
