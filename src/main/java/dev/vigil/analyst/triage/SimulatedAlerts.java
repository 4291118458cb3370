package dev.vigil.analyst.triage;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.connectors.Connector;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.DetectionContent;
import dev.vigil.detect.GroupKeys;
import dev.vigil.detect.RuleMatch;
import dev.vigil.event.NormalizedEvent;
import dev.vigil.event.RawEvent;
import dev.vigil.simulate.Label;
import dev.vigil.simulate.SimulationOptions;
import dev.vigil.simulate.SimulationSink;
import dev.vigil.simulate.Simulator;
import dev.vigil.tenancy.TenantId;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled alerts from a simulated estate, produced in-process exactly as the appliance would raise them: every line
 * of {@code vigil simulate} is normalised by its connector and evaluated by the detection rules; matches fold into
 * alerts per rule and group key within the dedup window; an alert is a true positive when any of its events is
 * labelled as part of an attack chain. Single-event Sigma rules only (correlations are not replayed here).
 *
 * <p>Guarantees: deterministic for equal options, rules and connectors; alerts come out ordered by first sighting.
 */
public final class SimulatedAlerts {

    private static final TenantId TENANT = TenantId.of("simulation");

    /** One simulated alert with its ground truth. */
    public record Labelled(AlertHistory.Scored alert, boolean truePositive) {
    }

    private SimulatedAlerts() {
    }

    public static List<Labelled> generate(SimulationOptions options, ConnectorRegistry connectors, DetectionContent rules,
                                          List<String> groupBy, Duration dedupWindow) throws IOException {
        return generate(options, java.util.Set.of(), connectors, rules, groupBy, dedupWindow);
    }

    /** As {@link #generate(SimulationOptions, ConnectorRegistry, DetectionContent, List, Duration)}, with local practices running. */
    public static List<Labelled> generate(SimulationOptions options, java.util.Set<dev.vigil.simulate.LocalPractice> practices,
                                          ConnectorRegistry connectors, DetectionContent rules, List<String> groupBy,
                                          Duration dedupWindow) throws IOException {
        GroupKeys groupKeys = new GroupKeys(groupBy);
        List<Hit> hits = new ArrayList<>();
        long[] sequence = {0};
        Simulator.run(options, practices, new SimulationSink() {
            @Override
            public void accept(String connectorName, String fileName, String line, Label label) {
                Connector connector = connectors.find(connectorName).orElseThrow(() ->
                        new IllegalStateException("the simulator wrote for connector " + connectorName + ", which is not installed"));
                sequence[0]++;
                NormalizedEvent event = connector.normalize(new RawEvent(sequence[0], TENANT, connectorName,
                        "simulate:" + fileName, options.start(), line));
                if (event.hasParseError()) {
                    return;
                }
                for (RuleMatch m : rules.sigma().evaluate(event)) {
                    if (!rules.suppressed(m)) {
                        hits.add(new Hit(m, groupKeys.of(event), event.timestamp(), label != null));
                    }
                }
            }
        });
        hits.sort(Comparator.comparing(Hit::time).thenComparing(h -> h.match().ruleId()));
        Map<String, Open> open = new HashMap<>();
        List<Open> all = new ArrayList<>();
        for (Hit h : hits) {
            String key = h.match().ruleId() + "\u0000" + h.groupKey();
            Open o = open.get(key);
            if (o != null && !h.time().isAfter(o.last.plus(dedupWindow))) {
                o.last = h.time();
                o.events++;
                o.attack |= h.attack();
            } else {
                o = new Open(h, all.size());
                open.put(key, o);
                all.add(o);
            }
        }
        List<Labelled> out = new ArrayList<>(all.size());
        for (Open o : all) {
            RuleMatch m = o.first.match();
            out.add(new Labelled(new AlertHistory.Scored("S-" + o.index, m.ruleId(), o.first.groupKey(), m.level(), m.tags(),
                    o.first.time(), o.events, false), o.attack));
        }
        return List.copyOf(out);
    }

    /**
     * Features for each alert, as if an analyst had given every earlier alert its true verdict. The similar-alert
     * feature uses a cheap stand-in (earlier alerts of the same rule on the same entity); anomaly is absent.
     */
    public static List<TriageTrainer.LabelledAlert> features(List<Labelled> alerts) {
        return features(alerts, l -> true);
    }

    /**
     * Features for each alert, as if an analyst had given its true verdict to every earlier alert that
     * {@code judged} accepts (the others stay without a verdict): what a model scoring the alert when it was raised
     * would have seen.
     */
    public static List<TriageTrainer.LabelledAlert> features(List<Labelled> alerts, java.util.function.Predicate<Labelled> judged) {
        List<AlertHistory.Past> history = new ArrayList<>(alerts.size());
        List<TriageTrainer.LabelledAlert> out = new ArrayList<>(alerts.size());
        Map<String, int[]> sameRuleEntity = new HashMap<>();
        for (Labelled l : alerts) {
            AlertHistory.Scored a = l.alert();
            int[] seen = sameRuleEntity.getOrDefault(a.ruleId() + "\u0000" + a.groupKey(), new int[2]);
            SimilarVerdictSummary similar = new SimilarVerdictSummary(seen[0], seen[1], 0, seen[0] - seen[1]);
            TriageContext context = AlertHistory.context(a, history, AnomalySignal.NONE, similar);
            out.add(new TriageTrainer.LabelledAlert(a.id(), TriageFeatures.of(context), l.truePositive()));
            boolean known = judged.test(l);
            history.add(new AlertHistory.Past(a.id(), a.ruleId(), a.groupKey(), a.firstSeen(), known ? l.truePositive() : null));
            if (known) {
                sameRuleEntity.put(a.ruleId() + "\u0000" + a.groupKey(), new int[] {seen[0] + 1, seen[1] + (l.truePositive() ? 1 : 0)});
            }
        }
        return List.copyOf(out);
    }


    private record Hit(RuleMatch match, String groupKey, Instant time, boolean attack) {
    }

    private static final class Open {
        final Hit first;
        final int index;
        Instant last;
        long events = 1;
        boolean attack;

        Open(Hit first, int index) {
            this.first = first;
            this.index = index;
            this.last = first.time();
            this.attack = first.attack();
        }
    }
}
