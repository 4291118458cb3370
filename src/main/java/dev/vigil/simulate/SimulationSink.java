package dev.vigil.simulate;

import java.io.IOException;

/**
 * Receives the simulated lines in global time order, one call per line.
 *
 * <p>Lines never contain line breaks. {@link #finish} is called once, after the last line, with the run's summary.
 */
public interface SimulationSink {

    /**
     * One line of one output file.
     *
     * @param connector the Vigil connector that parses this file, e.g. {@code windows-json}
     * @param fileName  the output file, e.g. {@code windows-sysmon.ndjson}
     * @param line      the line without its terminator
     * @param label     the attack label, or {@code null} for benign lines
     */
    void accept(String connector, String fileName, String line, Label label) throws IOException;

    /** Called once after the last line. */
    default void finish(SimulationSummary summary) throws IOException {
    }
}
