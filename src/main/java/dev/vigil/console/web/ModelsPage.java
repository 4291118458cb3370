package dev.vigil.console.web;

import dev.vigil.analyst.triage.TriageModel;
import dev.vigil.analyst.triage.TriageModels;
import dev.vigil.control.AiFeature;
import dev.vigil.control.KillSwitches;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /models}: the models in force: the triage model's version (or why none is), its feature weights (what it
 * looks at, largest effect first), and each AI feature's kill-switch state. Read-only. The model registry with
 * versions, metrics, lineage and promote/rollback is not part of this appliance yet; the page says so.
 */
@Controller("/models")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ModelsPage {

    private final TriageModels models;
    private final KillSwitches switches;

    public ModelsPage(TriageModels models, KillSwitches switches) {
        this.models = models;
        this.switches = switches;
    }

    /** One input of the triage model and its weight on the standardised value. */
    public record Weight(String feature, double weight) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> models(HttpRequest<?> request) {
        Viewer viewer = Viewer.of(request);
        var current = models.current();
        List<Weight> weights = current.map(m -> weights(m.parameters())).orElse(List.of());
        return Page.of("models", viewer)
                .with("version", current.map(m -> m.version()).orElse(null))
                .with("unavailable", models.unavailable())
                .with("weights", weights)
                .with("switches", Arrays.stream(AiFeature.values()).map(f -> switches.state(f, viewer.principal().tenant())).toList())
                .ok();
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
}
