package dev.vigil.analyst.anomaly;

import java.util.List;

/**
 * Everything anomaly scoring has learned about one tenant, as a snapshot persists it: the process, logon-source and
 * volume baselines (each least recently seen first, so restoring keeps what the bounds evict next), and how far into
 * the event stream they have learned.
 *
 * @param processes     per-host process baselines
 * @param logons        per-user logon-source baselines
 * @param volumes       per-host volume baselines
 * @param learnedThrough the highest spool sequence learned; a replayed event at or below it is not learned twice
 * @param watermark     the latest event time seen (epoch millis), which judges quiet hosts' buckets
 */
public record TenantBaselines(List<ProcessBaselines.HostState> processes, List<LogonSourceBaselines.UserState> logons,
                              List<VolumeBaselines.HostState> volumes, long learnedThrough, long watermark) {

    /** Nothing learned. */
    public static final TenantBaselines EMPTY = new TenantBaselines(List.of(), List.of(), List.of(), 0, 0);

    public TenantBaselines {
        processes = List.copyOf(processes);
        logons = List.copyOf(logons);
        volumes = List.copyOf(volumes);
    }
}
