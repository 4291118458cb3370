package dev.vigil.cli;

import dev.vigil.update.tuf.BundleWriter;
import dev.vigil.update.tuf.Ed25519Key;
import dev.vigil.update.tuf.MetadataBuilder;
import dev.vigil.update.tuf.MetadataSigner;
import dev.vigil.update.tuf.Role;
import dev.vigil.update.tuf.SignedEnvelope;
import dev.vigil.update.tuf.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code vigil bundle keygen|root|sign|build}: the vendor's side of update bundles, offline, no appliance needed.
 * Keys never leave the signing machine; the appliance only ever sees public keys inside signed roots.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true, description = "Create keys, roots and signed content bundles (vendor side).",
        subcommands = {BundleCommand.Keygen.class, BundleCommand.Root.class, BundleCommand.Sign.class, BundleCommand.Build.class})
public final class BundleCommand {

    static SigningKey key(Path file) {
        try {
            return SigningKey.read(file);
        } catch (IOException e) {
            throw new CliException("cannot read key " + file + ": " + e.getMessage(), 2);
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true, description = "Create an Ed25519 key pair NAME.key (private) and NAME.pub.")
    static final class Keygen implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--dir", defaultValue = ".", description = "Where to write the files (default: current directory).")
        Path dir;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(dir);
            SigningKey key = SigningKey.generate();
            key.write(dir.resolve(name + ".key"), dir.resolve(name + ".pub"));
            System.out.println("Wrote " + dir.resolve(name + ".key") + " (keep offline) and " + dir.resolve(name + ".pub")
                    + "; key id " + key.publicKey().keyId());
            return 0;
        }
    }

    @Command(name = "root", mixinStandardHelpOptions = true,
            description = "Write unsigned root metadata VERSION.root.json naming each role's public keys; sign it with 'bundle sign'.")
    static final class Root implements Callable<Integer> {
        @Option(names = "--version", required = true)
        int version;
        @Option(names = "--expires-days", defaultValue = "365")
        int days;
        @Option(names = "--root", required = true, split = ",", description = "Root public key files.")
        List<Path> root;
        @Option(names = "--targets", required = true, split = ",")
        List<Path> targets;
        @Option(names = "--snapshot", required = true, split = ",")
        List<Path> snapshot;
        @Option(names = "--timestamp", required = true, split = ",")
        List<Path> timestamp;
        @Option(names = "--threshold", split = ",", description = "role=n, e.g. root=2 (default 1 each).")
        Map<String, Integer> thresholds = Map.of();
        @Option(names = "--out", required = true, description = "Directory of the root chain.")
        Path out;

        @Override
        public Integer call() throws IOException {
            Map<Role, List<Ed25519Key>> keys = new EnumMap<>(Role.class);
            keys.put(Role.ROOT, publicKeys(root));
            keys.put(Role.TARGETS, publicKeys(targets));
            keys.put(Role.SNAPSHOT, publicKeys(snapshot));
            keys.put(Role.TIMESTAMP, publicKeys(timestamp));
            Map<Role, Integer> t = new EnumMap<>(Role.class);
            thresholds.forEach((role, n) -> t.put(Role.valueOf(role.toUpperCase(java.util.Locale.ROOT)), n));
            Files.createDirectories(out);
            Path file = out.resolve(version + ".root.json");
            SignedEnvelope unsigned = MetadataBuilder.unsigned(file.getFileName().toString(),
                    MetadataBuilder.root(version, Instant.now().plus(Duration.ofDays(days)), keys, t));
            Files.write(file, unsigned.bytes());
            System.out.println("Wrote unsigned " + file + "; sign it with the root keys (for a rotation, old and new).");
            return 0;
        }

        private static List<Ed25519Key> publicKeys(List<Path> files) throws IOException {
            List<Ed25519Key> keys = new ArrayList<>();
            for (Path f : files) {
                keys.add(Ed25519Key.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile())));
            }
            return keys;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Add signatures to a metadata file (e.g. a root).")
    static final class Sign implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--key", required = true, description = "Private key file; repeat for several.")
        List<Path> keys;

        @Override
        public Integer call() throws IOException {
            SignedEnvelope envelope = SignedEnvelope.parse(file.getFileName().toString(), Files.readAllBytes(file));
            SignedEnvelope signed = MetadataSigner.sign(envelope, keys.stream().map(BundleCommand::key).toList());
            Files.write(file, signed.bytes());
            System.out.println("Signed " + file + " (" + signed.signatures().size() + " signature(s)).");
            return 0;
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Sign a content directory (rules/, models/, connectors/, intel/) into a bundle file.")
    static final class Build implements Callable<Integer> {
        @Option(names = "--content", required = true)
        Path content;
        @Option(names = "--roots", required = true, description = "Directory holding 1.root.json … N.root.json, signed.")
        Path roots;
        @Option(names = "--version", required = true, description = "Release version; must exceed every earlier one.")
        long version;
        @Option(names = "--expires-days", defaultValue = "30")
        int days;
        @Option(names = "--key", required = true, description = "Private keys of the targets, snapshot and timestamp roles.")
        List<Path> keys;
        @Option(names = "--out", required = true)
        Path out;

        @Override
        public Integer call() throws IOException {
            List<SignedEnvelope> chain = new ArrayList<>();
            try (Stream<Path> files = Files.list(roots)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".root.json")).toList()) {
                    chain.add(SignedEnvelope.parse(f.getFileName().toString(), Files.readAllBytes(f)));
                }
            }
            BundleWriter.write(new BundleWriter.Release(content, chain, version, Instant.now().plus(Duration.ofDays(days)),
                    keys.stream().map(BundleCommand::key).toList()), out);
            System.out.println("Wrote bundle " + out + " (version " + version + ", " + Files.size(out) + " bytes).");
            return 0;
        }
    }
}
