package dev.vigil.console.web;

import dev.vigil.appliance.FirstStart;
import dev.vigil.appliance.RunningAppliance;
import dev.vigil.detect.RuleLevel;
import dev.vigil.tenancy.users.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser (headless Debian chromium) against a real appliance over real sockets: the first
 * admin signs in and must change the one-time password, searches and filters by clicking a value, opens an alert,
 * gives a verdict with a note and finds the {@code alert.close} entry on the audit page, flips a kill switch; an
 * analyst sees no switch controls and a direct POST from their session is refused. The tests run in order as one
 * admin's session (the sign-in is the first step of the story), and take the screenshots of docs/screenshots/.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String ADMIN_PASSWORD = "the admin's own passphrase";

    @TempDir
    static Path tmp;
    static RunningAppliance vigil;
    static ConsoleFixture fixture;
    static ChromeDriver browser;
    static String base;
    static String alertId;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
        vigil = new RunningAppliance(tmp.resolve("data"), Map.of());
        // chromium keeps Secure cookies on plain HTTP only for localhost
        base = vigil.base.toString().replace("127.0.0.1", "localhost").replaceAll("/$", "");
        fixture = new ConsoleFixture(vigil);
        fixture.ingestRecentEvents(40);
        alertId = fixture.raiseAlert("Brute force followed by a successful logon", RuleLevel.HIGH);
        fixture.raiseAlert("LSASS memory read by an unusual process", RuleLevel.CRITICAL);
        fixture.raiseAlert("New service installed", RuleLevel.MEDIUM);
        fixture.raiseAlert("Rare parent-child process pair", RuleLevel.LOW);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (vigil != null) {
            vigil.close();
        }
    }

    private static void open(String path) {
        browser.get(base + path);
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void signIn(String user, String password) {
        open("/login");
        waitFor(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private static void changePassword(String current, String replacement) {
        waitFor(By.id("current")).sendKeys(current);
        browser.findElement(By.id("password")).sendKeys(replacement);
        browser.findElement(By.id("confirm")).sendKeys(replacement);
        browser.findElement(By.cssSelector("form[action='/account/password'] button[type=submit]")).click();
    }

    @Test
    @Order(1)
    void theFirstAdminSignsInMustChangeTheOneTimePasswordAndThenSeesTheOverview() {
        String oneTime = vigil.context.getBean(FirstStart.class).oneTimeAdminPassword().orElseThrow();
        open("/login");
        waitFor(By.id("username"));
        HeadlessChromium.screenshot(browser, "login");
        signIn(Users.FIRST_ADMIN, oneTime);
        waitFor(By.id("current"));
        assertTrue(browser.getCurrentUrl().endsWith("/account/password"), browser.getCurrentUrl());
        open("/search");
        assertTrue(browser.getCurrentUrl().endsWith("/account/password"), "every page leads to the password change first");
        changePassword(oneTime, ADMIN_PASSWORD);
        waitFor(By.id("kpi-events"));
        assertEquals(base + "/", browser.getCurrentUrl());
        assertEquals("admin", browser.findElement(By.id("current-role")).getText());
        waitFor(By.id("chart-levels"));
        HeadlessChromium.screenshot(browser, "overview");
    }

    @Test
    @Order(2)
    void searchingAndClickingAValueNarrowsTheResults() {
        open("/search?since=1h&q=" + URLEncoder.encode("event.action:login", StandardCharsets.UTF_8));
        assertEquals("40", waitFor(By.id("hit-count")).getText());
        WebElement first = browser.findElement(By.cssSelector("#event-table details.event"));
        first.findElement(By.tagName("summary")).click();
        HeadlessChromium.screenshot(browser, "search");
        WebElement user = first.findElements(By.cssSelector("a.filter-value")).stream()
                .filter(a -> a.getAttribute("href").contains("user.name")).findFirst().orElseThrow();
        String name = user.getText();
        user.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("user.name"));
        assertEquals("20", waitFor(By.id("hit-count")).getText(), name + " has every second event");
        assertTrue(browser.findElement(By.id("q")).getAttribute("value").endsWith("user.name:\"" + name + "\""));
    }

    @Test
    @Order(3)
    void anAlertGetsAVerdictWithANoteThatTheAuditPageShows() {
        open("/alerts");
        waitFor(By.id("alert-table"));
        HeadlessChromium.screenshot(browser, "alerts");
        browser.findElement(By.cssSelector("tr[data-alert='" + alertId + "'] a.alert-link")).click();
        waitFor(By.id("close-form"));
        HeadlessChromium.screenshot(browser, "alert");
        browser.findElement(By.id("note")).sendKeys("confirmed with the host owner");
        browser.findElement(By.id("verdict-tp")).click();
        assertEquals("true_positive", waitFor(By.id("alert-verdict")).getText());
        assertTrue(browser.findElement(By.id("flash-notice")).getText().startsWith("Closed as true positive"));
        open("/audit?action=alert.close");
        WebElement row = waitFor(By.cssSelector("#audit-table tr.audit-row[data-action='alert.close']"));
        assertTrue(row.getText().contains(alertId) && row.getText().contains(Users.FIRST_ADMIN), row.getText());
        browser.findElement(By.id("verify-now")).click();
        assertTrue(waitFor(By.id("verify-valid")).getText().startsWith("Chain verified"));
        HeadlessChromium.screenshot(browser, "audit");
    }

    @Test
    @Order(4)
    void anAdminTurnsAnAiFeatureOffWithAReason() {
        open("/switches");
        new Select(waitFor(By.id("feature"))).selectByValue("triage-model");
        browser.findElement(By.id("reason")).sendKeys("model drift under investigation");
        browser.findElement(By.id("switch-off")).click();
        waitFor(By.id("flash-notice"));
        assertEquals("off", browser.findElement(By.cssSelector("tr[data-feature='triage-model'] .switch-state")).getText());
        HeadlessChromium.screenshot(browser, "switches");
    }

    @Test
    @Order(5)
    void everyOtherPageRendersForTheAdmin() {
        for (String page : List.of("incidents", "rules", "connectors", "models", "updates", "consent")) {
            open("/" + page);
            waitFor(By.id("nav-" + page));
            assertTrue(browser.findElement(By.id("nav-" + page)).getAttribute("class").contains("active"), page);
            HeadlessChromium.screenshot(browser, page);
        }
        open("/incidents");
        waitFor(By.cssSelector("#incident-list a.incident-link")).click();
        assertTrue(waitFor(By.id("tactic-chain")).getText().contains("Credential Access"));
        HeadlessChromium.screenshot(browser, "incident");
    }

    @Test
    @Order(6)
    void anAnalystSeesNoSwitchControlsAndADirectPostIsRefused() throws Exception {
        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("username"));
        String oneTime = fixture.addUser("ana", "analyst");
        signIn("ana", oneTime);
        changePassword(oneTime, "the analyst's own passphrase");
        waitFor(By.id("kpi-events"));
        open("/switches");
        waitFor(By.id("switch-readonly"));
        assertTrue(browser.findElements(By.id("switch-controls")).isEmpty(), "no switch controls for an analyst");
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/switches', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded',
                    'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]').content},
                    body: 'feature=triage-model&scope=tenant&reason=mine&action=on', redirect: 'manual'})
                  .then(r => done(r.status), e => done('error ' + e));""");
        assertEquals(403L, status);
        assertEquals("off", browser.findElement(By.cssSelector("tr[data-feature='triage-model'] .switch-state")).getText());
    }
}
