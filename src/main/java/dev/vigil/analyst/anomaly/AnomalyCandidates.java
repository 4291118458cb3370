package dev.vigil.analyst.anomaly;

import dev.vigil.detect.MatchedField;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.tenancy.TenantId;

import java.util.ArrayList;
import java.util.List;

/**
 * The anomaly alerts a finding becomes: rule id, level, plain-words title, the entities as matched fields (so triage,
 * incidents and similar alerts see the host, user and address) and a group key that folds repeats. Pure.
 */
final class AnomalyCandidates {

    /** Rule ids of the anomaly alerts. */
    static final String NEW_PROGRAM = "vigil-anomaly-new-program";
    static final String NEW_PARENT_CHILD = "vigil-anomaly-new-parent-child";
    static final String NEW_LOGON_SOURCE = "vigil-anomaly-new-logon-source";
    static final String VOLUME_SPIKE = "vigil-anomaly-volume-spike";

    private static final List<String> TAGS = List.of("vigil.anomaly");

    private AnomalyCandidates() {
    }

    /** A new program (low) or parent-child pair (medium) on a host; grouped per host and pair. */
    static AlertCandidate process(NormalizedEvent event, ProcessBaselines.Finding f) {
        boolean pair = f.novelty() == ProcessBaselines.Novelty.NEW_PARENT_CHILD;
        return new AlertCandidate(event.tenant(), pair ? NEW_PARENT_CHILD : NEW_PROGRAM,
                "Anomaly: " + f.explanation(), pair ? RuleLevel.MEDIUM : RuleLevel.LOW, TAGS,
                AlertKind.ANOMALY, event.timestamp(), event.timestamp(), List.of(event.id()),
                List.of(new MatchedField("host.name", f.host()), new MatchedField("process.executable", f.program()),
                        new MatchedField("process.parent.executable", f.parent())),
                f.host() + "|" + f.parent() + ">" + f.program());
    }

    /** A successful logon from a source new for the user: medium, high right after failures from it; per user and source. */
    static AlertCandidate logon(NormalizedEvent event, LogonSourceBaselines.Finding f) {
        List<MatchedField> matched = new ArrayList<>();
        matched.add(new MatchedField("user.name", f.user()));
        matched.add(new MatchedField("source.ip", f.source()));
        String host = event.text("host.name");
        if (host != null) {
            matched.add(new MatchedField("host.name", host));
        }
        return new AlertCandidate(event.tenant(), NEW_LOGON_SOURCE, "Anomaly: " + f.explanation(),
                f.afterFailures() ? RuleLevel.HIGH : RuleLevel.MEDIUM, TAGS, AlertKind.ANOMALY, event.timestamp(),
                event.timestamp(), List.of(event.id()), matched, f.user() + "|" + f.source());
    }

    /** A host's volume spike over its bucket: low, medium when far above its usual; grouped per host. */
    static AlertCandidate volume(TenantId tenant, VolumeBaselines.Spike s) {
        return new AlertCandidate(tenant, VOLUME_SPIKE, "Anomaly: " + s.explanation(),
                s.far() ? RuleLevel.MEDIUM : RuleLevel.LOW, TAGS, AlertKind.ANOMALY, s.bucketStart(),
                s.bucketEnd().minusMillis(1), List.of(), List.of(new MatchedField("host.name", s.host())),
                s.host() + "|volume");
    }
}
