package dev.vigil.update.tuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a bundle (the vendor's side): signs targets, snapshot and timestamp metadata for a content directory with
 * the given keys, and writes the archive in {@link BundleFormat}'s order.
 *
 * <p>Guarantees: every regular file under the content directory becomes exactly one target (type from its top
 * folder, which must be {@code rules}, {@code models}, {@code connectors} or {@code intel}); each role's metadata is
 * signed by every given key the newest root lists for that role, and building fails, naming the role, when fewer
 * than its threshold are given; nothing is written unless everything is valid.
 */
public final class BundleWriter {

    private BundleWriter() {
    }

    /** What to build: content, the chain of signed roots, the release version, expiry and signing keys. */
    public record Release(Path content, List<SignedEnvelope> roots, long version, Instant expires, List<SigningKey> keys) {
        public Release {
            roots = List.copyOf(roots);
            keys = List.copyOf(keys);
            if (roots.isEmpty()) {
                throw new IllegalArgumentException("a bundle needs at least the first root metadata (1.root.json)");
            }
        }
    }

    public static void write(Release release, Path out) throws IOException {
        List<SignedEnvelope> roots = new ArrayList<>(release.roots());
        roots.sort(Comparator.comparingInt(e -> MetadataReader.root(e).version()));
        RootMetadata root = MetadataReader.root(roots.getLast());
        List<TargetFile> targets = targets(release.content(), release.version());
        byte[] tg = sign(root, Role.TARGETS, MetadataBuilder.unsigned("targets.json",
                MetadataBuilder.targets(release.version(), release.expires(), targets)), release.keys());
        byte[] sn = sign(root, Role.SNAPSHOT, MetadataBuilder.unsigned("snapshot.json",
                MetadataBuilder.snapshot(release.version(), release.expires(), release.version(), tg)), release.keys());
        byte[] ts = sign(root, Role.TIMESTAMP, MetadataBuilder.unsigned("timestamp.json",
                MetadataBuilder.timestamp(release.version(), release.expires(), release.version(), sn)), release.keys());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (SignedEnvelope r : roots) {
                entry(zip, BundleFormat.rootEntry(MetadataReader.root(r).version()), r.bytes());
            }
            entry(zip, BundleFormat.metadataEntry(Role.TIMESTAMP), ts);
            entry(zip, BundleFormat.metadataEntry(Role.SNAPSHOT), sn);
            entry(zip, BundleFormat.metadataEntry(Role.TARGETS), tg);
            for (TargetFile t : targets) {
                zip.putNextEntry(new ZipEntry(BundleFormat.TARGETS + t.name()));
                try (InputStream in = Files.newInputStream(release.content().resolve(t.name()))) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** One target per regular file under {@code content}, sorted by name. */
    public static List<TargetFile> targets(Path content, long version) throws IOException {
        if (!Files.isDirectory(content)) {
            throw new IllegalArgumentException("content directory " + content + " does not exist");
        }
        List<TargetFile> targets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = content.relativize(file).toString().replace('\\', '/');
                String folder = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
                TargetType type = TargetType.of(folder).orElseThrow(() -> new IllegalArgumentException("content file "
                        + name + " is not under rules/, models/, connectors/ or intel/"));
                byte[] bytes = Files.readAllBytes(file);
                targets.add(new TargetFile(name, bytes.length, Sha256.hex(bytes), type, version));
            }
        }
        return targets;
    }

    private static byte[] sign(RootMetadata root, Role role, SignedEnvelope unsigned, List<SigningKey> keys) {
        List<SigningKey> signers = keys.stream().filter(k -> root.role(role).keyIds().contains(k.publicKey().keyId())).toList();
        if (signers.size() < root.role(role).threshold()) {
            throw new IllegalArgumentException("the " + role.id() + " role needs " + root.role(role).threshold()
                    + " of its keys and " + signers.size() + " were given (pass its private keys with --key)");
        }
        return MetadataSigner.sign(unsigned, signers).bytes();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
