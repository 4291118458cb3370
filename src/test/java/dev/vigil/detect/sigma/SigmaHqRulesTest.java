package dev.vigil.detect.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SigmaHQ rule set customers load: at least 99% of it must load enabled, and every other rule says why. */
class SigmaHqRulesTest {

    @Test
    void atLeast99PercentOfTheSigmaHqRulesLoadEnabledAndTheRestSayWhy() {
        List<RuleSource> sources = SigmaCorpus.sources(SigmaCorpus.SIGMA.resolve("rules"));
        SigmaEngine engine = SigmaEngine.compile(sources, EngineOptions.DEFAULTS);
        List<RuleStatus> statuses = engine.statuses();
        long enabled = statuses.stream().filter(RuleStatus::enabled).count();
        Map<String, Integer> reasons = new TreeMap<>();
        for (RuleStatus status : statuses) {
            if (!status.enabled()) {
                assertTrue(status.reason() != null && !status.reason().isBlank(), "no reason for " + status.id());
                System.out.println("not enabled: " + status.state() + " " + status.reason());
                reasons.merge(status.state().name(), 1, Integer::sum);
            }
        }
        System.out.printf("SigmaHQ rules: %d files, %d documents, %d enabled (%.2f%%), not enabled by state: %s%n",
                sources.size(), statuses.size(), enabled, 100.0 * enabled / statuses.size(), reasons);
        assertTrue(enabled * 100 >= 99L * sources.size(),
                "only " + enabled + " of " + sources.size() + " rules load enabled; see the reasons printed above");
    }
}
