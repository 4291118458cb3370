package dev.vigil.console.web;

import dev.vigil.appliance.RunningAppliance;
import dev.vigil.audit.AuditEntry;
import dev.vigil.audit.AuditTrail;
import dev.vigil.console.ConsoleBrowser;
import dev.vigil.detect.RuleLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's pages over real sockets against a real appliance (H2 file, Lucene store, audit file), signed in as
 * each role through the login form: every page renders for the roles it is for, the forms change state through the
 * same services as the API (audited), and the role checks refuse what a role may not do.
 */
@Timeout(300)
class ConsolePagesTest {

    private static final List<String> PAGES = List.of("/", "/search", "/alerts", "/incidents", "/rules", "/connectors", "/models",
            "/audit", "/switches", "/updates", "/consent");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;
    static ConsoleFixture fixture;
    static ConsoleBrowser admin;
    static ConsoleBrowser analyst;
    static ConsoleBrowser auditor;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of());
        fixture = new ConsoleFixture(vigil);
        fixture.ingestRecentEvents(30);
        admin = fixture.signedIn("admin");
        analyst = fixture.signedIn("analyst");
        auditor = fixture.signedIn("auditor");
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    private static String csrf(ConsoleBrowser browser) throws Exception {
        Matcher m = META_CSRF.matcher(browser.get("/", "text/html").body());
        assertTrue(m.find(), "the layout carries the csrf-token meta");
        return m.group(1);
    }

    @Test
    void everyPageRendersForAnAdminWithTheLayoutTheCsrfMetaAndNoExternalResource() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> r = admin.get(page, "text/html");
            assertEquals(200, r.statusCode(), page + ": " + r.body());
            assertTrue(r.body().contains("<meta name=\"csrf-token\" content=\"" + csrf(admin) + "\">"), page);
            assertTrue(r.body().contains("/webjars/htmx.org/"), page + " loads htmx from the appliance");
            assertFalse(r.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), page + " loads nothing from another host");
        }
    }

    @Test
    void theAuditPageIsForAdminsAndAuditorsAndAnalystsAreRefused() throws Exception {
        assertEquals(200, auditor.get("/audit", "text/html").statusCode());
        assertEquals(403, analyst.get("/audit", "text/html").statusCode());
        assertFalse(analyst.get("/", "text/html").body().contains("href=\"/audit\""), "no audit link for analysts");
    }

    @Test
    void assetsComeFromTheClasspathWithoutASessionAndWithLongCacheHeaders() throws Exception {
        ConsoleBrowser anonymous = new ConsoleBrowser(vigil.base);
        for (String asset : List.of("/webjars/htmx.org/2.0.4/dist/htmx.min.js", "/webjars/chart.js/4.4.3/dist/chart.umd.js",
                "/static/vigil.css", "/static/vigil.js", "/static/charts.js")) {
            HttpResponse<String> r = anonymous.get(asset, "*/*");
            assertEquals(200, r.statusCode(), asset);
            String cache = r.headers().firstValue("Cache-Control").orElse("");
            assertTrue(cache.contains("max-age=604800"), asset + " Cache-Control: " + cache);
        }
    }

    @Test
    void aPageWithoutASessionRedirectsToTheSignInPage() throws Exception {
        HttpResponse<String> r = new ConsoleBrowser(vigil.base).get("/search", "text/html");
        assertEquals(303, r.statusCode());
        assertEquals("/login", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void searchShowsMatchesAndAValueLinkNarrowsTheQuery() throws Exception {
        String all = auditor.get("/search?q=" + enc("event.action:login") + "&since=1h", "text/html").body();
        assertTrue(all.contains("<strong id=\"hit-count\">30</strong>"), all);
        assertTrue(all.contains("data-chart="), "the histogram is drawn");
        String narrowed = auditor.get("/search?q=" + enc("event.action:login AND user.name:\"alice\"") + "&since=1h", "text/html").body();
        assertTrue(narrowed.contains("<strong id=\"hit-count\">15</strong>"), "alice has every second event");
        assertTrue(all.contains("href=\"/search?q=" + enc("event.action:login AND user.name:\"alice\"") + "&amp;since=1h\""),
                "a value links to the narrowed query");
    }

    @Test
    void aBadQueryShowsTheReasonWith400() throws Exception {
        HttpResponse<String> r = auditor.get("/search?q=" + enc("(user.name:alice"), "text/html");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("id=\"query-error\""), r.body());
        assertTrue(r.body().contains("never closed"), r.body());
    }

    @Test
    void exportGivesCsvWithAHeaderAndNdjsonWithOneLinePerEvent() throws Exception {
        HttpResponse<String> csv = auditor.get("/search/export?format=csv&since=1h&q=" + enc("user.name:bob"), "*/*");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("@timestamp,@id,@connector,"), lines[0]);
        assertEquals(16, lines.length, "header and the 15 events of bob");
        HttpResponse<String> nd = auditor.get("/search/export?format=ndjson&since=1h&q=" + enc("user.name:bob"), "*/*");
        assertEquals(15, nd.body().lines().count());
    }

    @Test
    void anAnalystClosesAnAlertWithANoteAndTheAuditPageShowsTheAlertCloseEntry() throws Exception {
        String id = fixture.raiseAlert("Console close test", RuleLevel.HIGH);
        HttpResponse<String> r = analyst.postForm("/alerts/" + id + "/close", Map.of("_csrf", csrf(analyst),
                "verdict", "true_positive", "note", "confirmed on the host"));
        assertEquals(303, r.statusCode(), r.body());
        String page = analyst.get(r.headers().firstValue("Location").orElseThrow(), "text/html").body();
        assertTrue(page.contains("id=\"alert-verdict\">true_positive"), page);
        assertTrue(page.contains("confirmed on the host"));
        List<AuditEntry> closes = vigil.context.getBean(AuditTrail.class)
                .entries(e -> e.action().equals("alert.close") && e.object().contains(id), 10);
        assertEquals(1, closes.size());
        assertEquals("analyst", closes.getFirst().role());
        String audit = auditor.get("/audit?action=alert.close", "text/html").body();
        assertTrue(audit.contains(id), "the auditor sees the close on the audit page");
    }

    @Test
    void anIncidentShowsItsTimelineAndChainAndAnAnalystClosesItWithOneVerdict() throws Exception {
        dev.vigil.detect.alert.AlertService alerts = vigil.context.getBean(dev.vigil.detect.alert.AlertService.class);
        java.time.Instant t = java.time.Instant.now();
        List<String> ids = new java.util.ArrayList<>();
        for (String tactic : List.of("initial_access", "execution")) {
            ids.add(alerts.record(new dev.vigil.detect.alert.AlertCandidate(dev.vigil.tenancy.TenantId.of("customer"),
                    "console-incident-" + tactic, "Console incident " + tactic, RuleLevel.MEDIUM, List.of("attack." + tactic),
                    dev.vigil.detect.alert.AlertKind.DETECTION, t, t, List.of(),
                    List.of(new dev.vigil.detect.MatchedField("host.name", "ws-console-incident")), "console-incident-" + tactic)).id());
            t = t.plusSeconds(60);
        }
        String alertPage = analyst.get("/alerts/" + ids.getFirst(), "text/html").body();
        Matcher link = Pattern.compile("href=\"/incidents/(I-[A-Z0-9]+)\" id=\"incident-link\"").matcher(alertPage);
        assertTrue(link.find(), alertPage);
        String incident = analyst.get("/incidents/" + link.group(1), "text/html").body();
        assertTrue(incident.contains("Initial Access</span> → <span class=\"pill\">Execution"), incident);
        assertTrue(analyst.get("/incidents", "text/html").body().contains(link.group(1)));
        assertFalse(auditor.get("/incidents/" + link.group(1), "text/html").body().contains("id=\"incident-close-form\""));

        HttpResponse<String> r = analyst.postForm("/incidents/" + link.group(1) + "/close", Map.of("_csrf", csrf(analyst),
                "verdict", "false_positive", "note", "lab exercise"));

        assertEquals(303, r.statusCode(), r.body());
        for (String id : ids) {
            assertTrue(analyst.get("/alerts/" + id, "text/html").body().contains("id=\"alert-verdict\">false_positive"), id);
        }
    }

    @Test
    void theModelsPageShowsTheModelInForceAndOnlyAdminsSeeTrainingControls() throws Exception {
        String page = admin.get("/models", "text/html").body();
        assertTrue(page.contains("id=\"model-version\">factory-1"), page);
        assertTrue(page.contains("id=\"train-form\""), "admins can train");
        assertFalse(analyst.get("/models", "text/html").body().contains("id=\"train-form\""), "analysts cannot");
        assertEquals(403, analyst.postForm("/models/train", Map.of("_csrf", csrf(analyst))).statusCode());
        HttpResponse<String> refused = admin.postForm("/models/train", Map.of("_csrf", csrf(admin)));
        assertEquals(303, refused.statusCode());
        String location = java.net.URLDecoder.decode(refused.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(location.contains("error=") && location.contains("consent"), location); // model-training consent not granted
    }

    @Test
    void anAuditorSeesNoVerdictButtonsAndTheirCloseIsRefused() throws Exception {
        String id = fixture.raiseAlert("Console auditor test", RuleLevel.MEDIUM);
        assertFalse(auditor.get("/alerts/" + id, "text/html").body().contains("id=\"verdict-tp\""));
        HttpResponse<String> r = auditor.postForm("/alerts/" + id + "/close", Map.of("_csrf", csrf(auditor), "verdict", "tp"));
        assertEquals(403, r.statusCode());
    }

    @Test
    void bulkActionsAcknowledgeEverySelectedAlert() throws Exception {
        String a = fixture.raiseAlert("Bulk one", RuleLevel.LOW);
        String b = fixture.raiseAlert("Bulk two", RuleLevel.LOW);
        HttpResponse<String> r = analyst.post("/alerts/bulk", "application/x-www-form-urlencoded",
                "_csrf=" + enc(csrf(analyst)) + "&action=ack&ids=" + a + "&ids=" + b);
        assertEquals(303, r.statusCode(), r.body());
        String location = java.net.URLDecoder.decode(r.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(location.contains("notice=Acknowledged 2 of 2 alerts."), location);
        String queue = analyst.get("/alerts?status=acknowledged", "text/html").body();
        assertTrue(queue.contains(a) && queue.contains(b), queue);
    }

    @Test
    void anAdminFlipsAKillSwitchAndAnAnalystSeesNoControlsAndIsRefused() throws Exception {
        HttpResponse<String> r = admin.postForm("/switches", Map.of("_csrf", csrf(admin), "feature", "similar-alerts",
                "scope", "tenant", "reason", "console test", "action", "off"));
        assertEquals(303, r.statusCode(), r.body());
        String page = analyst.get("/switches", "text/html").body();
        assertTrue(page.matches("(?s).*data-feature=\"similar-alerts\"><td>similar-alerts</td>\\s*<td class=\"off switch-state\">off.*"), page);
        assertFalse(page.contains("id=\"switch-controls\""), "no controls for analysts");
        HttpResponse<String> refused = analyst.postForm("/switches", Map.of("_csrf", csrf(analyst), "feature", "similar-alerts",
                "scope", "tenant", "reason", "not mine", "action", "on"));
        assertEquals(403, refused.statusCode());
        assertEquals(1, vigil.context.getBean(AuditTrail.class).entries(e -> e.action().equals("switch.set")
                && e.object().contains("similar-alerts"), 10).size(), "only the admin's flip is recorded");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> r = admin.postForm("/switches", Map.of("feature", "triage-model", "reason", "x", "action", "off"));
        assertEquals(403, r.statusCode());
    }

    @Test
    void ruleTestRunsAPastedRuleOnAPastedEvent() throws Exception {
        String rule = "title: Console rule test\nid: 1c3b5a2e-0000-4000-8000-000000000001\nlogsource: {product: windows, service: security}\n"
                + "detection:\n  selection: {EventID: 4625}\n  condition: selection\nlevel: high\n";
        HttpResponse<String> r = auditor.postForm("/rules/test", Map.of("_csrf", csrf(auditor), "yaml", rule,
                "events", "{\"EventID\":4625,\"Channel\":\"Security\"}", "connector", "windows-json"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("id=\"rule-test-result\">1 hits in 1 events"), r.body());
    }

    @Test
    void connectorSampleTestShowsTheNormalisedFields() throws Exception {
        HttpResponse<String> r = analyst.postForm("/connectors/test", Map.of("_csrf", csrf(analyst), "connector", "generic-json",
                "sample", "{\"time\":1741000260123,\"hostname\":\"app-03\",\"message\":\"slow query\"}"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("host.name") && r.body().contains("app-03"), r.body());
    }

    @Test
    void anAdminCreatesATokenSeesItsSecretOnceAndRevokesIt() throws Exception {
        HttpResponse<String> created = admin.postForm("/connectors/tokens", Map.of("_csrf", csrf(admin), "name", "fw-console",
                "scope", "INGEST"));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("id=\"new-token-secret\""));
        assertFalse(admin.get("/connectors", "text/html").body().contains("id=\"new-token-secret\""), "shown once");
        HttpResponse<String> revoked = admin.postForm("/connectors/tokens/fw-console/revoke", Map.of("_csrf", csrf(admin)));
        assertEquals(303, revoked.statusCode());
        assertEquals(403, analyst.postForm("/connectors/tokens", Map.of("_csrf", csrf(analyst), "name", "x")).statusCode());
    }

    @Test
    void verifyNowShowsAValidChainAndTheCheckpointSignedForIt() throws Exception {
        HttpResponse<String> r = admin.postForm("/audit/verify", Map.of("_csrf", csrf(admin)));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Chain verified"), r.body());
        assertTrue(r.body().contains("signed now: size"), r.body());
        assertEquals(403, auditor.postForm("/audit/verify", Map.of("_csrf", csrf(auditor))).statusCode());
    }

    @Test
    void anAdminWithdrawsAndGrantsConsentThroughThePage() throws Exception {
        HttpResponse<String> r = admin.postForm("/consent/fleet-sharing/withdraw", Map.of("_csrf", csrf(admin), "reason", "console"));
        assertEquals(303, r.statusCode());
        assertTrue(admin.get("/consent", "text/html").body().matches("(?s).*data-scope=\"fleet-sharing\"><td>fleet-sharing</td><td class=\"off\">withdrawn.*"));
        assertEquals(403, analyst.postForm("/consent/fleet-sharing/grant", Map.of("_csrf", csrf(analyst))).statusCode());
    }

    @Test
    void aBundleThatIsNotSignedIsRefusedWithTheReasonAndNothingInstalled() throws Exception {
        String boundary = "----vigil" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(admin) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\napply\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"x.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\nnot a zip\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = admin.post("/updates/upload", "multipart/form-data; boundary=" + boundary, body);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("id=\"bundle-refusal\""), r.body());
        assertTrue(vigil.context.getBean(AuditTrail.class).entries(e -> e.action().equals("update.apply"), 10).isEmpty());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
