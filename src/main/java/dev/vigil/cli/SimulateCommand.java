package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.simulate.AttackKind;
import dev.vigil.simulate.SimulationOptions;
import dev.vigil.simulate.SimulationSummary;
import dev.vigil.simulate.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vigil simulate}: writes a realistic, labelled, reproducible security-log dataset into a directory.
 *
 * <p>Guarantees: the same options write byte-identical files; without {@code --start} the window starts at
 * {@link SimulationOptions#DEFAULT_START} (Monday 2026-01-05 00:00 UTC), never at the current time. Bad options fail
 * with a {@link ParameterException} naming the option and the accepted range.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Generate realistic, labelled security logs (Windows, Linux, Suricata, Zeek, CloudTrail) with "
                + "planted attack chains.", "The same options always produce byte-identical output."})
public final class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hosts", defaultValue = "20", description = "Number of hosts, 1 to 100000 (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--hours", defaultValue = "24",
            description = "Length of the window in hours, decimals allowed, 1 minute to 720 hours (default: ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--start", description = "Start of the window, ISO-8601 instant (default: 2026-01-05T00:00:00Z).")
    String start;

    @Option(names = "--attacks", defaultValue = "all",
            description = "Comma-separated attack chains, 'all' or 'none': credential-dumping, lateral-movement, persistence, "
                    + "ssh-brute-force, discovery, exfiltration, cloud-account-takeover (default: ${DEFAULT-VALUE}).")
    String attacks;

    @Option(names = "--out", required = true, description = "Directory to write the files into (created if missing).")
    Path out;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        SimulationOptions options = options();
        SimulationSummary summary = Simulator.writeTo(out, options);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asMap(summary)));
        } else {
            w.printf("Wrote %d lines to %s (seed %d, %d hosts, %s from %s)%n", summary.totalLines(), out, seed, hosts,
                    options.duration().toString().substring(2).toLowerCase(), options.start());
            summary.files().forEach((name, c) -> w.printf("  %-26s %-15s %,12d lines%n", name, c.connector(), c.lines()));
            w.println("Attacks (labelled in labels.jsonl):");
            summary.attackLines().forEach((kind, lines) -> w.printf("  %-26s %3d chains %,8d lines%n", kind.optionName(),
                    summary.attacks().stream().filter(a -> a.kind() == kind).count(), lines));
            for (AttackKind k : summary.notPlaced()) {
                w.printf("  %s could not be placed: the estate has no suitable host (try more --hosts)%n", k.optionName());
            }
        }
        w.flush();
        return 0;
    }

    /** Validated options from the command line; every problem is a {@link ParameterException}. */
    SimulationOptions options() {
        CommandLine cl = spec.commandLine();
        if (Double.isNaN(hours) || hours <= 0 || hours > 720) {
            throw new ParameterException(cl, "--hours must be between 0.0167 (1 minute) and 720 (30 days), was " + hours);
        }
        Instant from = SimulationOptions.DEFAULT_START;
        if (start != null) {
            try {
                from = Instant.parse(start);
            } catch (DateTimeParseException e) {
                throw new ParameterException(cl, "--start must be an ISO-8601 instant such as 2026-01-05T00:00:00Z, was '"
                        + start + "'");
            }
        }
        Set<AttackKind> kinds;
        try {
            kinds = AttackKind.parseList(attacks);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--attacks: " + e.getMessage());
        }
        try {
            return new SimulationOptions(seed, hosts, Duration.ofMillis(Math.round(hours * 3_600_000)), from,
                    kinds.isEmpty() ? EnumSet.noneOf(AttackKind.class) : kinds);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            String option = msg.startsWith("hosts") ? "--hosts" : msg.startsWith("duration") ? "--hours" : "--start";
            throw new ParameterException(cl, option + ": " + msg);
        }
    }

    private Map<String, Object> asMap(SimulationSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", out.toString());
        m.put("seed", seed);
        m.put("hosts", hosts);
        m.put("duration", s.options().duration().toString());
        m.put("start", s.options().start().toString());
        m.put("totalLines", s.totalLines());
        Map<String, Object> files = new LinkedHashMap<>();
        s.files().forEach((name, c) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("connector", c.connector());
            f.put("lines", c.lines());
            files.put(name, f);
        });
        m.put("files", files);
        Map<String, Object> attacks = new LinkedHashMap<>();
        s.attackLines().forEach((kind, lines) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("chains", s.attacks().stream().filter(x -> x.kind() == kind).count());
            a.put("labelledLines", lines);
            attacks.put(kind.optionName(), a);
        });
        m.put("attacks", attacks);
        m.put("notPlaced", s.notPlaced().stream().map(AttackKind::optionName).toList());
        return m;
    }
}
