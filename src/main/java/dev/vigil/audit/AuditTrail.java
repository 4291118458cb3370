package dev.vigil.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tenancy.TenantId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append-only, hash-chained audit trail under {@code <data>/audit/trail.log}: one canonical JSON line per entry.
 *
 * <p>Guarantees: {@link #append} returns only after the entry is written and fsync'd; sequence numbers have no gaps;
 * each entry's hash covers the previous entry's hash, so changing, removing or reordering any entry breaks every hash
 * after it, which {@link #verify()} reports naming the first bad entry. Appends are serialised; the trail lives outside
 * the database so a database restore cannot rewrite history. On open, a torn last line (a crash mid-write) is cut off,
 * since it was never acknowledged.
 */
public final class AuditTrail implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;
    private final String policyVersion;
    private final FileChannel channel;
    private long lastSequence;
    private String lastHash;

    public AuditTrail(Path directory, Clock clock, String policyVersion) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policyVersion = Objects.requireNonNull(policyVersion, "policyVersion");
        try {
            Files.createDirectories(directory);
            this.file = directory.resolve("trail.log");
            List<AuditEntry> existing = readAndRepair(file);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (existing.isEmpty()) {
                lastSequence = 0;
                lastHash = AuditCanonicalForm.GENESIS;
            } else {
                AuditEntry last = existing.getLast();
                lastSequence = last.sequence();
                lastHash = last.hash();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit trail in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Records a state change durably and returns the entry as written. Throws if it cannot be written. */
    public synchronized AuditEntry append(AuditRecord record) {
        AuditEntry unhashed = new AuditEntry(lastSequence + 1, Instant.now(clock), record.actor(), record.role(),
                record.tenant(), record.action(), record.object(), policyVersion,
                AuditCanonicalForm.stateHash(record.before()), AuditCanonicalForm.stateHash(record.after()), lastHash, "");
        String hash = AuditCanonicalForm.chainHash(lastHash, AuditCanonicalForm.unhashed(unhashed));
        AuditEntry entry = new AuditEntry(unhashed.sequence(), unhashed.time(), unhashed.actor(), unhashed.role(),
                unhashed.tenant(), unhashed.action(), unhashed.object(), unhashed.policyVersion(), unhashed.beforeHash(),
                unhashed.afterHash(), unhashed.previousHash(), hash);
        byte[] line = (AuditCanonicalForm.line(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit trail " + file + ": " + e.getMessage(), e);
        }
        lastSequence = entry.sequence();
        lastHash = hash;
        return entry;
    }

    /** Entries of one tenant, oldest first, at most {@code limit} from the newest end. */
    public synchronized List<AuditEntry> entries(TenantId tenant, int limit) {
        try {
            List<AuditEntry> all = read(file);
            List<AuditEntry> mine = new ArrayList<>();
            for (AuditEntry e : all) {
                if (e.tenant().equals(tenant)) {
                    mine.add(e);
                }
            }
            return List.copyOf(mine.subList(Math.max(0, mine.size() - limit), mine.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recomputes the chain; the result names the first entry that does not verify, if any. */
    public synchronized AuditVerification verify() {
        try {
            return AuditVerification.of(read(file));
        } catch (IOException | IllegalArgumentException e) {
            return new AuditVerification(false, 0, "unreadable trail: " + e.getMessage());
        }
    }

    public synchronized long size() {
        return lastSequence;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static List<AuditEntry> readAndRepair(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // a torn last line was never acknowledged: cut it off
        }
        if (end != bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
                ch.force(true);
            }
        }
        return read(file);
    }

    static List<AuditEntry> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<AuditEntry> entries = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + lineNumber + " is not JSON: " + e.getMessage(), e);
            }
            entries.add(new AuditEntry(n.path("seq").asLong(), Instant.parse(n.path("time").asText()),
                    n.path("actor").asText(), n.path("role").asText(), TenantId.of(n.path("tenant").asText()),
                    n.path("action").asText(), n.path("object").asText(), n.path("policy").asText(),
                    n.path("before").asText(), n.path("after").asText(), n.path("prev").asText(), n.path("hash").asText()));
        }
        return entries;
    }
}
