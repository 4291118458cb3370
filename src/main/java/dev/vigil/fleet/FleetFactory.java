package dev.vigil.fleet;

import dev.vigil.appliance.VigilSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Builds the fleet's pure parts: the evaluator from the checked settings, and the anonymiser with the per-fleet key
 * kept in {@code <data>/fleet/anonymiser.key} (32 random bytes, mode 600, created once and never rotated silently).
 */
@Factory
public class FleetFactory {

    @Singleton
    PromotionEvaluator promotionEvaluator(FleetSettings settings) {
        return new PromotionEvaluator(settings.policy());
    }

    @Singleton
    Anonymiser anonymiser(VigilSettings settings) {
        Path file = settings.dataDir().resolve("fleet").resolve("anonymiser.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[Anonymiser.MIN_KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling("anonymiser.key.tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(tmp, key);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Anonymiser(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the fleet anonymisation key " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
