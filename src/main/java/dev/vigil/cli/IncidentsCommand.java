package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil incidents list|show|close}: alerts grouped by shared entities and time, on the running appliance. */
@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "Incidents: alerts grouped by the hosts, users and addresses they share, with timeline, tactic chain and score.",
        subcommands = {IncidentsCommand.ListIncidents.class, IncidentsCommand.Show.class, IncidentsCommand.Close.class})
public final class IncidentsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Open incidents (or --all), highest score first.")
    static final class ListIncidents implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--all", description = "Include closed and merged incidents.")
        boolean all;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode r = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/incidents", all ? Map.of("status", "all") : Map.of());
            if (json) {
                Output.json(r);
                return 0;
            }
            if (r.isEmpty()) {
                System.out.println(all ? "no incidents" : "no open incidents");
                return 0;
            }
            System.out.println(Output.pad("INCIDENT", 14) + Output.pad("PRI", 5) + Output.pad("SCORE", 7) + Output.pad("ALERTS", 8)
                    + Output.pad("STATUS", 8) + Output.pad("LAST ALERT", 22) + "TITLE");
            for (JsonNode i : r) {
                System.out.println(Output.pad(i.path("id").asText(), 14) + Output.pad(i.path("priority").asText(), 5)
                        + Output.pad(String.format(Locale.ROOT, "%.2f", i.path("score").asDouble()), 7)
                        + Output.pad(i.path("alertCount").asText(), 8) + Output.pad(i.path("status").asText(), 8)
                        + Output.pad(i.path("lastAlertAt").asText(), 22) + i.path("title").asText());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One incident: score and why, tactic chain, entities, timeline.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(paramLabel = "INCIDENT_ID")
        String id;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode i = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/incidents/" + encode(id), Map.of());
            if (json) {
                Output.json(i);
                return 0;
            }
            System.out.println(i.path("id").asText() + "  " + i.path("title").asText() + "  [" + i.path("status").asText() + "]");
            System.out.printf(Locale.ROOT, "score %.2f (%s): %s%n", i.path("score").asDouble(), i.path("priority").asText(),
                    i.path("scoreExplanation").asText());
            System.out.println("tactics: " + i.path("chain").asText());
            StringBuilder entities = new StringBuilder();
            i.path("entities").forEach(e -> entities.append(entities.isEmpty() ? "" : ", ").append(e.asText()));
            System.out.println("entities: " + entities);
            System.out.println("timeline:");
            for (JsonNode t : i.path("timeline")) {
                System.out.println("  " + Output.pad(t.path("at").asText(), 22) + Output.pad(t.path("alertId").asText(), 14)
                        + Output.pad(t.path("priority").asText(), 4) + Output.pad(t.path("level").asText(), 9)
                        + t.path("title").asText() + (t.path("verdict").isNull() ? "" : "  [" + t.path("verdict").asText() + "]"));
            }
            return 0;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close an incident, giving each of its open alerts the verdict (each audited, each teaches the model).")
    static final class Close implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "INCIDENT_ID")
        String id;
        @Option(names = "--verdict", required = true, description = "tp, benign or fp")
        String verdict;
        @Option(names = "--note", description = "Why; kept with each alert and in the audit chain.")
        String note;

        @Override
        public Integer call() {
            JsonNode i = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/incidents/" + encode(id) + "/close",
                    "application/json", JSON.createObjectNode().put("verdict", verdict).put("note", note).toString());
            System.out.println(i.path("id").asText() + " closed; " + i.path("alertCount").asInt() + " alert(s) now carry the verdict");
            return 0;
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
