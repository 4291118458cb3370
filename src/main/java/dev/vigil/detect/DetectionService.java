package dev.vigil.detect;

import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertSink;
import dev.vigil.detect.correlation.CorrelationFiring;
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

    /**
     * Evaluates single-event rules on the worker; correlates and raises in event order (see {@link EventObserver}).
     */
    @Override
    public FollowUp observe(NormalizedEvent event) {
        evaluated.increment();
        DetectionContent content = rules.content(event.tenant());
        List<RuleMatch> matches = content.sigma().evaluate(event);
        if (matches.isEmpty()) {
            return null;
        }
        matched.add(matches.size());
        return () -> candidates(content, matches).forEach(alerts::raise);
    }

    /** What fires on one event, correlations included, as alert candidates; stores nothing. Call in event order. */
    public List<AlertCandidate> detect(NormalizedEvent event) {
        DetectionContent content = rules.content(event.tenant());
        return candidates(content, content.sigma().evaluate(event));
    }

    private List<AlertCandidate> candidates(DetectionContent content, List<RuleMatch> matches) {
        List<AlertCandidate> candidates = new ArrayList<>(matches.size());
        for (RuleMatch match : matches) {
            NormalizedEvent event = match.event();
            if (!content.suppressed(match)) {
                candidates.add(new AlertCandidate(event.tenant(), match.ruleId(), match.title(), match.level(), match.tags(),
                        AlertKind.DETECTION, event.timestamp(), event.timestamp(), List.of(event.id()), match.matched(),
                        groupKeys.of(event)));
            }
            for (CorrelationFiring firing : content.correlate(match)) {
                if (!content.suppressed(firing.rule().id(), firing.rule().name())) {
                    candidates.add(firing.toAlertCandidate());
                }
            }
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
