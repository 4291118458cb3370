package dev.vigil.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.appliance.FirstStart;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.cli.VigilCommand;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.tenancy.TenantId;
import dev.vigil.tenancy.TenantKind;
import dev.vigil.tenancy.TenantRegistry;
import dev.vigil.tenancy.users.UserRole;
import dev.vigil.tenancy.users.Users;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's security, against a real appliance over real sockets with a real H2 file: sign-in, lockout, forced
 * password change, cookies, CSRF, roles, tenant isolation, and that no route answers without a session or token.
 */
@Timeout(300)
class ConsoleSecurityTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String FINAL_PASSWORD = "correct horse battery staple";

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    /** Adds a user through the admin API and returns their one-time password. */
    private static String addUser(String name, String role) throws Exception {
        HttpResponse<String> r = vigil.post("/api/v1/users", "Bearer " + vigil.adminToken, "application/json",
                "{\"username\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return RunningAppliance.JSON.readTree(r.body()).path("oneTimePassword").asText();
    }

    /** A browser signed in as a new user of the role who has already replaced the one-time password. */
    private static ConsoleBrowser signedIn(String role) throws Exception {
        String name = role + "-" + UNIQUE.incrementAndGet();
        String oneTime = addUser(name, role);
        ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
        assertEquals(303, browser.signIn(name, oneTime).statusCode());
        assertEquals(303, browser.changePassword(oneTime, FINAL_PASSWORD).statusCode());
        return browser;
    }

    /** A new analyst signed in with their one-time password, not yet changed. */
    record Pending(String name, String oneTime, ConsoleBrowser browser, HttpResponse<String> signIn) {
    }

    private static Pending pendingAnalyst(String prefix) throws Exception {
        String name = prefix + UNIQUE.incrementAndGet();
        String oneTime = addUser(name, "analyst");
        ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
        return new Pending(name, oneTime, browser, browser.signIn(name, oneTime));
    }

    /** Five failed sign-ins for a name; returns the last answer. */
    private static HttpResponse<String> failFiveTimes(String name) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = new ConsoleBrowser(vigil.base).signIn(name, "wrong password " + i);
        }
        return last;
    }

    private static List<AuditEntry> entriesAfter(long before) {
        return vigil.context.getBean(AuditTrail.class).entries(e -> e.sequence() > before, 1000);
    }

    @Test
    void firstStartCreatesTheAdminWithAOneTimePasswordThatMustBeChangedFirst() throws Exception {
        String oneTime = vigil.context.getBean(FirstStart.class).oneTimeAdminPassword().orElseThrow();
        ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
        HttpResponse<String> r = browser.signIn(Users.FIRST_ADMIN, oneTime);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/account/password", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void signingInSetsAnHttpOnlySecureSameSiteStrictSessionCookie() throws Exception {
        String name = "cookie-" + UNIQUE.incrementAndGet();
        String oneTime = addUser(name, "auditor");
        ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
        HttpResponse<String> r = browser.signIn(name, oneTime);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("VIGIL_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + r.headers().map()));
        String lower = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("httponly") && lower.contains("secure") && lower.contains("samesite=strict")
                && lower.contains("path=/"), cookie);
        assertTrue(cookie.split(";")[0].length() >= "VIGIL_SESSION=".length() + 43, "a 256-bit secret: " + cookie);
    }

    @Test
    void aSignedInUserReachesTheApiWithTheSameRoleChecksAsTokens() throws Exception {
        ConsoleBrowser auditor = signedIn("auditor");
        assertEquals(200, auditor.get("/api/v1/status", "application/json").statusCode());
        assertEquals(403, auditor.get("/api/v1/tokens", "application/json").statusCode());
    }

    @Test
    void aWrongPasswordIsRefusedWithTheSameMessageAsAnUnknownUser() throws Exception {
        String name = "wrong-" + UNIQUE.incrementAndGet();
        addUser(name, "analyst");
        HttpResponse<String> wrong = new ConsoleBrowser(vigil.base).signIn(name, "not the password at all");
        HttpResponse<String> unknown = new ConsoleBrowser(vigil.base).signIn("nobody-" + name, "not the password at all");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertTrue(wrong.body().contains("Wrong user name or password."), wrong.body());
        assertTrue(unknown.body().contains("Wrong user name or password."), unknown.body());
        assertFalse(wrong.headers().firstValue("Set-Cookie").orElse("").startsWith("VIGIL_SESSION="));
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPasswordAndAreAudited() throws Exception {
        String name = "lock-" + UNIQUE.incrementAndGet();
        String oneTime = addUser(name, "analyst");
        long before = vigil.context.getBean(AuditTrail.class).size();
        HttpResponse<String> last = failFiveTimes(name);
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.body().contains("Try again after"), last.body());
        HttpResponse<String> right = new ConsoleBrowser(vigil.base).signIn(name, oneTime);
        assertEquals(429, right.statusCode(), "locked even with the right password: " + right.body());
        List<String> actions = entriesAfter(before).stream().map(AuditEntry::action).toList();
        assertEquals(5, actions.stream().filter("user.login-failed"::equals).count(), actions.toString());
        assertEquals(1, actions.stream().filter("user.locked"::equals).count(), actions.toString());
    }

    @Test
    void parallelGuessesCannotSlipPastTheLockout() throws Exception {
        String name = "parallel-" + UNIQUE.incrementAndGet();
        addUser(name, "analyst");
        long before = vigil.context.getBean(AuditTrail.class).size();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(12)) {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                answers.add(pool.submit(() -> new ConsoleBrowser(vigil.base).signIn(name, "parallel guess " + n)));
            }
            for (var a : answers) {
                a.get();
            }
        }
        List<String> actions = entriesAfter(before).stream().filter(e -> e.actor().equals(name)).map(AuditEntry::action).toList();
        assertEquals(5, actions.stream().filter("user.login-failed"::equals).count(), actions.toString());
        assertEquals(1, actions.stream().filter("user.locked"::equals).count(), actions.toString());
    }

    @Test
    void anUnknownUserNameLocksTheSameWayAsAKnownOne() throws Exception {
        HttpResponse<String> last = failFiveTimes("ghost-" + UNIQUE.incrementAndGet());
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.body().contains("Try again after"), last.body());
    }

    @Test
    void aOneTimePasswordSendsEveryPageToThePasswordChangeAndRefusesTheApi() throws Exception {
        Pending p = pendingAnalyst("forced-");
        ConsoleBrowser browser = p.browser();
        assertEquals("/account/password", p.signIn().headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = browser.get("/alerts", "text/html");
        assertEquals(303, page.statusCode());
        assertEquals("/account/password", page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> api = browser.get("/api/v1/alerts", "application/json");
        assertEquals(403, api.statusCode());
        assertTrue(api.body().contains("password"), api.body());
    }

    @Test
    void changingTheOneTimePasswordOpensTheConsoleAndIsAudited() throws Exception {
        Pending p = pendingAnalyst("change-");
        ConsoleBrowser browser = p.browser();
        long before = vigil.context.getBean(AuditTrail.class).size();
        HttpResponse<String> changed = browser.changePassword(p.oneTime(), FINAL_PASSWORD);
        assertEquals(303, changed.statusCode(), changed.body());
        assertEquals(200, browser.get("/api/v1/alerts", "application/json").statusCode());
        AuditEntry entry = entriesAfter(before).getFirst();
        assertEquals(List.of("user.passwd", p.name(), "analyst"), List.of(entry.action(), entry.actor(), entry.role()));
    }

    @Test
    void aPasswordBreakingThePolicyIsRefusedWithTheReason() throws Exception {
        Pending p = pendingAnalyst("policy-long-name-");
        HttpResponse<String> tooShort = p.browser().changePassword(p.oneTime(), "short");
        assertEquals(400, tooShort.statusCode());
        assertTrue(tooShort.body().contains("too short"), tooShort.body());
        HttpResponse<String> sameAsName = p.browser().changePassword(p.oneTime(), p.name());
        assertTrue(sameAsName.body().contains("must not be the user name"), sameAsName.body());
    }

    @Test
    void aStateChangingRequestWithoutTheCsrfTokenIsRefused() throws Exception {
        ConsoleBrowser admin = signedIn("admin");
        HttpResponse<String> refused = admin.postJson("/api/v1/users", "{\"username\":\"csrf-victim\",\"role\":\"admin\"}", null);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("CSRF"), refused.body());
        HttpResponse<String> wrong = admin.postForm("/logout", Map.of("_csrf", "not-the-token"));
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> accepted = admin.postJson("/api/v1/users",
                "{\"username\":\"csrf-" + UNIQUE.incrementAndGet() + "\",\"role\":\"auditor\"}", admin.sessionCsrf());
        assertEquals(201, accepted.statusCode(), accepted.body());
    }

    @Test
    void aFormPostCarryingTheCsrfFieldIsAccepted() throws Exception {
        ConsoleBrowser analyst = signedIn("analyst");
        HttpResponse<String> out = analyst.postForm("/logout", Map.of("_csrf", analyst.sessionCsrf()));
        assertEquals(303, out.statusCode(), out.body());
    }

    @Test
    void aMultipartFormCarryingTheCsrfPartIsAccepted() throws Exception {
        ConsoleBrowser analyst = signedIn("analyst");
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + analyst.sessionCsrf()
                + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nbye\r\n--b0undary--\r\n";
        HttpResponse<String> out = analyst.post("/logout", "multipart/form-data; boundary=b0undary", body);
        assertEquals(303, out.statusCode(), out.body());
    }

    @Test
    void pagesCannotBeFramedByAnotherSite() throws Exception {
        HttpResponse<String> page = new ConsoleBrowser(vigil.base).get("/login", "text/html");
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void signingOutEndsTheSessionAndIsAudited() throws Exception {
        ConsoleBrowser analyst = signedIn("analyst");
        String cookie = analyst.cookies.get("VIGIL_SESSION");
        long before = vigil.context.getBean(AuditTrail.class).size();
        analyst.postForm("/logout", Map.of("_csrf", analyst.sessionCsrf()));
        assertEquals(List.of("user.logout"), entriesAfter(before).stream().map(AuditEntry::action).toList());
        ConsoleBrowser replay = new ConsoleBrowser(vigil.base);
        replay.cookies.put("VIGIL_SESSION", cookie);
        assertEquals(401, replay.get("/api/v1/status", "application/json").statusCode());
    }

    @Test
    void anAnalystCannotReachAdminActions() throws Exception {
        ConsoleBrowser analyst = signedIn("analyst");
        String csrf = analyst.sessionCsrf();
        assertEquals(403, analyst.get("/api/v1/users", "application/json").statusCode());
        assertEquals(403, analyst.postJson("/api/v1/users", "{\"username\":\"sneaky\",\"role\":\"admin\"}", csrf).statusCode());
        assertEquals(403, analyst.postJson("/api/v1/tokens", "{\"name\":\"sneaky\",\"scope\":\"ADMIN\"}", csrf).statusCode());
    }

    @Test
    void aUserOfOneTenantSeesOnlyThatTenant() throws Exception {
        TenantId other = TenantId.of("other");
        vigil.context.getBean(TenantRegistry.class).ensure(other, "Other", TenantKind.CUSTOMER);
        String oneTime = vigil.context.getBean(Users.class).add(other, "olga", UserRole.ADMIN, null, "test", "test")
                .oneTimePassword();
        String mine = raiseAlert(TenantId.of("customer"));
        String theirs = raiseAlert(other);
        ConsoleBrowser olga = new ConsoleBrowser(vigil.base);
        assertEquals(303, olga.signIn("olga@other", oneTime).statusCode());
        olga.changePassword(oneTime, FINAL_PASSWORD);
        String alerts = olga.get("/api/v1/alerts?limit=1000", "application/json").body();
        assertTrue(alerts.contains(theirs), alerts);
        assertFalse(alerts.contains(mine), alerts);
        JsonNode users = RunningAppliance.JSON.readTree(olga.get("/api/v1/users", "application/json").body());
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add(u.path("username").asText() + "@" + u.path("tenant").asText()));
        assertEquals(List.of("olga@other"), names);
        assertEquals(401, new ConsoleBrowser(vigil.base).signIn("olga", FINAL_PASSWORD).statusCode(),
                "a bare name signs in to the customer tenant, where olga does not exist");
    }

    @Test
    void everyRouteWithoutSessionOrTokenIsRedirectedToLoginOrRefused() throws Exception {
        Router router = vigil.context.getBean(Router.class);
        TreeSet<String> routes = new TreeSet<>();
        router.uriRoutes().forEach(r -> routes.add(r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString()));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{/[^}]*}", "").replaceAll("\\{[^}]*}", "x");
            if (path.equals("/login") || path.equals("/api/v1/health") || path.equals("/health") || path.equals("/prometheus")) {
                continue;
            }
            checked++;
            HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(vigil.base.resolve(URI.create(path)))
                    .header("Accept", "application/json").method(method, none).build(), HttpResponse.BodyHandlers.ofString());
            if (api.statusCode() != 401) {
                failures.add(route + " answered " + api.statusCode() + " without credentials");
            }
            if (method.equals("GET")) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(vigil.base.resolve(URI.create(path)))
                        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 303 || !page.headers().firstValue("Location").orElse("").equals("/login")) {
                    failures.add(route + " as a page answered " + page.statusCode() + " instead of a redirect to /login");
                }
            }
        }
        assertTrue(checked > 20, "the router lists the routes: " + routes);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void bearerTokensNeedNoCsrfToken() throws Exception {
        HttpResponse<String> r = vigil.post("/api/v1/users", "Bearer " + vigil.adminToken, "application/json",
                "{\"username\":\"token-made-" + UNIQUE.incrementAndGet() + "\",\"role\":\"auditor\"}");
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void theUsersCommandAddsListsChangesRolesDisablesAndEnables() {
        String name = "cli-" + UNIQUE.incrementAndGet();
        String data = vigil.dataDir.toString();
        Run added = cli("users", "add", name, "--role", "auditor", "--data-dir", data);
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().contains("One-time password"), added.out());
        assertEquals(0, VigilCommand.execute("users", "role", name, "analyst", "--data-dir", data));
        assertEquals(0, VigilCommand.execute("users", "disable", name, "--data-dir", data));
        Run listed = cli("users", "list", "--data-dir", data);
        String line = listed.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow(() -> new AssertionError(listed.out() + listed.err()));
        assertTrue(line.contains("analyst") && line.contains("disabled"), line);
        assertEquals(0, VigilCommand.execute("users", "enable", name, "--data-dir", data));
        assertNotEquals(0, VigilCommand.execute("users", "add", "x", "--role", "root", "--data-dir", data));
    }

    private static String raiseAlert(TenantId tenant) {
        Instant now = Instant.now();
        return vigil.context.getBean(AlertService.class).record(new AlertCandidate(tenant, "tenant-rule", "Tenant rule",
                RuleLevel.HIGH, List.of(), AlertKind.DETECTION, now, now, List.of(), List.of(),
                "group-" + UNIQUE.incrementAndGet())).id();
    }

    /** What a CLI run printed. */
    record Run(int exitCode, String out, String err) {
    }

    private static synchronized Run cli(String... args) {
        java.io.PrintStream savedOut = System.out;
        java.io.PrintStream savedErr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            int code = VigilCommand.execute(args);
            return new Run(code, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
