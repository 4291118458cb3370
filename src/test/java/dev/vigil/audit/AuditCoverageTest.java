package dev.vigil.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.cli.VigilCommand;
import dev.vigil.console.ConsoleBrowser;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.users.UserRole;
import dev.vigil.tenancy.users.Users;
import dev.vigil.update.ContentFixture;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The audit meta-test: every state-changing REST route of the running appliance (POST, PUT, PATCH, DELETE, as the
 * router lists them) and every CLI command must have an audit decision in the tables below, and each route is
 * called for real and must write exactly the entries its row declares (action, actor, role, tenant), or none when
 * the row says why it changes no state. A new route or command without a row fails the build, naming it.
 */
@Timeout(300)
class AuditCoverageTest {

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static String actor; // the appliance's local admin token (run/cli.token), as principals name it
    private static final String ROLE = "admin";
    private static final TenantId TENANT = TenantId.of("customer");
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final AtomicLong BUNDLE_VERSION = new AtomicLong();
    private static final String CONSOLE_USER = "cov-console";
    private static final String CONSOLE_PASSWORD = "coverage password 1";
    private static final String PASSWORD_USER = "cov-changes-password";
    private static final String CONSOLE_ADMIN = "cov-console-admin";
    private static ConsoleBrowser consoleAdmin;

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;
    static Path contentTree;
    static Path keys;
    static Path roots;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A real request: method, path, bearer token (or null), content type, body and further headers (cookies, CSRF). */
    record Call(String method, String path, String token, String contentType, byte[] body, Map<String, String> headers) {
        Call(String method, String path, String token, String contentType, byte[] body) {
            this(method, path, token, contentType, body, Map.of());
        }

