package dev.vigil.detect;

import dev.vigil.detect.correlation.CorrelationEngine;
import dev.vigil.detect.correlation.CorrelationFiring;
import dev.vigil.detect.correlation.CorrelationRule;
import dev.vigil.detect.correlation.CorrelationRuleReader;
import dev.vigil.detect.sigma.CorrelationDocument;
import dev.vigil.detect.sigma.EngineOptions;
import dev.vigil.detect.sigma.RuleSource;
import dev.vigil.detect.sigma.RuleStatus;
import dev.vigil.detect.sigma.SigmaEngine;
import dev.vigil.detect.sigma.SigmaRule;
import dev.vigil.detect.sigma.SigmaRuleException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tenant's compiled detection content: the Sigma engine for single-event rules, the correlation engine (with its
 * streaming state) for correlation rules, and one status per rule document of every kind.
 *
 * <p>The Sigma engine is thread-safe; the correlation engine is not, so {@link #correlate} serialises on it.
 */
public final class DetectionContent {

    private final SigmaEngine sigma;
    private final CorrelationEngine correlations;
    private final Set<String> suppressed;
    private final List<RuleStatus> statuses;

    private DetectionContent(SigmaEngine sigma, CorrelationEngine correlations, List<RuleStatus> statuses) {
        this.sigma = sigma;
        this.correlations = correlations;
        this.suppressed = correlations.suppressedRules();
        this.statuses = List.copyOf(statuses);
    }

    /** Compiles every source; bad documents are reported in {@link #statuses()}, never thrown. */
    public static DetectionContent compile(List<RuleSource> sources, EngineOptions options) {
        SigmaEngine sigma = SigmaEngine.compile(sources, options);
        List<RuleStatus> statuses = new ArrayList<>(sigma.statuses());
        Set<String> known = new HashSet<>();
        for (SigmaRule rule : sigma.parsedRules()) {
            known.add(rule.id());
            if (rule.name() != null) {
                known.add(rule.name());
            }
        }
        List<CorrelationRule> read = new ArrayList<>();
        CorrelationRuleReader reader = new CorrelationRuleReader();
        List<RuleStatus> problems = new ArrayList<>();
        for (CorrelationDocument document : sigma.correlationDocuments()) {
            try {
                CorrelationRule rule = reader.read(document);
                read.add(rule);
                known.add(rule.id());
                if (rule.name() != null) {
                    known.add(rule.name());
                }
            } catch (SigmaRuleException e) {
                problems.add(status(document, null, RuleStatus.State.INVALID, e.getMessage(), e.line()));
            }
        }
        List<CorrelationRule> enabled = new ArrayList<>();
        for (CorrelationRule rule : read) {
            List<String> unknown = rule.rules().stream().filter(r -> !known.contains(r)).toList();
            List<String> cycle = cycleFrom(rule, read);
            if (!cycle.isEmpty()) {
                statuses.add(status(null, rule, RuleStatus.State.INVALID, rule.origin() + ":" + rule.line() + ": rule '"
                        + rule.title() + "': correlations refer to each other in a cycle: " + String.join(" -> ", cycle), rule.line()));
            } else if (!unknown.isEmpty()) {
                statuses.add(status(null, rule, RuleStatus.State.INVALID, rule.origin() + ":" + rule.line() + ": rule '"
                        + rule.title() + "': refers to " + String.join(", ", unknown) + ", which no loaded rule has as id or name", rule.line()));
            } else if (options.disabled().contains(rule.id())) {
                statuses.add(status(null, rule, RuleStatus.State.DISABLED, null, rule.line()));
            } else {
                statuses.add(status(null, rule, RuleStatus.State.ENABLED, null, rule.line()));
                enabled.add(rule);
            }
        }
        statuses.addAll(problems);
        return new DetectionContent(sigma, new CorrelationEngine(enabled), statuses);
    }

    /** The chain of references leading from {@code start} back to itself, or empty when there is none. */
    private static List<String> cycleFrom(CorrelationRule start, List<CorrelationRule> all) {
        Map<String, CorrelationRule> byReference = new HashMap<>();
        for (CorrelationRule rule : all) {
            byReference.put(rule.id(), rule);
            if (rule.name() != null) {
                byReference.put(rule.name(), rule);
            }
        }
        List<String> path = new ArrayList<>();
        return walk(start, start, byReference, path, new HashSet<>()) ? path : List.of();
    }

    private static boolean walk(CorrelationRule start, CorrelationRule at, Map<String, CorrelationRule> byReference,
                                List<String> path, Set<String> visited) {
        path.add(at.name() != null ? at.name() : at.id());
        for (String reference : at.rules()) {
            CorrelationRule next = byReference.get(reference);
            if (next == null) {
                continue;
            }
            if (next == start) {
                path.add(start.name() != null ? start.name() : start.id());
                return true;
            }
            if (visited.add(next.id()) && walk(start, next, byReference, path, visited)) {
                return true;
            }
        }
        path.removeLast();
        return false;
    }

    public SigmaEngine sigma() {
        return sigma;
    }

    /** One status per document: detection rules, filters and correlation rules. */
    public List<RuleStatus> statuses() {
        return statuses;
    }

    /** True when a match must not raise an alert of its own (a correlation uses it without {@code generate}). */
    public boolean suppressed(RuleMatch match) {
        return suppressed(match.ruleId(), match.ruleName());
    }

    /**
     * True when a rule or correlation, by id and name, must not raise an alert of its own: another correlation uses
     * it without {@code generate} (chained correlations included).
     */
    public boolean suppressed(String id, String name) {
        return suppressed.contains(id) || (name != null && suppressed.contains(name));
    }

    /** Feeds one match to the correlation rules; call in event order. */
    public List<CorrelationFiring> correlate(RuleMatch match) {
        synchronized (correlations) {
            return correlations.offer(match);
        }
    }

    /** The correlation engine's bounded-state counters. */
    public CorrelationEngine.Stats correlationStats() {
        synchronized (correlations) {
            return correlations.stats();
        }
    }

    private static RuleStatus status(CorrelationDocument document, CorrelationRule rule, RuleStatus.State state, String reason, int line) {
        if (rule != null) {
            return new RuleStatus(rule.id(), rule.name(), rule.title(), rule.origin(), line, RuleStatus.Kind.CORRELATION, state,
                    reason, rule.level(), rule.tags(), "correlation " + rule.type().sigmaName() + " of " + String.join(", ", rule.rules()));
        }
        return new RuleStatus(document.id(), null, document.title(), document.origin(), line, RuleStatus.Kind.CORRELATION, state,
                reason, null, List.of(), "");
    }
}
