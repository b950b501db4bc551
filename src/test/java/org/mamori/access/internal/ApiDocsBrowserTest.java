package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API documentation page in a real browser (Debian's headless Chromium), under Mamori's content
 * security policy: it must render the operations without the browser refusing anything.
 */
@MamoriTest
class ApiDocsBrowserTest {

  private static Playwright playwright;
  private static Browser chromium;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() {
    Path executable = Path.of(System.getProperty("mamori.browser.path", "/usr/bin/chromium"));
    if (!Files.isExecutable(executable)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("No browser at " + executable + " (CI needs one)");
      }
      Assumptions.abort("No browser at " + executable);
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    chromium =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @Test
  void theApiDocumentationWorksUnderTheContentSecurityPolicy() {
    try (BrowserContext context =
        chromium.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
      Page page = context.newPage();
      List<String> refused = new ArrayList<>();
      page.onConsoleMessage(
          message -> {
            if (message.text().contains("Content Security Policy")) {
              refused.add(message.location() + ": " + message.text());
            }
          });
      signIn(context);
      page.navigate("http://localhost:" + port + "/api-docs");
      // the first request builds the whole OpenAPI document: slow on a busy, shared machine
      page.waitForSelector(
          ".opblock-summary-path[data-path='/api/me']",
          new Page.WaitForSelectorOptions().setTimeout(120_000));
      assertThat(page.url()).contains("/swagger-ui/index.html");
      assertThat(page.textContent(".opblock-summary-path[data-path='/api/me']"))
          .contains("/api/me");
      assertThat(refused).isEmpty();
    }
  }

  /**
   * Signs in with the context's own HTTP client, which shares the browser's cookies. Not through
   * the page: the browser fetches the sign-in page's favicon late, with the session from before
   * signing in, and the error page for it would start a fresh session that replaces the new one.
   */
  private void signIn(BrowserContext context) {
    String base = "http://localhost:" + port;
    APIResponse form = context.request().get(base + "/sign-in");
    String csrf = Jsoup.parse(form.text()).select("input[name=_csrf]").val();
    APIResponse signedIn =
        context
            .request()
            .post(
                base + "/sign-in",
                RequestOptions.create()
                    .setForm(
                        FormData.create()
                            .set("email", SignIn.ANALYST)
                            .set("password", SignIn.DEMO_PASSWORD)
                            .set("_csrf", csrf))
                    .setMaxRedirects(0));
    assertThat(signedIn.headers().get("location")).isEqualTo(base + "/");
  }

  @Test
  void everyOtherPageKeepsTheStrictPolicy() {
    try (var context = chromium.newContext()) {
      var response = context.newPage().navigate("http://localhost:" + port + "/sign-in");
      assertThat(response.headers().get("content-security-policy"))
          .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
          .contains("style-src 'self';");
    }
  }
}