        static Call json(String method, String path, String json) {
            return new Call(method, path, vigil.adminToken, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        /** A console form post: no token, the browser's cookies, a URL-encoded body. */
        static Call form(String path, ConsoleBrowser browser, Map<String, String> fields) {
            StringBuilder cookie = new StringBuilder();
            browser.cookies.forEach((k, v) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            return new Call("POST", path, null, "application/x-www-form-urlencoded",
                    ConsoleBrowser.form(fields).getBytes(StandardCharsets.UTF_8), Map.of("Cookie", cookie.toString()));
        }
    }

    /**
     * What a route must do to the trail: {@code entries} entries of {@code action}, or none ({@code action} null) for
     * {@code why}; written by {@code actor} with {@code role} (null: the local admin token).
     */
    record Expectation(String action, int entries, String why, Callable<Call> scenario, String actor, String role,
                       Set<String> also) {
        Expectation(String action, int entries, String why, Callable<Call> scenario, String actor, String role) {
            this(action, entries, why, scenario, actor, role, Set.of());
        }

        static Expectation audited(String action, Callable<Call> scenario) {
            return new Expectation(action, 1, null, scenario, null, null);
        }

        static Expectation audited(String action, int entries, Callable<Call> scenario) {
            return new Expectation(action, entries, null, scenario, null, null);
        }

        /**
         * One entry of {@code action} by the caller, alongside entries of the {@code also} actions that the same change
         * implies (alias moves, data uses recorded by the model that used the data).
         */
        static Expectation auditedWith(String action, Set<String> also, Callable<Call> scenario) {
            return new Expectation(action, 1, null, scenario, null, null, also);
        }

        /** Audited as a console user rather than the local admin token. */
        static Expectation auditedAs(String action, String actor, String role, Callable<Call> scenario) {
            return new Expectation(action, 1, null, scenario, actor, role);
        }

        static Expectation none(String why, Callable<Call> scenario) {
            return new Expectation(null, 0, why, scenario, null, null);
        }
    }

    /** What a CLI command does to the appliance's state: the routes it calls, or why it changes nothing there. */
    record CliUse(List<String> routes, String offlineReason) {
        static CliUse calls(String... routes) {
            return new CliUse(List.of(routes), null);
        }

        static CliUse offline(String reason) {
            return new CliUse(List.of(), reason);
        }
    }

    /** Every state-changing route (method + URI template, as the router spells it) and its scenario. */
    static Map<String, Expectation> routeTable() {
        Map<String, Expectation> t = new LinkedHashMap<>();
        t.put("POST /api/v1/tokens", Expectation.audited("token.create",
                () -> Call.json("POST", "/api/v1/tokens", "{\"name\":\"cov-" + next() + "\",\"scope\":\"READ\"}")));
        t.put("DELETE /api/v1/tokens/{name}", Expectation.audited("token.revoke", () -> {
            String name = "cov-" + next();
            expectOk(send(Call.json("POST", "/api/v1/tokens", "{\"name\":\"" + name + "\",\"scope\":\"READ\"}")));
            return new Call("DELETE", "/api/v1/tokens/" + name, vigil.adminToken, null, null);
        }));
        t.put("POST /api/v1/users", Expectation.audited("user.add",
                () -> Call.json("POST", "/api/v1/users", "{\"username\":\"cov-" + next() + "\",\"role\":\"auditor\"}")));
        t.put("POST /api/v1/users/{username}/password", Expectation.audited("user.passwd",
                () -> Call.json("POST", "/api/v1/users/" + consoleUser() + "/password", "{}")));
        t.put("POST /api/v1/users/{username}/role", Expectation.audited("user.role",
                () -> Call.json("POST", "/api/v1/users/" + consoleUser() + "/role", "{\"role\":\"auditor\"}")));
        t.put("POST /api/v1/users/{username}/disable", Expectation.audited("user.disable",
                () -> Call.json("POST", "/api/v1/users/" + consoleUser() + "/disable", "{}")));
        t.put("POST /api/v1/users/{username}/enable", Expectation.audited("user.enable", () -> {
            String name = consoleUser();
            expectOk(send(Call.json("POST", "/api/v1/users/" + name + "/disable", "{}")));
            return Call.json("POST", "/api/v1/users/" + name + "/enable", "{}");
        }));
        t.put("POST /login", Expectation.auditedAs("user.login", CONSOLE_USER, "analyst", () -> {
            ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
            String csrf = ConsoleBrowser.formCsrf(browser.get("/login", "text/html").body());
            return Call.form("/login", browser, Map.of("username", CONSOLE_USER, "password", CONSOLE_PASSWORD, "_csrf", csrf));
        }));
        t.put("POST /logout", Expectation.auditedAs("user.logout", CONSOLE_USER, "analyst", () -> {
            ConsoleBrowser browser = signedInConsoleUser();
            return Call.form("/logout", browser, Map.of("_csrf", browser.sessionCsrf()));
        }));
        t.put("POST /account/password", Expectation.auditedAs("user.passwd", PASSWORD_USER, "analyst", () -> {
            ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
            expectRedirect(browser.signIn(PASSWORD_USER, CONSOLE_PASSWORD));
            String replacement = "changed password " + next();
            return Call.form("/account/password", browser, Map.of("_csrf", browser.sessionCsrf(), "current",
                    CONSOLE_PASSWORD, "password", replacement, "confirm", replacement));
        }));
        t.put("POST /api/v1/rules", Expectation.audited("rules.add",
                () -> Call.json("POST", "/api/v1/rules", addRuleBody("cov/add-" + next() + ".yml", ruleId()))));
        t.put("POST /api/v1/rules/import", Expectation.audited("rules.import", () -> {
            Path dir = Files.createDirectories(tmp.resolve("import-" + next()));
            Files.writeString(dir.resolve("a.yml"), rule(ruleId()));
            Files.writeString(dir.resolve("b.yml"), rule(ruleId()));
            return Call.json("POST", "/api/v1/rules/import", "{\"directory\":\"" + dir.toAbsolutePath() + "\"}");
        }));
        t.put("DELETE /api/v1/rules/{id}", Expectation.audited("rules.remove", () -> {
            String id = addedRule();
            return new Call("DELETE", "/api/v1/rules/" + id, vigil.adminToken, null, null);
        }));
        t.put("POST /api/v1/rules/{id}/disable", Expectation.audited("rule.disable",
                () -> Call.json("POST", "/api/v1/rules/" + addedRule() + "/disable", "{\"reason\":\"coverage\"}")));
        t.put("POST /api/v1/rules/{id}/enable", Expectation.audited("rule.enable", () -> {
            String id = addedRule();
            expectOk(send(Call.json("POST", "/api/v1/rules/" + id + "/disable", "{\"reason\":\"coverage\"}")));
            return Call.json("POST", "/api/v1/rules/" + id + "/enable", "{\"reason\":\"coverage\"}");
        }));
        t.put("POST /api/v1/rules/test", Expectation.none("runs a rule over the given events; stores nothing",
                () -> Call.json("POST", "/api/v1/rules/test", "{\"yaml\":" + RunningAppliance.JSON.writeValueAsString(rule(ruleId()))
                        + ",\"events\":\"{\\\"EventID\\\":4625}\"}")));
        t.put("POST /api/v1/alerts/{id}/ack", Expectation.audited("alert.acknowledge",
                () -> Call.json("POST", "/api/v1/alerts/" + raiseAlert() + "/ack", "{}")));
        t.put("POST /api/v1/alerts/{id}/close", Expectation.audited("alert.close",
                () -> Call.json("POST", "/api/v1/alerts/" + raiseAlert() + "/close", "{\"verdict\":\"benign\",\"note\":\"coverage\"}")));
        t.put("POST /api/v1/alerts/bulk", Expectation.audited("alert.close", 2,
                () -> Call.json("POST", "/api/v1/alerts/bulk", "{\"action\":\"close\",\"verdict\":\"benign\",\"ids\":[\""
                        + raiseAlert() + "\",\"" + raiseAlert() + "\"]}")));
        t.put("POST /api/v1/incidents/{id}/close", Expectation.auditedWith("incident.close", Set.of("alert.close"),
                () -> Call.json("POST", "/api/v1/incidents/" + incidentOf(raiseAlert()) + "/close",
                        "{\"verdict\":\"benign\",\"note\":\"coverage\"}")));
        t.put("POST /api/v1/models/train", Expectation.auditedWith("model.train",
                Set.of("model.register", "model.alias", "model.reject", "data-use.record"), () -> {
                    judgedAlerts();
                    return Call.json("POST", "/api/v1/models/train", "{\"promote\":false}");
                }));
        t.put("POST /api/v1/models/{label}/promote", Expectation.auditedWith("model.promote", Set.of("model.alias"),
                () -> Call.json("POST", "/api/v1/models/" + trainedVersion() + "/promote",
                        "{\"reason\":\"coverage\",\"overrideGate\":true}")));
        t.put("POST /api/v1/models/rollback", Expectation.auditedWith("model.rollback", Set.of("model.alias"), () -> {
            expectOk(send(Call.json("POST", "/api/v1/models/" + trainedVersion() + "/promote",
                    "{\"reason\":\"coverage\",\"overrideGate\":true}")));
            return Call.json("POST", "/api/v1/models/rollback", "{\"reason\":\"coverage\"}");
        }));
        t.put("POST /api/v1/consent/{scope}/grant", Expectation.audited("consent.grant",
                () -> Call.json("POST", "/api/v1/consent/model-training/grant", "{\"reason\":\"coverage\"}")));
        t.put("POST /api/v1/consent/{scope}/withdraw", Expectation.audited("consent.withdraw",
                () -> Call.json("POST", "/api/v1/consent/fleet-sharing/withdraw", "{\"reason\":\"coverage\"}")));
        t.put("POST /api/v1/switches", Expectation.audited("switch.set",
                () -> Call.json("POST", "/api/v1/switches", "{\"feature\":\"triage-model\",\"state\":\"off\",\"reason\":\"coverage\"}")));
        t.put("POST /api/v1/switches/clear", Expectation.audited("switch.clear", () -> {
            expectOk(send(Call.json("POST", "/api/v1/switches", "{\"feature\":\"similar-alerts\",\"state\":\"off\",\"reason\":\"coverage\"}")));
            return Call.json("POST", "/api/v1/switches/clear", "{\"feature\":\"similar-alerts\",\"reason\":\"coverage\"}");
        }));
        t.put("POST /api/v1/switches/test", Expectation.none("a dry run: reports what a flip would do, changes nothing",
                () -> Call.json("POST", "/api/v1/switches/test", "{\"state\":\"off\",\"reason\":\"coverage\"}")));
        t.put("POST /api/v1/updates/verify", Expectation.none("checks a bundle's signatures and contents; installs nothing",
                () -> bundleCall("verify", BUNDLE_VERSION.get() + 1)));
        t.put("POST /api/v1/updates/apply", Expectation.audited("update.apply",
                () -> bundleCall("apply", BUNDLE_VERSION.incrementAndGet())));
        t.put("POST /api/v1/updates/rollback", Expectation.audited("update.rollback", () -> {
            expectOk(send(bundleCall("apply", BUNDLE_VERSION.incrementAndGet())));
            expectOk(send(bundleCall("apply", BUNDLE_VERSION.incrementAndGet())));
            return Call.json("POST", "/api/v1/updates/rollback", "{}");
        }));
        t.put("POST /api/v1/audit/verify", Expectation.none("verifies the trail and signs a checkpoint; checkpoints are not entries",
                () -> Call.json("POST", "/api/v1/audit/verify", "{}")));
        // console pages: their forms call the same services as the API, as the signed-in console admin
        t.put("POST /alerts/{id}/ack", page("alert.acknowledge", () -> pageForm("/alerts/" + raiseAlert() + "/ack", Map.of())));
        t.put("POST /alerts/{id}/close", page("alert.close", () -> pageForm("/alerts/" + raiseAlert() + "/close",
                Map.of("verdict", "benign_positive", "note", "coverage"))));
        t.put("POST /alerts/bulk", new Expectation("alert.close", 2, null, () -> pageFormRaw("/alerts/bulk",
                "action=close&verdict=fp&ids=" + raiseAlert() + "&ids=" + raiseAlert()), CONSOLE_ADMIN, "admin"));
        t.put("POST /rules/{id}/disable", page("rule.disable", () -> pageForm("/rules/" + addedRule() + "/disable",
                Map.of("reason", "coverage"))));
        t.put("POST /rules/{id}/enable", page("rule.enable", () -> {
            String id = addedRule();
            expectOk(send(Call.json("POST", "/api/v1/rules/" + id + "/disable", "{\"reason\":\"coverage\"}")));
            return pageForm("/rules/" + id + "/enable", Map.of());
        }));
        t.put("POST /rules/test", Expectation.none("runs a pasted rule over pasted events; stores nothing",
                () -> pageForm("/rules/test", Map.of("yaml", rule(ruleId()), "events", "{\"EventID\":4625}"))));
        t.put("POST /connectors/test", Expectation.none("parses pasted sample lines; stores nothing",
                () -> pageForm("/connectors/test", Map.of("connector", "generic-json", "sample", "{\"msg\":\"coverage\"}"))));
        t.put("POST /connectors/tokens", page("token.create",
                () -> pageForm("/connectors/tokens", Map.of("name", "cov-page-" + next(), "scope", "READ"))));
        t.put("POST /connectors/tokens/{name}/revoke", page("token.revoke", () -> {
            String name = "cov-page-" + next();
            expectOk(send(Call.json("POST", "/api/v1/tokens", "{\"name\":\"" + name + "\",\"scope\":\"READ\"}")));
            return pageForm("/connectors/tokens/" + name + "/revoke", Map.of());
        }));
        t.put("POST /audit/verify", Expectation.none("verifies the trail and signs a checkpoint; checkpoints are not entries",
                () -> pageForm("/audit/verify", Map.of())));
        t.put("POST /switches", page("switch.set", () -> pageForm("/switches", Map.of("feature", "anomaly-scoring",
                "scope", "tenant", "reason", "coverage", "action", "off"))));
        t.put("POST /updates/upload", page("update.apply", () -> pageUpload(BUNDLE_VERSION.incrementAndGet())));
        t.put("POST /updates/rollback", page("update.rollback", () -> {
            expectOk(send(bundleCall("apply", BUNDLE_VERSION.incrementAndGet())));
            expectOk(send(bundleCall("apply", BUNDLE_VERSION.incrementAndGet())));
            return pageForm("/updates/rollback", Map.of());
        }));
        t.put("POST /incidents/{id}/close", new Expectation("incident.close", 1, null,
                () -> pageForm("/incidents/" + incidentOf(raiseAlert()) + "/close", Map.of("verdict", "fp", "note", "coverage")),
                CONSOLE_ADMIN, "admin", Set.of("alert.close")));
        t.put("POST /models/train", new Expectation("model.train", 1, null, () -> {
            judgedAlerts();
            return pageForm("/models/train", Map.of("promote", "off"));
        }, CONSOLE_ADMIN, "admin", Set.of("model.register", "model.alias", "model.reject", "data-use.record")));
        t.put("POST /models/{label}/promote", new Expectation("model.promote", 1, null,
                () -> pageForm("/models/" + trainedVersion() + "/promote", Map.of("reason", "coverage", "overrideGate", "on")),
                CONSOLE_ADMIN, "admin", Set.of("model.alias")));
        t.put("POST /models/rollback", new Expectation("model.rollback", 1, null, () -> {
            expectOk(send(Call.json("POST", "/api/v1/models/" + trainedVersion() + "/promote",
                    "{\"reason\":\"coverage\",\"overrideGate\":true}")));
            return pageForm("/models/rollback", Map.of("reason", "coverage"));
        }, CONSOLE_ADMIN, "admin", Set.of("model.alias")));
        t.put("POST /consent/{scope}/grant", page("consent.grant",
                () -> pageForm("/consent/model-training/grant", Map.of("reason", "coverage"))));
        t.put("POST /consent/{scope}/withdraw", page("consent.withdraw",
                () -> pageForm("/consent/fleet-sharing/withdraw", Map.of("reason", "coverage"))));
        t.put("POST /api/v1/ingest", Expectation.none("ingest is event data, spooled and indexed, not appliance state",
                () -> new Call("POST", "/api/v1/ingest", vigil.ingestToken, "application/x-ndjson",
                        "{\"msg\":\"coverage\"}\n".getBytes(StandardCharsets.UTF_8))));
        t.put("POST /api/v1/ingest/records", Expectation.none("ingest is event data, not appliance state",
                () -> new Call("POST", "/api/v1/ingest/records", vigil.ingestToken, "application/json",
                        "{\"connector\":\"generic-json\",\"records\":[\"{\\\"msg\\\":\\\"coverage\\\"}\"]}".getBytes(StandardCharsets.UTF_8))));
        t.put("POST /services/collector/event{/version}", Expectation.none("Splunk HEC ingest: event data, not appliance state",
                () -> new Call("POST", "/services/collector/event", vigil.ingestToken, "application/json",
                        "{\"event\":{\"msg\":\"coverage\"}}".getBytes(StandardCharsets.UTF_8))));
        t.put("POST /services/collector/raw{/version}", Expectation.none("Splunk HEC raw ingest: event data, not appliance state",
                () -> new Call("POST", "/services/collector/raw", vigil.ingestToken, "application/octet-stream",
                        "Nov 23 10:00:00 host sshd[1]: coverage\n".getBytes(StandardCharsets.UTF_8))));
        return t;
    }

    /** Every leaf command of {@code vigil} (commands with sub-commands only dispatch) and its audit decision. */
    static Map<String, CliUse> cliTable() {
        Map<String, CliUse> t = new LinkedHashMap<>();
        String runs = "runs an appliance in this process; its state changes are audited by the routes and services it serves";
        t.put("vigil serve", CliUse.offline(runs));
        t.put("vigil demo", CliUse.offline(runs + " (on a throw-away data directory)"));
        t.put("vigil simulate", CliUse.offline("writes simulated log files; no appliance"));
        t.put("vigil status", CliUse.offline("read-only: GET /api/v1/status"));
        t.put("vigil search", CliUse.offline("read-only: GET /api/v1/search"));
        t.put("vigil ingest", CliUse.calls("POST /api/v1/ingest/records"));
        t.put("vigil rules list", CliUse.offline("read-only: GET /api/v1/rules"));
        t.put("vigil rules show", CliUse.offline("read-only: GET /api/v1/rules/{id}"));
        t.put("vigil rules enable", CliUse.calls("POST /api/v1/rules/{id}/enable"));
        t.put("vigil rules disable", CliUse.calls("POST /api/v1/rules/{id}/disable"));
        t.put("vigil rules add", CliUse.calls("POST /api/v1/rules"));
        t.put("vigil rules import", CliUse.calls("POST /api/v1/rules/import"));
        t.put("vigil rules remove", CliUse.calls("DELETE /api/v1/rules/{id}"));
        t.put("vigil rules lint", CliUse.offline("checks files locally; no appliance"));
        t.put("vigil rules test", CliUse.offline("runs rules over a file locally; no appliance"));
        t.put("vigil alerts list", CliUse.offline("read-only: GET /api/v1/alerts"));
        t.put("vigil alerts show", CliUse.offline("read-only: GET /api/v1/alerts/{id} and /api/v1/alerts/{id}/similar"));
        t.put("vigil alerts similar", CliUse.offline("read-only: GET /api/v1/alerts/{id}/similar"));
        t.put("vigil alerts ack", CliUse.calls("POST /api/v1/alerts/bulk"));
        t.put("vigil alerts close", CliUse.calls("POST /api/v1/alerts/bulk"));
        t.put("vigil verdict", CliUse.calls("POST /api/v1/alerts/bulk"));
        t.put("vigil connectors list", CliUse.offline("reads the connector definitions locally"));
        t.put("vigil connectors test", CliUse.offline("parses a file with a connector locally"));
        t.put("vigil tokens list", CliUse.offline("read-only: GET /api/v1/tokens"));
        t.put("vigil users list", CliUse.offline("read-only: GET /api/v1/users"));
        t.put("vigil users add", CliUse.calls("POST /api/v1/users"));
        t.put("vigil users passwd", CliUse.calls("POST /api/v1/users/{username}/password"));
        t.put("vigil users role", CliUse.calls("POST /api/v1/users/{username}/role"));
        t.put("vigil users disable", CliUse.calls("POST /api/v1/users/{username}/disable"));
        t.put("vigil users enable", CliUse.calls("POST /api/v1/users/{username}/enable"));
        t.put("vigil tls fingerprint", CliUse.offline("reads the fingerprint file under the data directory"));
        t.put("vigil tokens create", CliUse.calls("POST /api/v1/tokens"));
        t.put("vigil tokens revoke", CliUse.calls("DELETE /api/v1/tokens/{name}"));
        t.put("vigil audit log", CliUse.offline("read-only: GET /api/v1/audit"));
        t.put("vigil audit verify", CliUse.calls("POST /api/v1/audit/verify"));
        t.put("vigil audit export", CliUse.calls("POST /api/v1/audit/verify"));
        t.put("vigil audit key", CliUse.offline("read-only: GET /api/v1/audit/key"));
        t.put("vigil audit checkpoint", CliUse.offline("read-only: GET /api/v1/audit/checkpoint"));
        t.put("vigil audit report", CliUse.offline("read-only: GET /api/v1/audit/report (signs a checkpoint, which is not a state change of any object)"));
        t.put("vigil audit verify-report", CliUse.offline("verifies a report file locally; no appliance"));
        t.put("vigil model train", CliUse.calls("POST /api/v1/models/train")); // --factory: offline, local files
        t.put("vigil incidents list", CliUse.offline("read-only: GET /api/v1/incidents"));
        t.put("vigil incidents show", CliUse.offline("read-only: GET /api/v1/incidents/{id}"));
        t.put("vigil incidents close", CliUse.calls("POST /api/v1/incidents/{id}/close"));
        t.put("vigil model list", CliUse.offline("read-only: GET /api/v1/models"));
        t.put("vigil model show", CliUse.offline("read-only: GET /api/v1/models/{label}"));
        t.put("vigil model lineage", CliUse.offline("read-only: GET /api/v1/models/{label}/lineage"));
        t.put("vigil model evaluate", CliUse.offline("read-only: GET /api/v1/models/{label}/evaluation; --scenario runs offline"));
        t.put("vigil model promote", CliUse.calls("POST /api/v1/models/{label}/promote"));
        t.put("vigil model rollback", CliUse.calls("POST /api/v1/models/rollback"));
        t.put("vigil witness serve", CliUse.offline("a witness for another host's log; not this appliance's state"));
        t.put("vigil update verify", CliUse.calls("POST /api/v1/updates/verify"));
        t.put("vigil update apply", CliUse.calls("POST /api/v1/updates/apply"));
        t.put("vigil update history", CliUse.offline("read-only: GET /api/v1/updates/history"));
        t.put("vigil update rollback", CliUse.calls("POST /api/v1/updates/rollback"));
        String vendor = "vendor side: writes keys, roots and bundles to files; no appliance";
        t.put("vigil bundle keygen", CliUse.offline(vendor));
        t.put("vigil bundle root", CliUse.offline(vendor));
        t.put("vigil bundle sign", CliUse.offline(vendor));
        t.put("vigil bundle build", CliUse.offline(vendor));
        t.put("vigil switch list", CliUse.offline("read-only: GET /api/v1/switches"));
        t.put("vigil switch set", CliUse.calls("POST /api/v1/switches"));
        t.put("vigil switch clear", CliUse.calls("POST /api/v1/switches/clear"));
        t.put("vigil switch test", CliUse.calls("POST /api/v1/switches/test"));
        t.put("vigil consent show", CliUse.offline("read-only: GET /api/v1/consent"));
        t.put("vigil consent grant", CliUse.calls("POST /api/v1/consent/{scope}/grant"));
        t.put("vigil consent withdraw", CliUse.calls("POST /api/v1/consent/{scope}/withdraw"));
        t.put("vigil data-use", CliUse.offline("read-only: GET /api/v1/data-use"));
        t.put("vigil fleet status", CliUse.offline("read-only: GET /api/v1/fleet/status"));
        t.put("vigil fleet received", CliUse.offline("read-only: GET /api/v1/fleet/received"));
        t.put("vigil fleet export", CliUse.offline("read-only: GET /api/v1/fleet/export; writes the bundle to a local file"));
        t.put("vigil help", CliUse.offline("prints usage"));
        return t;
    }

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of("vigil.audit.checkpoint-interval", "1h"));
        JsonNode tokens = json(vigil.get("/api/v1/tokens", "Bearer " + vigil.adminToken));
        for (JsonNode t : tokens) {
            if (t.path("scope").asText().equals("ADMIN") && t.path("name").asText().startsWith("cli")) {
                actor = "token:" + t.path("name").asText();
            }
        }
        assertTrue(actor != null, "the local admin token is listed: " + tokens);
        vigil.context.getBean(Users.class).add(TENANT, CONSOLE_USER, UserRole.ANALYST, CONSOLE_PASSWORD, "test", "test");
        vigil.context.getBean(Users.class).add(TENANT, PASSWORD_USER, UserRole.ANALYST, CONSOLE_PASSWORD, "test", "test");
        // a vendor's keys and first root, made with the CLI so the metadata is fresh whatever the date
        keys = tmp.resolve("keys");
        for (String k : new String[]{"root", "targets", "snapshot", "timestamp"}) {
            assertEquals(0, VigilCommand.execute("bundle", "keygen", k, "--dir", keys.toString()));
        }
        roots = tmp.resolve("roots");
        assertEquals(0, VigilCommand.execute("bundle", "root", "--version", "1", "--root", keys.resolve("root.pub").toString(),
                "--targets", keys.resolve("targets.pub").toString(), "--snapshot", keys.resolve("snapshot.pub").toString(),
                "--timestamp", keys.resolve("timestamp.pub").toString(), "--out", roots.toString()));
        assertEquals(0, VigilCommand.execute("bundle", "sign", roots.resolve("1.root.json").toString(), "--key",
                keys.resolve("root.key").toString()));
        Files.createDirectories(vigil.dataDir.resolve("content"));
        Files.copy(roots.resolve("1.root.json"), vigil.dataDir.resolve("content/root.json"));
        contentTree = new ContentFixture(tmp.resolve("vendor")).content("content", ContentFixture.RULE);
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    @Test
    void everyStateChangingRouteHasAnAuditDecisionAndNoRowIsStale() {
        Set<String> routes = stateChangingRoutes();
        Set<String> table = routeTable().keySet();
        Set<String> uncovered = new TreeSet<>(routes);
        uncovered.removeAll(table);
        Set<String> stale = new TreeSet<>(table);
        stale.removeAll(routes);
        assertTrue(uncovered.isEmpty(), "state-changing routes without an audit decision in AuditCoverageTest.routeTable(): "
                + uncovered + " — add a row: the audit action it must write, or why it writes none");
        assertTrue(stale.isEmpty(), "rows for routes the appliance no longer has: " + stale);
    }

    @Test
    void everyRouteWritesExactlyTheAuditEntriesItsRowDeclares() throws Exception {
        AuditTrail trail = vigil.context.getBean(AuditTrail.class);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Expectation> row : routeTable().entrySet()) {
            Expectation e = row.getValue();
            Call call = e.scenario().call();
            assertEquals(row.getKey().substring(0, row.getKey().indexOf(' ')), call.method(), "scenario of " + row.getKey());
            long before = trail.size();
            HttpResponse<String> response = send(call);
            List<AuditEntry> written = trail.entries(x -> x.sequence() > before, 1000);
            if (response.statusCode() / 100 != 2 && response.statusCode() != 303) {
                failures.add(row.getKey() + ": answered " + response.statusCode() + " " + response.body());
                continue;
            }
            List<String> actions = written.stream().map(AuditEntry::action).toList();
            if (e.action() == null) {
                if (!written.isEmpty()) {
                    failures.add(row.getKey() + ": declared to write no entry (" + e.why() + ") but wrote " + actions);
                }
                continue;
            }
            long main = actions.stream().filter(e.action()::equals).count();
            if (main != e.entries() || !actions.stream().allMatch(a -> a.equals(e.action()) || e.also().contains(a))) {
                failures.add(row.getKey() + ": expected " + e.entries() + " × " + e.action()
                        + (e.also().isEmpty() ? "" : " with any of " + e.also()) + ", wrote " + actions);
                continue;
            }
            String wantActor = e.actor() != null ? e.actor() : actor;
            String wantRole = e.role() != null ? e.role() : ROLE;
            for (AuditEntry entry : written) {
                if (!entry.action().equals(e.action()) && entry.action().startsWith("data-use.")) {
                    continue; // recorded by the model that used the data, not by the caller
                }
                if (!entry.actor().equals(wantActor) || !entry.role().equals(wantRole) || !entry.tenant().equals(TENANT)) {
                    failures.add(row.getKey() + ": entry " + entry.sequence() + " has actor/role/tenant " + entry.actor()
                            + "/" + entry.role() + "/" + entry.tenant().value() + ", expected " + wantActor + "/" + wantRole
                            + "/" + TENANT.value());
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " route(s) do not audit as declared:\n  " + String.join("\n  ", failures));
        }
    }

    @Test
    void everyCliCommandIsClassifiedAndCallsOnlyKnownRoutes() {
        Map<String, CliUse> table = cliTable();
        Set<String> routes = routeTable().keySet();
        Map<String, CommandLine> leaves = new LinkedHashMap<>();
        collectLeaves(new CommandLine(new VigilCommand()), leaves);
        Set<String> unclassified = new TreeSet<>(leaves.keySet());
        unclassified.removeAll(table.keySet());
        Set<String> stale = new TreeSet<>(table.keySet());
        stale.removeAll(leaves.keySet());
        assertTrue(unclassified.isEmpty(), "CLI commands without an audit classification in AuditCoverageTest.cliTable(): "
                + unclassified + " — say which route(s) it calls, or why it is offline / read-only");
        assertTrue(stale.isEmpty(), "rows for CLI commands that no longer exist: " + stale);
        for (Map.Entry<String, CliUse> row : table.entrySet()) {
            for (String route : row.getValue().routes()) {
                assertTrue(routes.contains(route), row.getKey() + " is said to call " + route + ", which has no route row");
            }
            assertTrue(!row.getValue().routes().isEmpty() || !row.getValue().offlineReason().isBlank(), row.getKey());
        }
    }

    @Test
    void stateChangingCliCommandsWriteTheirRoutesEntries() throws Exception {
        AuditTrail trail = vigil.context.getBean(AuditTrail.class);
        String data = vigil.dataDir.toString();
        String name = "cli-cov-" + next();
        assertCli(trail, "token.create", "tokens", "create", name, "--scope", "READ", "--data-dir", data);
        assertCli(trail, "token.revoke", "tokens", "revoke", name, "--data-dir", data);
        Path rule = tmp.resolve("cli-rule-" + next() + ".yml");
        String id = ruleId();
        Files.writeString(rule, rule(id));
        assertCli(trail, "rules.add", "rules", "add", rule.toString(), "--name", "cov/" + rule.getFileName(), "--data-dir", data);
        assertCli(trail, "rule.disable", "rules", "disable", id, "--reason", "coverage", "--data-dir", data);
        assertCli(trail, "switch.set", "switch", "set", "off", "--feature", "anomaly-scoring", "--reason", "coverage", "--data-dir", data);
        assertCli(trail, null, "switch", "test", "on", "--feature", "anomaly-scoring", "--reason", "coverage", "--data-dir", data);
    }

    private static void assertCli(AuditTrail trail, String action, String... args) {
        long before = trail.size();
        assertEquals(0, VigilCommand.execute(args), "vigil " + String.join(" ", args));
        List<AuditEntry> written = trail.entries(x -> x.sequence() > before, 100);
        String command = "vigil " + String.join(" ", args);
        if (action == null) {
            assertEquals(List.of(), written.stream().map(AuditEntry::action).toList(), command + " must write no entry");
            return;
        }
        assertEquals(List.of(action), written.stream().map(AuditEntry::action).toList(), command);
        AuditEntry e = written.getFirst();
        assertEquals(List.of(actor, ROLE, TENANT), List.of(e.actor(), e.role(), e.tenant()), command + ": actor, role, tenant");
    }

    private static void collectLeaves(CommandLine command, Map<String, CommandLine> leaves) {
        String path = command.getCommandSpec().qualifiedName();
        if (command.getSubcommands().isEmpty()) {
            leaves.put(path, command);
            return;
        }
        Object user = command.getCommand();
        if (!(user instanceof VigilCommand)) {
            assertTrue(!(user instanceof Runnable) && !(user instanceof Callable<?>),
                    path + " has sub-commands and runs something itself: classify it too");
        }
        for (CommandLine sub : new java.util.LinkedHashSet<>(command.getSubcommands().values())) {
            collectLeaves(sub, leaves);
        }
    }

    private static Set<String> stateChangingRoutes() {
        Router router = vigil.context.getBean(Router.class);
        Set<String> routes = new TreeSet<>();
        router.uriRoutes().filter(r -> STATE_CHANGING.contains(r.getHttpMethod()))
                .forEach(r -> routes.add(r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString()));
        return routes;
    }

    private static HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(vigil.base.resolve(URI.create(call.path())))
                .timeout(Duration.ofSeconds(60)).method(call.method(), body);
        if (call.token() != null) {
            b.header("Authorization", "Bearer " + call.token());
        }
        call.headers().forEach(b::header);
        if (call.contentType() != null) {
            b.header("Content-Type", call.contentType());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expectOk(HttpResponse<String> response) {
        assertEquals(2, response.statusCode() / 100, "scenario set-up failed: " + response.statusCode() + " " + response.body());
    }

    private static Call bundleCall(String action, long version) throws Exception {
        Path bundle = tmp.resolve("vigil-content-" + version + ".zip");
        if (!Files.exists(bundle)) {
            assertEquals(0, VigilCommand.execute("bundle", "build", "--content", contentTree.toString(), "--roots",
                    roots.toString(), "--version", Long.toString(version), "--key", keys.resolve("targets.key").toString(),
                    "--key", keys.resolve("snapshot.key").toString(), "--key", keys.resolve("timestamp.key").toString(),
                    "--out", bundle.toString()));
        }
        return new Call("POST", "/api/v1/updates/" + action, vigil.adminToken, "application/octet-stream",
                Files.readAllBytes(bundle));
    }

    /** A console page's form post, audited as the console admin. */
    private static Expectation page(String action, Callable<Call> scenario) {
        return Expectation.auditedAs(action, CONSOLE_ADMIN, "admin", scenario);
    }

    /** The console admin's browser, signed in with the one-time password already replaced. */
    private static synchronized ConsoleBrowser consoleAdmin() throws Exception {
        if (consoleAdmin == null) {
            vigil.context.getBean(Users.class).add(TENANT, CONSOLE_ADMIN, UserRole.ADMIN, CONSOLE_PASSWORD, "test", "test");
            ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
            expectRedirect(browser.signIn(CONSOLE_ADMIN, CONSOLE_PASSWORD));
            expectRedirect(browser.changePassword(CONSOLE_PASSWORD, CONSOLE_PASSWORD + " changed"));
            consoleAdmin = browser;
        }
        return consoleAdmin;
    }

    private static Call pageForm(String path, Map<String, String> fields) throws Exception {
        ConsoleBrowser browser = consoleAdmin();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", browser.sessionCsrf());
        return Call.form(path, browser, all);
    }

    /** A form post with a hand-written body (repeated fields), plus the CSRF token. */
    private static Call pageFormRaw(String path, String body) throws Exception {
        ConsoleBrowser browser = consoleAdmin();
        Call form = Call.form(path, browser, Map.of("_csrf", browser.sessionCsrf()));
        return new Call("POST", path, null, form.contentType(),
                (new String(form.body(), StandardCharsets.UTF_8) + "&" + body).getBytes(StandardCharsets.UTF_8), form.headers());
    }

    /** The updates page's multipart upload of a bundle with action=apply. */
    private static Call pageUpload(long version) throws Exception {
        byte[] bundle = bundleCall("apply", version).body();
        ConsoleBrowser browser = consoleAdmin();
        Call form = Call.form("/updates/upload", browser, Map.of());
        String boundary = "----vigil-coverage-" + next();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + browser.sessionCsrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\napply\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"bundle.zip\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bundle);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Call("POST", "/updates/upload", null, "multipart/form-data; boundary=" + boundary, body.toByteArray(),
                form.headers());
    }

    /** Adds a console analyst through the service (set-up, not the audited call) and returns the name. */
    private static String consoleUser() {
        String name = "cov-user-" + next();
        vigil.context.getBean(Users.class).add(TENANT, name, UserRole.ANALYST, CONSOLE_PASSWORD, "test", "test");
        return name;
    }

    /** A browser signed in as {@link #CONSOLE_USER}, whose password is still the one-time one. */
    private static ConsoleBrowser signedInConsoleUser() throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
        expectRedirect(browser.signIn(CONSOLE_USER, CONSOLE_PASSWORD));
        return browser;
    }

