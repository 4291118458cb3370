package dev.vigil.learn;

import dev.vigil.analyst.triage.RankingMetrics;
import dev.vigil.analyst.triage.SimulatedAlerts;
import dev.vigil.analyst.triage.TriageModel;
import dev.vigil.analyst.triage.TriageTrainer;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.DetectionContent;
import dev.vigil.simulate.AttackKind;
import dev.vigil.simulate.LocalPractice;
import dev.vigil.simulate.SimulationOptions;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The feedback-learning acceptance scenario ({@code vigil model evaluate --scenario SEED}): a simulated estate over
 * several days with labelled attack chains planted every day and, by default, the estate's own
 * {@link LocalPractice}s (legitimate routines the factory rules flag, unseen by the factory model); a simulated analyst gives the true verdict on every
 * alert of the first days; the tenant's challenger is trained from those verdicts exactly as the appliance trains it
 * ({@link Challenge}: time split, gate against the factory model); then the remaining days are ranked three ways —
 * by rule level alone, by the factory model, and by the retrained challenger — and compared by the false positives an
 * analyst sees before 95% of the true positives.
 *
 * <p>Guarantees: deterministic for equal options, rules, connectors and factory model; no alert of the evaluation
 * days is trained on or has a verdict known when any of the three rankings scores it; all three rank the very same
 * alerts with the very same features. {@code inForce} is what analysts would see: the retrained model if the gate
 * promoted it, else the factory model.
 */
public final class ScenarioEvaluation {

    /**
     * @param seed         the simulation's seed
     * @param hosts        hosts in the estate
     * @param days         simulated days in all (2 – 30)
     * @param verdictDays  the first days the analyst gives verdicts on (at least 1, fewer than {@code days})
     * @param practices    the estate's own legitimate routines that the factory rules flag (the factory model was
     *                     trained on estates without them)
     */
    public record Options(long seed, int hosts, int days, int verdictDays, java.util.Set<LocalPractice> practices) {
        public Options {
            practices = practices.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(EnumSet.copyOf(practices));
            if (days < 2 || days > 30 || verdictDays < 1 || verdictDays >= days) {
                throw new IllegalArgumentException("need 2-30 days with verdicts on at least the first day and not on the last; got "
                        + days + " days, verdicts on " + verdictDays);
            }
        }
    }

    /** One ranking of the evaluation days. */
    public record Row(String ranking, RankingMetrics metrics) {
    }

    /** The scenario's outcome: verdict and evaluation counts, the in-scenario challenge, and the three rankings. */
    public record Result(Options options, int verdicts, int verdictTruePositives, int evaluated, int evaluatedTruePositives,
                         Challenge.Result challenge, Row ruleLevel, Row factory, Row retrained, Row inForce) {

        /** Reduction of false positives at 95% recall of the retrained model against another ranking (1 = all gone). */
        public double reductionAgainst(Row other) {
            int base = other.metrics().fpAtRecall95();
            return base == 0 ? 0 : 1.0 - (double) retrained.metrics().fpAtRecall95() / base;
        }
    }

    private ScenarioEvaluation() {
    }

    public static Result run(Options o, TriageModel factory, ConnectorRegistry connectors, DetectionContent rules,
                             List<String> groupBy, Duration dedupWindow) throws IOException {
        SimulationOptions sim = new SimulationOptions(o.seed(), o.hosts(), Duration.ofDays(o.days()),
                SimulationOptions.DEFAULT_START, EnumSet.allOf(AttackKind.class));
        Instant cut = sim.start().plus(Duration.ofDays(o.verdictDays()));
        List<SimulatedAlerts.Labelled> alerts = SimulatedAlerts.generate(sim, o.practices(), connectors, rules, groupBy, dedupWindow);
        List<TriageTrainer.LabelledAlert> features = SimulatedAlerts.features(alerts, l -> l.alert().firstSeen().isBefore(cut));
        List<VerdictExample> judged = new ArrayList<>();
        List<VerdictExample> later = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            SimulatedAlerts.Labelled l = alerts.get(i);
            TriageTrainer.LabelledAlert f = features.get(i);
            VerdictExample e = new VerdictExample(f.alertId(), l.alert().firstSeen(), f.features(), l.truePositive(),
                    l.truePositive() ? "TRUE_POSITIVE" : "FALSE_POSITIVE", "GRANTED", "simulation", l.alert().firstSeen());
            if (l.alert().firstSeen().isBefore(cut)) {
                judged.add(e);
            } else {
                later.add(e);
                levels.add((double) l.alert().level().ordinal());
            }
        }
        Challenge.Result challenge = new Challenge(new TimeSplit(0.3, 5, 3), ChampionGate.standard(), Challenge.DEFAULT_PRIOR_STRENGTH)
                .run(judged, factory);
        boolean[] y = new boolean[later.size()];
        double[] byLevel = new double[later.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = later.get(i).truePositive();
            byLevel[i] = levels.get(i);
        }
        return new Result(o, judged.size(), (int) judged.stream().filter(VerdictExample::truePositive).count(),
                later.size(), (int) later.stream().filter(VerdictExample::truePositive).count(), challenge,
                new Row("rule level alone", RankingMetrics.of(byLevel, y)),
                new Row("factory model", Challenge.metrics(factory, later)),
                new Row("retrained on the tenant's verdicts", Challenge.metrics(challenge.challenger(), later)),
                new Row(challenge.decision().promote() ? "in force after the gate (the retrained model)"
                        : "in force after the gate (the factory model, challenger kept out)",
                        Challenge.metrics(challenge.decision().promote() ? challenge.challenger() : factory, later)));
    }
}
