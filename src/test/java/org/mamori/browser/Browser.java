package org.mamori.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright, started once per test JVM. Without the browser
 * the tests are skipped on a developer's machine, but fail when {@code CI=true}: a skipped browser
 * test proves nothing.
 */
final class Browser {

  private static com.microsoft.playwright.Browser shared;

  private Browser() {}

  /** A fresh, isolated browser context (its own cookies) in Japanese, as a visitor from Japan. */
  static synchronized BrowserContext newContext() {
    if (shared == null) {
      shared = launch();
    }
    return shared.newContext(
        new NewContextOptions()
            .setLocale("ja-JP")
            .setTimezoneId("Asia/Tokyo")
            .setViewportSize(1280, 900));
  }

  private static com.microsoft.playwright.Browser launch() {
    // The tests assert what people see, not how fast: CI shares two cores with a second suite,
    // where
    // a notice pushed to the page may take far longer than Playwright's 5 s default.
    PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    Path chromium = Path.of(System.getProperty("mamori.browser.path", "/usr/bin/chromium"));
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!Files.isExecutable(chromium)) {
      if (ci) {
        throw new IllegalStateException(
            "CI=true but there is no browser at " + chromium + ": install Debian's chromium");
      }
      Assumptions.abort("No browser at " + chromium + "; install Debian's chromium to run these");
    }
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync")));
  }
}
