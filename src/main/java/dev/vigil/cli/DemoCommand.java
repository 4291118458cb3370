package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.appliance.Appliance;
import dev.vigil.appliance.RuntimeInfo;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.ingest.IndexingPipeline;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.simulate.AttackKind;
import dev.vigil.simulate.SimulationOptions;
import dev.vigil.simulate.SimulationSummary;
import dev.vigil.simulate.Simulator;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil demo}: starts the appliance on embedded defaults, generates a labelled scenario covering the last
 * hours (benign activity plus attack chains) with {@code vigil simulate}, feeds it through the real HTTP collector,
 * waits until it is searchable, prints what to try, and keeps running until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the appliance with a generated demo scenario (data in ./var unless --data-dir).")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--seed", defaultValue = "7", description = "Scenario seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hosts", defaultValue = "25", description = "Hosts in the scenario (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--hours", defaultValue = "24", description = "Hours of activity up to now (default: ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--exit", description = "Stop after feeding the scenario instead of running until Ctrl-C.")
    boolean exit;

    @Override
    public Integer call() throws Exception {
        if (options.syslogPort == null) {
            options.syslogPort = 0;
        }
        ApplicationContext context = ServeCommand.start(options);
        try {
            RuntimeInfo info = context.getBean(Appliance.class).runtimeInfo();
            ServeCommand.printStarted(context, System.out);
            Instant start = Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MINUTES);
            SimulationOptions scenario = new SimulationOptions(seed, hosts, Duration.ofHours(hours), start,
                    EnumSet.allOf(AttackKind.class));
            Path dir = options.dataDir().resolve("demo").resolve("seed-" + seed + "-" + start.getEpochSecond());
            System.out.println();
            System.out.println("Generating a " + hours + "-hour scenario on " + hosts + " hosts (seed " + seed + ") in " + dir + " ...");
            SimulationSummary summary = Simulator.writeTo(dir, scenario);
            System.out.println("Feeding " + summary.totalLines() + " records through the HTTP collector ...");
            Map<String, Long> sent = new ScenarioFeeder(context.getBean(ConnectorRegistry.class),
                    ApplianceClient.forDataDir(options.dataDir())).feed(dir);
            long last = context.getBean(Spool.class).lastSequence();
            boolean indexed = context.getBean(IndexingPipeline.class).awaitIndexed(last, Duration.ofMinutes(5));
            sent.forEach((connector, n) -> System.out.println("  " + Output.pad(connector, 16) + n + " events"));
            System.out.println(indexed ? "All searchable." : "Still indexing; 'vigil status' shows progress.");
            System.out.println();
            System.out.println("Attacks in this scenario (ground truth in " + dir.resolve("labels.jsonl") + "):");
            summary.attacks().forEach(a -> System.out.println("  " + a.start() + "  " + Output.pad(a.kind().name(), 24)
                    + " host " + a.host() + (a.user() == null ? "" : ", user " + a.user())));
            printAlerts(ApplianceClient.forDataDir(options.dataDir()).get("/api/v1/alerts", Map.of("limit", "1000")));
            printNextSteps(info);
            if (!exit) {
                ServeCommand.awaitShutdown(context);
            }
        } finally {
            context.close();
        }
        return 0;
    }

    /** What the factory rules raised on the scenario, by rule, highest level first. */
    private static void printAlerts(JsonNode alerts) {
        Map<String, long[]> byRule = new java.util.TreeMap<>();
        Map<String, String> levels = new java.util.HashMap<>();
        for (JsonNode alert : alerts) {
            String title = alert.path("title").asText();
            byRule.computeIfAbsent(title, t -> new long[2])[0]++;
            byRule.get(title)[1] += alert.path("eventCount").asLong();
            levels.put(title, alert.path("level").asText());
        }
        List<String> order = List.of("critical", "high", "medium", "low", "informational");
        System.out.println();
        System.out.println("Alerts the factory Sigma rules raised (" + alerts.size() + "):");
        byRule.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, long[]> e) -> order.indexOf(levels.get(e.getKey()))))
                .forEach(e -> System.out.println("  " + Output.pad(levels.get(e.getKey()), 14) + Output.pad(e.getValue()[0] + " alerts", 12)
                        + Output.pad(e.getValue()[1] + " events", 13) + e.getKey()));
    }

    private void printNextSteps(RuntimeInfo info) {
        String dataArg = options.dataDir().equals(Path.of("var")) ? "" : " --data-dir " + options.dataDir();
        String vigil = "appliance/bin/vigil";
        System.out.println();
        System.out.println("Try next (in another terminal):");
        System.out.println("  " + vigil + " status" + dataArg);
        System.out.println("  " + vigil + " alerts list --level high" + dataArg + "                     # then: alerts show ID, alerts close ID --verdict tp");
        System.out.println("  " + vigil + " search 'EventID:4625' --since 24h" + dataArg + "                 # failed Windows logons");
        System.out.println("  " + vigil + " search 'TargetImage:*lsass.exe' --since 24h" + dataArg + "      # who opened lsass (credential dumping)");
        System.out.println("  " + vigil + " search '@logsource.service:sshd AND event.outcome:failure' --since 24h" + dataArg);
        System.out.println("  " + vigil + " search 'eventName:CreateUser OR eventName:AttachUserPolicy' --since 24h" + dataArg);
        String trust = info.httpUrl().startsWith("https:")
                ? " --cacert " + dev.vigil.appliance.ConsoleCertificate.certificateFile(options.dataDir()) : "";
        System.out.println("  curl -s" + trust + " -H \"Authorization: Bearer $(cat " + options.dataDir().resolve("run/cli.token")
                + ")\" '" + info.httpUrl() + "api/v1/aggregations/top?field=Image&since=24h'");
        if (info.httpUrl().startsWith("https:")) {
            System.out.println("  console: " + info.httpUrl() + " (sign in as the admin printed above)");
        }
        if (info.syslogTcpPort() > 0) {
            System.out.println("  logger -n 127.0.0.1 -P " + info.syslogTcpPort()
                    + " -T 'sshd[42]: Failed password for root from 203.0.113.9 port 5022 ssh2'");
        }
        System.out.println("Stop with Ctrl-C.");
    }
}
