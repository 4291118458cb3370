package dev.vigil.detect.sigma;

/**
 * Why a rule part does not compile, with the line it is on; {@link #unsupported()} separates valid Sigma that this
 * engine does not evaluate from rules that are wrong.
 */
final class CompileProblem extends Exception {

    private final int line;
    private final boolean unsupported;

    CompileProblem(int line, String problem, boolean unsupported) {
        super(problem);
        this.line = line;
        this.unsupported = unsupported;
    }

    int line() {
        return line;
    }

    boolean unsupported() {
        return unsupported;
    }
}
