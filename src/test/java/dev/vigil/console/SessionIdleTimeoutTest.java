package dev.vigil.console;

import dev.vigil.appliance.RunningAppliance;
import dev.vigil.tenancy.users.Sessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A console session ends after the idle timeout (here 1 s) and stays alive while it is used. Real appliance. */
@Timeout(120)
class SessionIdleTimeoutTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;

    @BeforeAll
    static void start() throws Exception {
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of("vigil.console.idle-timeout", "1s"));
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    private static ConsoleBrowser signedIn() throws Exception {
        String name = "idle-" + UNIQUE.incrementAndGet();
        HttpResponse<String> r = vigil.post("/api/v1/users", "Bearer " + vigil.adminToken, "application/json",
                "{\"username\":\"" + name + "\",\"role\":\"analyst\",\"password\":\"first password 123\"}");
        assertEquals(201, r.statusCode(), r.body());
        ConsoleBrowser browser = new ConsoleBrowser(vigil.base);
        browser.signIn(name, "first password 123");
        assertEquals(303, browser.changePassword("first password 123", "second password 456").statusCode());
        return browser;
    }

    @Test
    void aSessionUnusedForLongerThanTheIdleTimeoutEnds() throws Exception {
        ConsoleBrowser browser = signedIn();
        assertEquals(200, browser.get("/api/v1/status", "application/json").statusCode());
        Thread.sleep(1500);
        assertEquals(401, browser.get("/api/v1/status", "application/json").statusCode());
    }

    @Test
    void anEndedSessionSendsPagesBackToSignIn() throws Exception {
        ConsoleBrowser browser = signedIn();
        String cookie = browser.cookies.get("VIGIL_SESSION");
        Thread.sleep(1500);
        ConsoleBrowser stale = new ConsoleBrowser(vigil.base);
        stale.cookies.put("VIGIL_SESSION", cookie);
        HttpResponse<String> page = stale.get("/alerts", "text/html");
        assertEquals(303, page.statusCode());
        assertEquals("/login", page.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void housekeepingRemovesSessionsThatHaveEnded() throws Exception {
        signedIn();
        Thread.sleep(1500);
        assertTrue(vigil.context.getBean(Sessions.class).purgeExpired() >= 1);
    }

    @Test
    void aSessionInUseOutlivesTheIdleTimeout() throws Exception {
        ConsoleBrowser browser = signedIn();
        for (int i = 0; i < 8; i++) {
            Thread.sleep(300);
            assertEquals(200, browser.get("/api/v1/status", "application/json").statusCode(), "request " + i);
        }
    }
}
