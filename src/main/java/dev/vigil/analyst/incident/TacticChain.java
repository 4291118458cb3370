package dev.vigil.analyst.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ATT&CK tactics of an incident's alerts in the order they first appeared in time, and how many steps of that
 * order move forward in the kill chain (execution after initial access counts; discovery after lateral movement does
 * not). Pure.
 */
public record TacticChain(List<Tactic> tactics, int forwardSteps) {

    public TacticChain {
        tactics = List.copyOf(tactics);
    }

    /** One alert's time and tactics. */
    public record Step(Instant at, List<Tactic> tactics) {
    }

    public static TacticChain of(List<Step> steps) {
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(Step::at));
        Set<Tactic> order = new LinkedHashSet<>();
        for (Step s : sorted) {
            s.tactics().stream().sorted().forEach(order::add);
        }
        List<Tactic> chain = List.copyOf(order);
        int forward = 0;
        for (int i = 1; i < chain.size(); i++) {
            if (chain.get(i).ordinal() > chain.get(i - 1).ordinal()) {
                forward++;
            }
        }
        return new TacticChain(chain, forward);
    }

    /** {@code Initial Access → Execution → Credential Access}. */
    public String describe() {
        return tactics.isEmpty() ? "no ATT&CK tactic tagged"
                : String.join(" → ", tactics.stream().map(Tactic::title).toList());
    }
}
