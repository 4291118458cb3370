package dev.vigil.console.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's chromium driven headless by its chromium-driver, for browser tests. The driver and browser paths are set
 * explicitly so Selenium Manager never looks for (or downloads) anything; without them the calling test is skipped with
 * a message saying what to install. Screenshots go to {@code docs/screenshots/<name>.png} only when the build runs with
 * {@code -Dvigil.screenshots=true}.
 */
public final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("docs/screenshots");

    private HeadlessChromium() {
    }

    /** A new headless session, 1440×900; skips the test when chromium or its driver is missing. */
    public static ChromeDriver start() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does, as root)");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1440,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 900));
        return driver;
    }

    /** Saves the page as {@code docs/screenshots/<name>.png} when {@code vigil.screenshots} is true. */
    public static void screenshot(ChromeDriver driver, String name) {
        if (!Boolean.getBoolean("vigil.screenshots")) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name + ": " + e.getMessage(), e);
        }
    }
}
