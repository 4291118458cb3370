package dev.vigil.detect;

import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertSink;
import dev.vigil.detect.rules.RuleLibrary;
import dev.vigil.event.EventObserver;
import dev.vigil.event.NormalizedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Streaming detection at ingest: every event the pipeline indexes runs through its tenant's compiled rules on the
 * pipeline's workers, and what fires goes to alerting in event order. Thread-safe.
 */
public final class DetectionService implements EventObserver {

    private final RuleLibrary rules;
    private final AlertSink alerts;
    private final GroupKeys groupKeys;
    private final LongAdder evaluated = new LongAdder();
    private final LongAdder matched = new LongAdder();

    public DetectionService(RuleLibrary rules, AlertSink alerts, DetectSettings settings) {
        this.rules = rules;
        this.alerts = alerts;
        this.groupKeys = new GroupKeys(settings.groupBy());
    }

    /** Evaluates on the worker; raises what fired in event order (see {@link EventObserver}). */
    @Override
    public FollowUp observe(NormalizedEvent event) {
        List<AlertCandidate> candidates = detect(event);
        if (candidates.isEmpty()) {
            return null;
        }
        return () -> candidates.forEach(alerts::raise);
    }

    /** What fires on one event, as alert candidates; stores nothing. */
    public List<AlertCandidate> detect(NormalizedEvent event) {
        evaluated.increment();
        List<RuleMatch> matches = rules.engine(event.tenant()).evaluate(event);
        if (matches.isEmpty()) {
            return List.of();
        }
        matched.add(matches.size());
        List<AlertCandidate> candidates = new ArrayList<>(matches.size());
        for (RuleMatch match : matches) {
            candidates.add(new AlertCandidate(event.tenant(), match.ruleId(), match.title(), match.level(), match.tags(),
                    AlertKind.DETECTION, event.timestamp(), event.timestamp(), List.of(event.id()), match.matched(),
                    groupKeys.of(event)));
        }
        return candidates;
    }

    /** Events evaluated since start. */
    public long evaluated() {
        return evaluated.sum();
    }

    /** Rule matches since start. */
    public long matched() {
        return matched.sum();
    }
}