    private static void expectRedirect(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), "scenario set-up failed: " + response.body());
    }

    /** The incident grouping put an alert into. */
    private static String incidentOf(String alertId) {
        return vigil.context.getBean(dev.vigil.analyst.incident.IncidentService.class).ofAlert(TENANT, alertId)
                .orElseThrow(() -> new AssertionError("alert " + alertId + " was not grouped into an incident")).id();
    }

    private static boolean judged;

    /** Enough scored alerts with verdicts, given under model-training consent, to train a challenger (once). */
    private static synchronized void judgedAlerts() {
        if (judged) {
            return;
        }
        judged = true;
        vigil.context.getBean(dev.vigil.fleet.ConsentService.class).grant(TENANT, dev.vigil.fleet.ConsentScope.MODEL_TRAINING,
                "coverage", "coverage", "admin");
        AlertService alerts = vigil.context.getBean(AlertService.class);
        dev.vigil.analyst.triage.TriageService triage = vigil.context.getBean(dev.vigil.analyst.triage.TriageService.class);
        for (int i = 0; i < 40; i++) {
            Instant now = Instant.now();
            boolean tp = i % 3 == 0;
            var a = alerts.record(new AlertCandidate(TENANT, tp ? "coverage-tp" : "coverage-fp", "Coverage",
                    tp ? RuleLevel.HIGH : RuleLevel.LOW, List.of(), AlertKind.DETECTION, now, now, List.of(), List.of(),
                    "group-" + next()));
            triage.triage(TENANT, a);
            alerts.close(TENANT, a.id(), tp ? dev.vigil.detect.alert.Verdict.TRUE_POSITIVE
                    : dev.vigil.detect.alert.Verdict.FALSE_POSITIVE, "coverage", "coverage", "analyst");
        }
    }

    /** A newly trained, unpromoted challenger's label. */
    private static String trainedVersion() throws Exception {
        judgedAlerts();
        HttpResponse<String> r = send(Call.json("POST", "/api/v1/models/train", "{\"promote\":false}"));
        expectOk(r);
        return RunningAppliance.JSON.readTree(r.body()).path("version").path("label").asText();
    }

    private static String raiseAlert() {
        Instant now = Instant.now();
        return vigil.context.getBean(AlertService.class).record(new AlertCandidate(TENANT, "coverage-rule", "Coverage",
                RuleLevel.HIGH, List.of(), AlertKind.DETECTION, now, now, List.of(), List.of(), "group-" + next())).id();
    }

    /** Adds a rule file with one rule and returns the rule's id. */
    private static String addedRule() throws Exception {
        String id = ruleId();
        expectOk(send(Call.json("POST", "/api/v1/rules", addRuleBody("cov/r-" + next() + ".yml", id))));
        return id;
    }

    private static String addRuleBody(String name, String id) throws Exception {
        return "{\"name\":\"" + name + "\",\"yaml\":" + RunningAppliance.JSON.writeValueAsString(rule(id)) + "}";
    }

    private static String rule(String id) {
        return "title: Coverage " + id + "\nid: " + id + "\nlogsource: {product: windows, service: security}\n"
                + "detection:\n  selection: {EventID: 4625}\n  condition: selection\n";
    }

    private static String ruleId() {
        return java.util.UUID.randomUUID().toString();
    }

    private static int next() {
        return UNIQUE.incrementAndGet();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return RunningAppliance.JSON.readTree(r.body());
    }
}
