package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil alerts list|show|similar|ack|close}: triage the running appliance's alerts. */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "List, inspect and triage alerts.",
        subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.ShowAlert.class, AlertsCommand.SimilarAlerts.class,
                AlertsCommand.AckAlerts.class,
                AlertsCommand.CloseAlerts.class})
public final class AlertsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List alerts, newest first.")
    static final class ListAlerts implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--status", description = "new, acknowledged or closed.")
        String status;
        @Option(names = "--level", description = "At least this level: informational, low, medium, high, critical.")
        String level;
        @Option(names = "--rule", description = "Only alerts of this rule id.")
        String rule;
        @Option(names = "--since", description = "Only alerts seen since, e.g. 24h, 7d or an ISO time.")
        String since;
        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>();
            put(query, "status", status);
            put(query, "level", level);
            put(query, "rule", rule);
            put(query, "since", since);
            query.put("limit", String.valueOf(limit));
            JsonNode alerts = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/alerts", query);
            if (json) {
                Output.json(alerts);
                return 0;
            }
            for (JsonNode a : alerts) {
                System.out.println(Output.pad(a.path("id").asText(), 14) + Output.pad(a.path("level").asText(), 14)
                        + Output.pad(a.path("status").asText(), 14) + Output.pad(a.path("lastSeen").asText(), 26)
                        + Output.pad(a.path("eventCount").asText() + "x", 7) + a.path("title").asText()
                        + (a.path("groupKey").asText().isEmpty() ? "" : "  [" + a.path("groupKey").asText() + "]"));
            }
            System.out.println(alerts.size() + " alerts");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one alert: why it fired, its events, its triage.")
    static final class ShowAlert implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "ALERT_ID")
        String id;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            ApplianceClient client = ApplianceClient.forDataDir(data.dataDir());
            JsonNode a = client.get("/api/v1/alerts/" + encode(id), Map.of());
            if (json) {
                Output.json(a);
                return 0;
            }
            System.out.println(a.path("id").asText() + "  " + a.path("title").asText());
            System.out.println("level " + a.path("level").asText() + ", " + a.path("status").asText()
                    + (a.hasNonNull("verdict") ? " as " + a.path("verdict").asText() : "") + ", rule " + a.path("ruleId").asText());
            System.out.println("tags: " + a.path("tags"));
            System.out.println("seen " + a.path("eventCount").asText() + " times, " + a.path("firstSeen").asText() + " to "
                    + a.path("lastSeen").asText() + (a.path("groupKey").asText().isEmpty() ? "" : ", for " + a.path("groupKey").asText()));
            System.out.println("matched on:");
            a.path("matched").forEach(m -> System.out.println("    " + m.path("field").asText() + " = " + m.path("value").asText()));
            StringBuilder events = new StringBuilder();
            a.path("eventIds").forEach(e -> events.append(events.isEmpty() ? "" : " ").append(e.asText()));
            System.out.println("events: " + events);
            if (a.hasNonNull("acknowledgedBy")) {
                System.out.println("acknowledged by " + a.path("acknowledgedBy").asText() + " at " + a.path("acknowledgedAt").asText());
            }
            if (a.hasNonNull("closedBy")) {
                System.out.println("closed by " + a.path("closedBy").asText() + " at " + a.path("closedAt").asText()
                        + (a.hasNonNull("note") ? ": " + a.path("note").asText() : ""));
            }
            JsonNode t = client.get("/api/v1/alerts/" + encode(id) + "/triage", Map.of());
            System.out.println("triage: " + t.path("priority").asText()
                    + (t.hasNonNull("probability") ? String.format(java.util.Locale.ROOT, ", %.0f%% likely a true positive",
                    100 * t.path("probability").asDouble()) : "") + " (" + t.path("modelVersion").asText() + ")");
            for (String reason : t.path("explanation").asText().split("; ")) {
                System.out.println("    " + reason);
            }
            printSimilar(client.get("/api/v1/alerts/" + encode(id) + "/similar", Map.of()));
            return 0;
        }
    }

    @Command(name = "similar", mixinStandardHelpOptions = true,
            description = "The past alerts most similar to one alert, with how they were triaged.")
    static final class SimilarAlerts implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "ALERT_ID")
        String id;
        @Option(names = "--k", defaultValue = "5", description = "How many nearest alerts, 1 to 50 (default: ${DEFAULT-VALUE}).")
        int k;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode similar = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/alerts/" + encode(id) + "/similar",
                    Map.of("k", String.valueOf(k)));
            if (json) {
                Output.json(similar);
                return 0;
            }
            printSimilar(similar);
            return 0;
        }
    }

    /** The nearest past alerts and the verdicts of the similar closed ones, or why there are none. */
    private static void printSimilar(JsonNode s) {
        if (!s.path("enabled").asBoolean()) {
            System.out.println("similar alerts: none (" + s.path("reason").asText() + ")");
            return;
        }
        JsonNode v = s.path("verdicts");
        System.out.println("similar past alerts: " + s.path("alerts").size() + " nearest; of the closed ones at similarity >= "
                + v.path("threshold").asText() + ": " + v.path("similar").asInt() + " (" + v.path("truePositives").asInt() + " tp, "
                + v.path("benignPositives").asInt() + " bp, " + v.path("falsePositives").asInt() + " fp)");
        for (JsonNode a : s.path("alerts")) {
            System.out.println("    " + Output.pad(String.format(java.util.Locale.ROOT, "%.3f", a.path("similarity").asDouble()), 7)
                    + Output.pad(a.path("id").asText(), 14) + Output.pad(a.path("status").asText()
                    + (a.hasNonNull("verdict") ? " " + a.path("verdict").asText() : ""), 28) + a.path("title").asText());
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge alerts (you are looking at them).")
    static final class AckAlerts implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(arity = "1..*", paramLabel = "ALERT_ID")
        List<String> ids;

        @Override
        public Integer call() {
            ObjectNode body = JSON.createObjectNode().put("action", "ack");
            ids.forEach(body.putArray("ids")::add);
            return report(ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/alerts/bulk", "application/json", body.toString()));
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Close alerts with a verdict.")
    static final class CloseAlerts implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(arity = "1..*", paramLabel = "ALERT_ID")
        List<String> ids;
        @Option(names = "--verdict", required = true, description = "tp (true positive), bp (benign positive) or fp (false positive).")
        String verdict;
        @Option(names = "--note", description = "Why; kept with the alert and in the audit chain.")
        String note;

        @Override
        public Integer call() {
            return close(data, ids, verdict, note);
        }
    }

    /** Closes alerts with a verdict through the bulk route; prints one line per alert; 1 if any was refused. */
    static int close(DataDirOption data, List<String> ids, String verdict, String note) {
        ObjectNode body = JSON.createObjectNode().put("action", "close").put("verdict", verdict).put("note", note);
        ids.forEach(body.putArray("ids")::add);
        return report(ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/alerts/bulk", "application/json", body.toString()));
    }

    private static int report(JsonNode results) {
        int failed = 0;
        for (JsonNode r : results) {
            if (r.path("ok").asBoolean()) {
                System.out.println(r.path("id").asText() + ": " + r.path("message").asText());
            } else {
                failed++;
                System.err.println(r.path("id").asText() + ": " + r.path("message").asText());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static void put(Map<String, String> query, String key, String value) {
        if (value != null) {
            query.put(key, value);
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
