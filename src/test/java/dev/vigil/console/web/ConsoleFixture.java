package dev.vigil.console.web;

import dev.vigil.appliance.RunningAppliance;
import dev.vigil.console.ConsoleBrowser;
import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.AlertCandidate;
import dev.vigil.detect.alert.AlertKind;
import dev.vigil.detect.alert.AlertService;
import dev.vigil.detect.MatchedField;
import dev.vigil.tenancy.TenantId;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test data for console pages on a real appliance: users of each role (through the admin API, one-time password
 * replaced), recent events ingested through the HTTP collector, and alerts recorded through the alert service.
 */
public final class ConsoleFixture {

    public static final String PASSWORD = "correct horse battery staple";
    public static final TenantId TENANT = TenantId.of("customer");
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private final RunningAppliance vigil;

    public ConsoleFixture(RunningAppliance vigil) {
        this.vigil = vigil;
    }

    /** Adds a user of the role and returns the one-time password. */
    public String addUser(String name, String role) throws Exception {
        HttpResponse<String> r = vigil.post("/api/v1/users", "Bearer " + vigil.adminToken, "application/json",
                "{\"username\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return RunningAppliance.JSON.readTree(r.body()).path("oneTimePassword").asText();
    }

    /** A new user of the role, signed in, with the one-time password already replaced by {@link #PASSWORD}. */
    public ConsoleBrowser signedIn(String role) throws Exception {
        String name = role + "-" + UNIQUE.incrementAndGet();
        String oneTime = addUser(name, role);
        ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
        assertEquals(303, browser.signIn(name, oneTime).statusCode());
        assertEquals(303, browser.changePassword(oneTime, PASSWORD).statusCode());
        return browser;
    }

    /** Ingests generic-json events from the last minutes (host web-01/db-01, users alice/bob) and waits for them. */
    public void ingestRecentEvents(int count) throws Exception {
        StringBuilder records = new StringBuilder();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            String json = "{\"@timestamp\":\"" + now.minusSeconds(10L * i) + "\",\"host\":\"" + (i % 3 == 0 ? "db-01" : "web-01")
                    + "\",\"user\":{\"name\":\"" + (i % 2 == 0 ? "alice" : "bob") + "\"},\"event\":{\"action\":\"login\"},"
                    + "\"msg\":\"login attempt " + i + "\"}";
            records.append(records.isEmpty() ? "" : ",").append(RunningAppliance.JSON.writeValueAsString(json));
        }
        HttpResponse<String> r = vigil.post("/api/v1/ingest/records", "Bearer " + vigil.ingestToken, "application/json",
                "{\"connector\":\"generic-json\",\"records\":[" + records + "]}");
        assertEquals(2, r.statusCode() / 100, r.body());
        vigil.awaitSearch(vigil.adminToken, "event.action:login", count);
    }

    /** Records a new alert through the alert service and returns its id. */
    public String raiseAlert(String title, RuleLevel level) {
        Instant now = Instant.now();
        return vigil.context.getBean(AlertService.class).record(new AlertCandidate(TENANT, "console-rule-" + UNIQUE.incrementAndGet(),
                title, level, List.of("attack.credential_access"), AlertKind.DETECTION, now, now, List.of(),
                List.of(new MatchedField("user.name", "alice")), "group-" + UNIQUE.incrementAndGet())).id();
    }
}
