package dev.vigil.simulate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a simulation produced: lines per file, labelled lines per attack kind and the planted chains.
 *
 * <p>Maps iterate in a stable order (file order, then {@link AttackKind} order), so printing a summary is deterministic.
 *
 * @param options       the options that produced it
 * @param files         per output file name: its connector and line count (every file is present, possibly empty)
 * @param attackLines   per attack kind that was requested: labelled lines written
 * @param attacks       every planted chain instance
 * @param notPlaced     requested kinds the estate could not host (e.g. SSH brute force without a Linux server)
 */
public record SimulationSummary(SimulationOptions options, Map<String, FileCount> files,
                                Map<AttackKind, Long> attackLines, List<Attack> attacks, List<AttackKind> notPlaced) {

    /** Copies the collections; the caller's maps must already be in the intended order. */
    public SimulationSummary {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        attackLines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attackLines));
        attacks = List.copyOf(attacks);
        notPlaced = List.copyOf(notPlaced);
    }

    /** Total lines over all files. */
    public long totalLines() {
        return files.values().stream().mapToLong(FileCount::lines).sum();
    }

    /** Lines written to one file, and the connector that reads it. */
    public record FileCount(String connector, long lines) {
    }

    /** One planted chain: its id, kind, first event time, the host it centres on and the account it uses. */
    public record Attack(String id, AttackKind kind, Instant start, String host, String user) {
    }
}
