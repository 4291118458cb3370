package dev.vigil.update;

import dev.vigil.audit.AuditRecord;
import dev.vigil.audit.AuditTrail;
import dev.vigil.tenancy.TenantId;
import dev.vigil.update.tuf.BundleReader;
import dev.vigil.update.tuf.Rejection;
import dev.vigil.update.tuf.TargetFile;
import dev.vigil.update.tuf.TargetType;
import dev.vigil.update.tuf.TrustedState;
import dev.vigil.update.tuf.UpdateRejectedException;
import dev.vigil.update.tuf.VerifiedMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Verifies, applies and rolls back update bundles into {@code <data>/content/}: {@code versions/<dir>} per installed
 * bundle, {@code state.json} naming the current one, {@code root.json} the initial root pinned at install.
 *
 * <p>Guarantees: verification changes nothing. Apply is staged — verify while unpacking into a staging directory,
 * validate with every {@link ContentValidator}, make it durable, rename it to its version directory, then switch by
 * atomically replacing {@code state.json} — so a failure at any step, or power loss, leaves the previous content
 * current and intact; a refusal names the file and why. Rollback returns to the previously installed content without
 * lowering any trusted version, so an older bundle is still refused afterwards. Apply and rollback are audited;
 * operations are serialised.
 */
public final class UpdateService {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateService.class);

    private final Path contentDir;
    private final ContentStateFile stateFile;
    private final Map<TargetType, ContentValidator> validators = new EnumMap<>(TargetType.class);
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplyObserver observer;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public UpdateService(Path contentDir, List<ContentValidator> validators, AuditTrail audit, Clock clock,
                         ApplyObserver observer) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.stateFile = new ContentStateFile(this.contentDir.resolve("state.json"));
        validators.forEach(v -> this.validators.put(v.type(), v));
        this.audit = audit;
        this.clock = clock;
        this.observer = observer;
        recover();
    }

    /** Checks a bundle against the trusted state without changing anything. */
    public synchronized UpdateReport verify(Path bundle) {
        TrustedState trust = trust();
        try (DigestingFile in = DigestingFile.open(bundle)) {
            VerifiedMetadata v = BundleReader.read(in.reader(), trust, clock.instant(), BundleReader.DISCARD);
            return report(v, in.sha256(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    /** Verifies, stages, validates and switches to a bundle's content; audited as {@code update.apply}. */
    public synchronized UpdateReport apply(Path bundle, TenantId tenant, String actor, String role) {
        Optional<InstalledContent> before = installed();
        TrustedState trust = before.map(InstalledContent::trust).orElseGet(this::pinned);
        Path staging = contentDir.resolve("staging-" + UUID.randomUUID());
        try {
            VerifiedMetadata verified;
            String sha;
            try (DigestingFile in = DigestingFile.open(bundle)) {
                Files.createDirectories(staging);
                verified = BundleReader.read(in.reader(), trust, clock.instant(), target -> open(staging, target));
                sha = in.sha256();
            }
            observer.reached(ApplyStep.STAGED);
            validate(staging, verified.targets().targets().values());
            observer.reached(ApplyStep.VALIDATED);
            DurableFiles.syncTree(staging);
            String directory = String.format("%06d-%s", verified.next().timestampVersion(), sha.substring(0, 12));
            Path versions = contentDir.resolve("versions");
            Files.createDirectories(versions);
            DurableFiles.delete(versions.resolve(directory));
            Files.move(staging, versions.resolve(directory), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(versions);
            observer.reached(ApplyStep.PROMOTED);
            HistoryEntry entry = new HistoryEntry(clock.instant(), "apply", verified.next().timestampVersion(), directory,
                    actor, sha, verified.targets().targets().size());
            InstalledContent after = before.map(b -> b.with(verified.next(), directory, b.current(), entry))
                    .orElseGet(() -> new InstalledContent(verified.next(), directory, null, List.of(entry)));
            switchTo(before, after, tenant, actor, role, "update.apply");
            observer.reached(ApplyStep.SWITCHED);
            removeUnreferenced(after);
            LOG.info("update: applied bundle version {} ({} targets) as {}", entry.version(), entry.targets(), directory);
            return report(verified, sha, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot apply bundle " + bundle + ": " + e.getMessage(), e);
        } finally {
            try {
                DurableFiles.delete(staging);
            } catch (IOException e) {
                LOG.warn("update: cannot remove staging directory {}: {}", staging, e.getMessage());
            }
        }
    }

    /** Makes the previously installed content current again; trusted versions stay where they are. */
    public synchronized HistoryEntry rollback(TenantId tenant, String actor, String role) {
        InstalledContent before = installed().orElseThrow(() -> new IllegalArgumentException(
                "nothing to roll back: no bundle has been applied"));
        if (before.previous() == null || !Files.isDirectory(contentDir.resolve("versions").resolve(before.previous()))) {
            throw new IllegalArgumentException("nothing to roll back to: no previously installed content is kept"
                    + " (a rollback goes back one step only)");
        }
        long version = before.history().stream().filter(h -> h.directory().equals(before.previous()))
                .mapToLong(HistoryEntry::version).max().orElse(0);
        HistoryEntry entry = new HistoryEntry(clock.instant(), "rollback", version, before.previous(), actor, "", 0);
        InstalledContent after = before.with(before.trust(), before.previous(), null, entry);
        try {
            switchTo(Optional.of(before), after, tenant, actor, role, "update.rollback");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll back: " + e.getMessage(), e);
        }
        return entry;
    }

    public synchronized List<HistoryEntry> history() {
        return installed().map(InstalledContent::history).orElse(List.of());
    }

    /** Registers a callback run after an apply or a rollback switched the installed content. */
    public void onContentSwitched(Runnable listener) {
        listeners.add(listener);
    }

    /** The directory of the current content, if any bundle has been applied. */
    public synchronized Optional<Path> currentContent() {
        return installed().map(InstalledContent::current).map(d -> contentDir.resolve("versions").resolve(d));
    }

    private void switchTo(Optional<InstalledContent> before, InstalledContent after, TenantId tenant, String actor,
                          String role, String action) throws IOException {
        stateFile.write(after);
        try {
            audit.append(new AuditRecord(actor, role, tenant, action, "content",
                    before.map(b -> describe(b)).orElse(null), describe(after)));
        } catch (RuntimeException e) {
            if (before.isPresent()) {
                stateFile.write(before.get());
            } else {
                Files.deleteIfExists(contentDir.resolve("state.json"));
            }
            throw e;
        }
        listeners.forEach(Runnable::run);
    }

    private static String describe(InstalledContent c) {
        return "{\"current\":\"" + c.current() + "\",\"previous\":\"" + c.previous() + "\",\"timestamp\":"
                + c.trust().timestampVersion() + ",\"targets\":" + c.trust().targetsVersion() + ",\"root\":"
                + c.trust().root().version() + "}";
    }

    private void validate(Path staging, java.util.Collection<TargetFile> targets) {
        Map<TargetType, List<TargetFile>> byType = new EnumMap<>(TargetType.class);
        targets.forEach(t -> byType.computeIfAbsent(t.type(), k -> new ArrayList<>()).add(t));
        for (Map.Entry<TargetType, List<TargetFile>> e : byType.entrySet()) {
            ContentValidator validator = validators.get(e.getKey());
            if (validator == null) {
                throw new UpdateRejectedException(Rejection.INVALID_CONTENT, e.getValue().getFirst().name(),
                        "no validator for " + e.getKey().folder() + " content on this appliance");
            }
            List<ContentProblem> problems = validator.validate(staging, e.getValue());
            if (!problems.isEmpty()) {
                ContentProblem first = problems.getFirst();
                throw new UpdateRejectedException(Rejection.INVALID_CONTENT,
                        first.file() + (first.line() > 0 ? ":" + first.line() : ""),
                        first.why() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : ""));
            }
        }
    }

    private static OutputStream open(Path staging, TargetFile target) throws IOException {
        Path file = staging.resolve(target.name()).normalize();
        if (!file.startsWith(staging)) {
            throw new UpdateRejectedException(Rejection.MALFORMED, target.name(), "resolves outside the staging directory");
        }
        Files.createDirectories(file.getParent());
        return Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW);
    }

    private UpdateReport report(VerifiedMetadata v, String sha, String directory) {
        List<TargetFile> targets = v.targets().targets().values().stream().sorted(Comparator.comparing(TargetFile::name)).toList();
        return new UpdateReport(v.next().timestampVersion(), v.next().root().version(), v.rootRotated(), sha, targets, directory);
    }

    private TrustedState trust() {
        return installed().map(InstalledContent::trust).orElseGet(this::pinned);
    }

    private Optional<InstalledContent> installed() {
        try {
            return stateFile.read();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the content state " + contentDir.resolve("state.json")
                    + " cannot be read (" + e.getMessage() + "); refusing updates until it is restored", e);
        }
    }

    private TrustedState pinned() {
        Path root = contentDir.resolve("root.json");
        if (!Files.isRegularFile(root)) {
            throw new IllegalStateException("no trusted root is pinned: install the vendor's 1.root.json as " + root);
        }
        try {
            return TrustedState.pinned(Files.readAllBytes(root), "root.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pinned root " + root + ": " + e.getMessage(), e);
        }
    }

    /** Removes what an interrupted apply left behind: staging directories and version directories nothing names. */
    private void recover() {
        try {
            if (!Files.isDirectory(contentDir)) {
                return;
            }
            try (Stream<Path> entries = Files.list(contentDir)) {
                for (Path p : entries.filter(p -> p.getFileName().toString().startsWith("staging-")).toList()) {
                    LOG.info("update: removing {} left by an interrupted apply", p.getFileName());
                    DurableFiles.delete(p);
                }
            }
            Files.deleteIfExists(contentDir.resolve("state.json.tmp"));
            Optional<InstalledContent> state = stateFile.read();
            removeUnreferenced(state.orElse(null));
        } catch (IOException | RuntimeException e) {
            LOG.error("update: cannot tidy {} after a restart: {}", contentDir, e.getMessage());
        }
    }

    private void removeUnreferenced(InstalledContent state) throws IOException {
        Path versions = contentDir.resolve("versions");
        if (!Files.isDirectory(versions)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            for (Path d : dirs.toList()) {
                String name = d.getFileName().toString();
                if (state == null || !(name.equals(state.current()) || name.equals(state.previous()))) {
                    DurableFiles.delete(d);
                }
            }
        }
    }

    /** A bundle file read through a SHA-256 digest. */
    private record DigestingFile(DigestInputStream stream) implements AutoCloseable {
        static DigestingFile open(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such bundle file: " + file);
            }
            MessageDigest sha = dev.vigil.update.tuf.Sha256.digest();
            InputStream in = Files.newInputStream(file);
            return new DigestingFile(new DigestInputStream(in, sha));
        }

        /** The stream for a reader that closes what it is given: closing it leaves the file open for {@link #sha256}. */
        InputStream reader() {
            return new java.io.FilterInputStream(stream) {
                @Override
                public void close() {
                }
            };
        }

        String sha256() throws IOException {
            stream.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(stream.getMessageDigest().digest());
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
