package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil users add|passwd|role|disable|enable|list}: the tenant's console users, through the API as the local admin.
 * A password set here is one-time: the user must change it at first sign-in.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage console users.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.AddUser.class, UsersCommand.Passwd.class,
                UsersCommand.Role.class, UsersCommand.Disable.class, UsersCommand.Enable.class})
public final class UsersCommand {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users (never passwords).")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode users = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/users", Map.of());
            if (json) {
                Output.json(users);
                return 0;
            }
            for (JsonNode u : users) {
                String state = u.path("disabled").asBoolean() ? "disabled"
                        : u.hasNonNull("lockedUntil") ? "locked until " + u.path("lockedUntil").asText()
                        : u.path("mustChangePassword").asBoolean() ? "must change password" : "active";
                System.out.println(Output.pad(u.path("username").asText(), 24) + Output.pad(u.path("role").asText(), 10) + state);
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user and print a generated one-time password (or read it with --password-stdin).")
    static final class AddUser implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "NAME", description = "User name: letters, digits, '.', '_' or '-'.")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, analyst or auditor.")
        String role;
        @Option(names = "--password-stdin", description = "Read the one-time password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            ObjectNode body = JSON.createObjectNode().put("username", name).put("role", role);
            if (passwordStdin) {
                body.put("password", readPassword());
            }
            JsonNode added = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/users", "application/json",
                    body.toString());
            System.out.println("Added " + added.path("user").path("role").asText() + " " + name + ".");
            printOneTime(added);
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Give a user a new one-time password (generated and printed, or read with --password-stdin); "
                    + "their sessions end.")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--password-stdin", description = "Read the one-time password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            ObjectNode body = JSON.createObjectNode();
            if (passwordStdin) {
                body.put("password", readPassword());
            }
            JsonNode changed = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/users/" + path(name) + "/password",
                    "application/json", body.toString());
            System.out.println("Set a new one-time password for " + name + ".");
            printOneTime(changed);
            return 0;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Change a user's role.")
    static final class Role implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "ROLE", description = "admin, analyst or auditor.")
        String role;

        @Override
        public Integer call() {
            JsonNode user = ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/users/" + path(name) + "/role",
                    "application/json", JSON.createObjectNode().put("role", role).toString());
            System.out.println(name + " is now " + user.path("role").asText() + ".");
            return 0;
        }
    }

    /** A command that posts one action for one user: disable or enable. */
    abstract static class UserAction implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        private final String action;
        private final String done;

        UserAction(String action, String done) {
            this.action = action;
            this.done = done;
        }

        @Override
        public Integer call() {
            ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/users/" + path(name) + "/" + action,
                    "application/json", "{}");
            System.out.println(done + " " + name + ".");
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user; their sessions end.")
    static final class Disable extends UserAction {
        Disable() {
            super("disable", "Disabled");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    static final class Enable extends UserAction {
        Enable() {
            super("enable", "Enabled");
        }
    }

    private static void printOneTime(JsonNode answer) {
        if (answer.hasNonNull("oneTimePassword")) {
            System.out.println("One-time password (shown only now; it must be changed at first sign-in): "
                    + answer.path("oneTimePassword").asText());
        } else {
            System.out.println("The password you gave must be changed at first sign-in.");
        }
    }

    private static String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException("--password-stdin: standard input held no password", 2);
            }
            return line;
        } catch (IOException e) {
            throw new CliException("--password-stdin: cannot read standard input: " + e.getMessage(), 2);
        }
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
