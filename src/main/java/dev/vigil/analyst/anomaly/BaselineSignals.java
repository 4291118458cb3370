package dev.vigil.analyst.anomaly;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.detect.MatchedField;
import dev.vigil.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How unusual an alert's entities are against the tenant's baselines, from its matched fields: a process pair the
 * host rarely showed, a user's logon source it rarely (or never) used, the host being in a volume spike at the alert's
 * time. Pure; the score is the highest of the parts, the reasons are all of them.
 *
 * <p>Scores: a pair or source seen at most once (the alert's own event) 1.0, at most 3 times 0.5; a spike far above the
 * usual 0.8, else 0.5. Only warmed-up hosts and users count, so a fresh baseline never makes an alert look unusual.
 */
final class BaselineSignals {

    private final ProcessBaselines processes;
    private final LogonSourceBaselines logons;
    private final VolumeBaselines volumes;

    BaselineSignals(ProcessBaselines processes, LogonSourceBaselines logons, VolumeBaselines volumes) {
        this.processes = processes;
        this.logons = logons;
        this.volumes = volumes;
    }

    /** The signal for an alert of the tenant with these matched fields, first seen at {@code at}. */
    AnomalySignal signal(TenantId tenant, List<MatchedField> matched, Instant at) {
        double score = 0;
        List<String> reasons = new ArrayList<>();
        Optional<String> host = value(matched, "host.name", "Computer");
        Optional<String> program = value(matched, "process.executable", "Image");
        Optional<String> parent = value(matched, "process.parent.executable", "ParentImage");
        if (host.isPresent() && program.isPresent() && parent.isPresent() && processes.warm(tenant, host.get())) {
            int seen = processes.pairCount(tenant, host.get(), program.get(), parent.get());
            if (seen <= 3) {
                reasons.add(ProcessBaselines.name(program.get()) + " spawned by " + ProcessBaselines.name(parent.get())
                        + " " + times(seen) + " on host " + host.get());
                score = Math.max(score, seen <= 1 ? 1.0 : 0.5);
            }
        }
        Optional<String> user = value(matched, "user.name", "user.target.name", "TargetUserName", "User");
        Optional<String> source = value(matched, "source.ip", "IpAddress", "source.address");
        if (user.isPresent() && source.isPresent() && logons.warm(tenant, user.get())) {
            long seen = logons.sourceCount(tenant, user.get(), source.get());
            if (seen <= 3) {
                reasons.add("successful logon of " + user.get() + " from " + source.get() + " " + times(seen));
                score = Math.max(score, seen <= 1 ? 1.0 : 0.5);
            }
        }
        if (host.isPresent()) {
            Optional<VolumeBaselines.Spike> spike = volumes.spikeAt(tenant, host.get(), at);
            if (spike.isPresent()) {
                reasons.add("during a volume spike: " + spike.get().explanation());
                score = Math.max(score, spike.get().far() ? 0.8 : 0.5);
            }
        }
        return reasons.isEmpty() ? AnomalySignal.NONE : new AnomalySignal(score, reasons);
    }

    private static String times(long seen) {
        return seen <= 1 ? "for the first time" : "only " + seen + " times";
    }

    private static Optional<String> value(List<MatchedField> matched, String... fields) {
        for (String f : fields) {
            for (MatchedField m : matched) {
                if (m.field().equals(f) && m.value() != null && !m.value().isBlank()) {
                    return Optional.of(m.value());
                }
            }
        }
        return Optional.empty();
    }
}
