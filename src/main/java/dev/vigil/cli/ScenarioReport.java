package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.analyst.triage.RankingMetrics;
import dev.vigil.learn.ScenarioEvaluation;

import java.util.Locale;

/** Prints {@code vigil model evaluate --scenario}'s outcome as the table docs/analyst.md shows, or as JSON. */
final class ScenarioReport {

    private final ScenarioEvaluation.Result r;
    private final String factoryVersion;

    ScenarioReport(ScenarioEvaluation.Result r, String factoryVersion) {
        this.r = r;
        this.factoryVersion = factoryVersion;
    }

    void print(boolean json) {
        if (json) {
            ObjectNode n = new ObjectMapper().createObjectNode().put("seed", r.options().seed()).put("hosts", r.options().hosts())
                    .put("days", r.options().days()).put("practices", r.options().practices().toString()).put("verdictDays", r.options().verdictDays())
                    .put("verdicts", r.verdicts()).put("verdictTruePositives", r.verdictTruePositives())
                    .put("evaluated", r.evaluated()).put("evaluatedTruePositives", r.evaluatedTruePositives())
                    .put("gate", r.challenge().decision().reason()).put("factoryVersion", factoryVersion);
            for (ScenarioEvaluation.Row row : new ScenarioEvaluation.Row[] {r.ruleLevel(), r.factory(), r.retrained(), r.inForce()}) {
                n.putObject(row.ranking()).put("auc", row.metrics().auc())
                        .put("falsePositivesAt95Recall", row.metrics().fpAtRecall95()).put("brier", row.metrics().brier());
            }
            n.put("reductionVsFactory", r.reductionAgainst(r.factory())).put("reductionVsRuleLevel", r.reductionAgainst(r.ruleLevel()));
            Output.json(n);
            return;
        }
        ScenarioEvaluation.Options o = r.options();
        System.out.printf(Locale.ROOT, "scenario seed %d: %d hosts, %d days, local practices: %s; the analyst judged every alert of days 1-%d%n",
                o.seed(), o.hosts(), o.days(), o.practices().isEmpty() ? "none"
                        : String.join(", ", o.practices().stream().sorted().map(dev.vigil.simulate.LocalPractice::optionName).toList()),
                o.verdictDays());
        System.out.printf(Locale.ROOT, "verdicts: %d alerts (%d true positives); evaluated: days %d-%d, %d alerts (%d true positives)%n",
                r.verdicts(), r.verdictTruePositives(), o.verdictDays() + 1, o.days(), r.evaluated(), r.evaluatedTruePositives());
        System.out.println("challenger trained on the earlier 70% of the verdicts, gate against factory " + factoryVersion
                + " on the latest 30%: " + r.challenge().decision().reason());
        System.out.println();
        System.out.println("| ranking of days " + (o.verdictDays() + 1) + "-" + o.days()
                + " | AUC | false positives before 95% recall | Brier |");
        System.out.println("|---|---:|---:|---:|");
        for (ScenarioEvaluation.Row row : new ScenarioEvaluation.Row[] {r.ruleLevel(), r.factory(), r.retrained(), r.inForce()}) {
            RankingMetrics m = row.metrics();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %d | %s |%n", row.ranking(), m.auc(), m.fpAtRecall95(),
                    row == r.ruleLevel() ? "-" : String.format(Locale.ROOT, "%.3f", m.brier()));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "false positives at 95%% recall, retrained vs factory: %+.0f%%; vs rule level: %+.0f%%%n",
                -100 * r.reductionAgainst(r.factory()), -100 * r.reductionAgainst(r.ruleLevel()));
    }
}
