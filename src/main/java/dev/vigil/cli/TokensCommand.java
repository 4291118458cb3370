package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code vigil tokens list|create|revoke}: API and ingest tokens of the tenant. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manage API and ingest tokens.",
        subcommands = {TokensCommand.ListTokens.class, TokensCommand.CreateToken.class, TokensCommand.RevokeToken.class})
public final class TokensCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (secrets are never shown again).")
    static final class ListTokens implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode tokens = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/tokens", Map.of());
            if (json) {
                Output.json(tokens);
                return 0;
            }
            for (JsonNode t : tokens) {
                System.out.println(Output.pad(t.path("name").asText(), 32) + Output.pad(t.path("scope").asText(), 8)
                        + Output.pad(t.path("createdAt").asText(), 32)
                        + (t.hasNonNull("revokedAt") ? "revoked " + t.path("revokedAt").asText() : "active"));
            }
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print its secret once.")
    static final class CreateToken implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "NAME", description = "A name for the token, e.g. rsyslog-dmz.")
        String name;
        @Option(names = "--scope", defaultValue = "INGEST", description = "INGEST, READ, ANALYST or ADMIN (default: ${DEFAULT-VALUE}).")
        String scope;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            String body = "{\"name\":" + quote(name) + ",\"scope\":" + quote(scope.toUpperCase(java.util.Locale.ROOT)) + "}";
            JsonNode created = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/tokens", "application/json", body);
            if (json) {
                Output.json(created);
                return 0;
            }
            System.out.println("Created token " + created.path("name").asText() + " (" + created.path("scope").asText() + ").");
            System.out.println("Secret (shown only now): " + created.path("secret").asText());
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by name.")
    static final class RevokeToken implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            ApplianceClient.forDataDir(data.dataDir()).delete("/api/v1/tokens/" + java.net.URLEncoder.encode(name,
                    java.nio.charset.StandardCharsets.UTF_8));
            System.out.println("Revoked token " + name + ".");
            return 0;
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
