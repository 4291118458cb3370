package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil search QUERY}: searches the tenant's events, newest first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search events, newest first.",
                "Query language: field:value, wildcards (field:power*), \"quoted phrases\", AND/OR/NOT, parentheses,",
                "ranges (destination.port:[1 TO 1024]), free text. Example: 'event.code:4625 AND user.name:adm*'"})
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Parameters(index = "0", paramLabel = "QUERY", defaultValue = "*", description = "The query (default: everything).")
    String query;

    @Option(names = "--since", paramLabel = "TIME", defaultValue = "24h",
            description = "Look back this far or from this time: 15m, 24h, 7d, an ISO instant or a date (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Up to this time (default: now).")
    String until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N events (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N (paging).")
    int offset;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Option(names = "--raw", description = "Print each event's raw text instead of a summary.")
    boolean raw;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 10_000) {
            throw new CliException("--limit must be between 1 and 10000, was " + limit, 2);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", query);
        params.put("since", since);
        params.put("until", until);
        params.put("limit", String.valueOf(limit));
        params.put("offset", String.valueOf(offset));
        JsonNode page = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/search", params);
        if (json) {
            Output.json(page);
            return 0;
        }
        for (JsonNode e : page.path("events")) {
            if (raw) {
                System.out.println(e.path("raw").asText());
                continue;
            }
            String flag = e.hasNonNull("parseError") ? "  [parse error: " + e.path("parseError").asText() + "]" : "";
            System.out.println(e.path("timestamp").asText() + "  " + Output.pad(e.path("connector").asText(), 16) + " "
                    + summary(e.path("raw").asText()) + flag);
        }
        long total = page.path("total").asLong();
        int shown = page.path("events").size();
        System.out.println("-- " + shown + " of " + total + " matching events"
                + (offset + shown < total ? " (next page: --offset " + (offset + shown) + ")" : ""));
        return 0;
    }

    private static String summary(String raw) {
        String oneLine = raw.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }
}
