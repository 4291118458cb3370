package dev.vigil.learn;

import dev.vigil.analyst.triage.TriageManifest;
import dev.vigil.appliance.VigilSettings;
import dev.vigil.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The registry's ONNX artifacts on disk: {@code <data>/models/<tenant>/<model>/<label>.onnx}, written once and never
 * changed.
 *
 * <p>Guarantees: {@link #read} returns the bytes only when their SHA-256 is the one the registry recorded, so a
 * rollback restores byte-identical artifacts and a changed or truncated file is refused with
 * {@link TamperedArtifactException}; {@link #write} is atomic (temporary file, then move), so a crash never leaves a
 * half-written artifact under a version's name.
 */
@Singleton
public class ModelArtifacts {

    private final Path root;

    public ModelArtifacts(VigilSettings settings) {
        this(settings.dataDir().resolve("models"));
    }

    ModelArtifacts(Path root) {
        this.root = root;
    }

    /** Where a version's artifact lives. */
    public Path path(TenantId tenant, String modelName, String label) {
        return root.resolve(tenant.value()).resolve(modelName).resolve(label + ".onnx");
    }

    /**
     * Writes a new version's artifact and returns its SHA-256. An existing file with the very same bytes is kept (a
     * registration rolled back after its file was written leaves one); a different one is never replaced.
     */
    public String write(TenantId tenant, String modelName, String label, byte[] artifact) {
        Path target = path(tenant, modelName, label);
        String sha = TriageManifest.sha256(artifact);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                if (TriageManifest.sha256(Files.readAllBytes(target)).equals(sha)) {
                    return sha;
                }
                throw new IllegalStateException("artifact " + target + " already exists with other bytes: versions are written once");
            }
            Path tmp = Files.createTempFile(target.getParent(), label, ".tmp");
            Files.write(tmp, artifact);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model artifact " + target + ": " + e.getMessage(), e);
        }
    }

    /** Reads a version's artifact and checks it against the recorded SHA-256. */
    public byte[] read(ModelVersion version) {
        Path file = path(version.tenant(), version.modelName(), version.label());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TamperedArtifactException(version.label(), "its artifact " + file + " is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model artifact " + file + ": " + e.getMessage(), e);
        }
        String actual = TriageManifest.sha256(bytes);
        if (!actual.equals(version.artifactSha256())) {
            throw new TamperedArtifactException(version.label(), "its artifact " + file + " has SHA-256 " + actual
                    + " but the registry recorded " + version.artifactSha256());
        }
        return bytes;
    }
}
