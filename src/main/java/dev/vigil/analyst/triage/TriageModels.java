package dev.vigil.analyst.triage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The factory triage model, loaded once at start from {@code vigil.analyst.triage-model-dir} (default
 * {@code appliance/models/triage}, the shipped factory model).
 *
 * <p>Guarantees: a model is in force only if its manifest checks out ({@link TriageManifest#load}: artifact hash,
 * feature schema) and ONNX Runtime loads it as the triage graph; otherwise none is, {@link #unavailable} says why, and
 * triage falls back to rules-only severity. A refused model is logged as an error, never used.
 */
@Singleton
public class TriageModels implements TriageModelSource {

    private static final Logger LOG = LoggerFactory.getLogger(TriageModels.class);

    private final Optional<TriageService.LoadedModel> current;
    private final Optional<TriageManifest.Loaded> manifest;
    private final String unavailable;

    public TriageModels(@Value("${vigil.analyst.triage-model-dir:appliance/models/triage}") Path dir) {
        Optional<TriageService.LoadedModel> loaded = Optional.empty();
        Optional<TriageManifest.Loaded> checked = Optional.empty();
        String why = null;
        if (!Files.isRegularFile(dir.resolve(TriageManifest.MANIFEST))) {
            why = "no triage model installed in " + dir;
            LOG.warn("{}: alerts get rules-only severity", why);
        } else {
            try {
                TriageManifest.Loaded m = TriageManifest.load(dir);
                checked = Optional.of(m);
                TriageModel parameters = TriageModel.fromOnnx(m.artifact(), FeatureSchema.CURRENT);
                loaded = Optional.of(new TriageService.LoadedModel(
                        new TriageSession(m.artifact(), FeatureSchema.CURRENT.size()), parameters, m.version()));
                LOG.info("triage model {} loaded from {} (sha256 {})", m.version(), dir, m.sha256());
            } catch (RuntimeException e) {
                why = "triage model refused: " + e.getMessage();
                LOG.error("{}; alerts get rules-only severity", why);
            }
        }
        this.current = loaded;
        this.manifest = loaded.isPresent() ? checked : Optional.empty();
        this.unavailable = why;
    }

    public Optional<TriageService.LoadedModel> current() {
        return current;
    }

    /** The factory model, the same for every tenant. */
    @Override
    public Resolution resolve(dev.vigil.tenancy.TenantId tenant) {
        return current.map(Resolution::of).orElseGet(() -> Resolution.none(unavailable));
    }

    /** The factory model's checked artifact and manifest, when it loaded. */
    public Optional<TriageManifest.Loaded> factory() {
        return manifest;
    }

    /** Why no model is in force (null when one is). */
    public String unavailable() {
        return unavailable;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        current.ifPresent(m -> m.session().close());
    }
}
