package dev.vigil.detect.sigma;

/**
 * A rule that cannot be loaded, with a message naming the rule, the line and the problem:
 * {@code rules/x.yml:14: rule 'Suspicious Thing': unknown modifier 'contians' in 'CommandLine|contians'}.
 *
 * <p>{@link #unsupported()} tells a rule that is valid Sigma but uses something this engine does not evaluate (an
 * undefined placeholder, a Sigma 1 aggregation) from one that is wrong.
 */
public final class SigmaRuleException extends Exception {

    private final String origin;
    private final int line;
    private final String problem;
    private final boolean unsupported;

    public SigmaRuleException(String origin, int line, String ruleLabel, String problem, boolean unsupported) {
        super(origin + ":" + line + ": " + (ruleLabel == null ? "" : "rule " + ruleLabel + ": ") + problem);
        this.origin = origin;
        this.line = line;
        this.problem = problem;
        this.unsupported = unsupported;
    }

    public String origin() {
        return origin;
    }

    public int line() {
        return line;
    }

    /** The problem alone, without origin, line and rule. */
    public String problem() {
        return problem;
    }

    /** True when the rule is valid Sigma that this engine cannot evaluate, false when the rule itself is wrong. */
    public boolean unsupported() {
        return unsupported;
    }
}
