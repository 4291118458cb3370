package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil consent show|grant SCOPE|withdraw SCOPE [--reason]}: the tenant's data-use consent, through the
 * running appliance's API. Every change is audited by the appliance.
 */
@Command(name = "consent", mixinStandardHelpOptions = true,
        description = "Show, grant or withdraw data-use consent (scopes: model-training, fleet-sharing).",
        subcommands = {ConsentCommand.Show.class, ConsentCommand.Grant.class, ConsentCommand.Withdraw.class})
public final class ConsentCommand {

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show consent per scope and its history.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            print(ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/consent", Map.of()), json);
            return 0;
        }
    }

    /** What grant and withdraw share: the scope, the reason, the call and the output. */
    abstract static class Change implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "SCOPE", description = "model-training or fleet-sharing.")
        String scope;
        @Option(names = "--reason", description = "Why (recorded and audited).")
        String reason;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        abstract String verb();

        @Override
        public Integer call() {
            print(change(data, scope, verb(), reason), json);
            return 0;
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Grant consent for a scope under the policy in force.")
    static final class Grant extends Change {
        @Override
        String verb() {
            return "grant";
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Withdraw consent for a scope.")
    static final class Withdraw extends Change {
        @Override
        String verb() {
            return "withdraw";
        }
    }

    private static JsonNode change(DataDirOption data, String scope, String verb, String reason) {
        String body = reason == null ? "{}" : "{\"reason\":" + TokensCommand.quote(reason) + "}";
        return ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/consent/"
                + URLEncoder.encode(scope, StandardCharsets.UTF_8) + "/" + verb, "application/json", body);
    }

    private static void print(JsonNode view, boolean json) {
        if (json) {
            Output.json(view);
            return;
        }
        System.out.println("Tenant " + view.path("tenant").asText() + ", data-use policy in force "
                + view.path("policyInForce").asText());
        for (JsonNode s : view.path("scopes")) {
            System.out.println(Output.pad(s.path("scope").asText(), 16) + Output.pad(s.path("state").asText(), 11)
                    + s.path("explanation").asText());
        }
    }
}
