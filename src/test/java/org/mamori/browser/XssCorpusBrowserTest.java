package org.mamori.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.mamori.sharing.AdvisoryRequests;
import org.mamori.sharing.ReportRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Hostile text in every free-text field people fill in (a report, a comment, an advisory, an
 * organisation's name, a taxonomy entry), shown in headless Chromium: no payload runs (no dialog,
 * no console line, no Content-Security-Policy refusal, which would mean it became markup) and each
 * shows as the text that was typed.
 */
@MamoriTest
class XssCorpusBrowserTest {

  /** Each payload, if it ever ran, would open a dialog or write to the console. */
  static final List<String> CORPUS =
      List.of(
          "<script>alert('xss-script')</script>",
          "\"><img src=x onerror=\"console.log('xss-img')\">",
          "javascript:alert('xss-url')",
          "<svg onload=\"alert('xss-svg')\"></svg>",
          "<a href=\"javascript:alert('xss-link')\">x</a>",
          "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]",
          "[(${7*7})]",
          "{{constructor.constructor('alert(\"xss-template\")')()}}",
          "'-alert('xss-quote')-'",
          "</textarea><script>alert('xss-textarea')</script>");

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;

  private final List<String> fired = new CopyOnWriteArrayList<>();
  private final List<BrowserContext> contexts = new ArrayList<>();

  @AfterEach
  void closeBrowsers() {
    contexts.forEach(BrowserContext::close);
  }

  @Test
  void hostileTextIsShownAsTextAndNeverRuns() throws Exception {
    String payloads = String.join(" ", CORPUS);
    String operator = people.newOperator("water");
    TestPeople.TestPerson reporter = people.create(operator, "reporter");
    RequestPostProcessor asReporter = SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD);
    String report =
        ReportRequests.reference(
            mvc.perform(
                ReportRequests.firstReport(payloads, "GREEN")
                    .param("service", CORPUS.get(1))
                    .param("details", payloads)
                    .param("indicators", String.join("\n", CORPUS))
                    .with(asReporter)));
    mvc.perform(
        post("/reports/{reference}/comments", report)
            .with(asReporter)
            .with(csrf())
            .param("text", payloads)
            .param("tlp", "GREEN"));

    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    mvc.perform(
        post("/directory/organisations/{code}/edit", operator)
            .with(admin)
            .with(csrf())
            .param("nameJa", CORPUS.get(1))
            .param("nameEn", CORPUS.get(0)));
    String code = "xss-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
        post("/reports/taxonomy/event-types")
            .with(admin)
            .with(csrf())
            .param("code", code)
            .param("group", "LEADS_TO")
            .param("nameJa", CORPUS.get(3))
            .param("nameEn", CORPUS.get(0))
            .param("hintJa", CORPUS.get(1))
            .param("hintEn", CORPUS.get(5))
            .param("order", "90"));
    String advisory =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory(CORPUS.get(1), payloads, "GREEN")
                    .param("everyone", "true")
                    .param("acknowledgeBy", AdvisoryRequests.inDays(1))
                    .with(SignIn.as(mvc, SignIn.DUTY_OFFICER))));

    Page reporterPage = signIn(reporter.email(), TestPeople.PASSWORD);
    show(reporterPage, "/reports/" + report, payloads);
    show(reporterPage, "/reports", CORPUS.get(0));
    show(reporterPage, "/reports/new", CORPUS.get(3));
    show(reporterPage, "/advisories/" + advisory, payloads);
    show(reporterPage, "/advisories", CORPUS.get(1));
    show(reporterPage, "/directory/organisations/" + operator, CORPUS.get(1));

    Page adminPage = signIn(SignIn.ADMIN, SignIn.DEMO_PASSWORD);
    show(adminPage, "/directory/organisations?q=xss", null);
    show(adminPage, "/reports/taxonomy", CORPUS.get(3));
    show(adminPage, "/reports/taxonomy/event-types/" + code, null);
    show(adminPage, "/trends/reports", null);

    assertThat(fired).as("payloads that ran or became markup").isEmpty();
    // Retired, so later tests' report forms do not offer it.
    mvc.perform(
        post("/reports/taxonomy/event-types/{code}/retirement", code)
            .with(admin)
            .with(csrf())
            .param("retired", "true"));
  }

  /** Opens the page; the text, when given, must be there as typed. */
  private void show(Page page, String path, @Nullable String text) {
    page.navigate("http://localhost:" + port + path);
    page.waitForLoadState();
    if (text != null) {
      assertThat(page.locator("main").innerText()).as(path).contains(text.strip());
    }
    assertThat(page.locator("main a[href^='javascript:' i]").count()).as(path).isZero();
  }

  private Page signIn(String email, String password) {
    BrowserContext context = Browser.newContext();
    contexts.add(context);
    Page page = context.newPage();
    page.onDialog(
        dialog -> {
          fired.add(page.url() + ": dialog " + dialog.message());
          dialog.dismiss();
        });
    page.onConsoleMessage(
        message -> {
          String text = message.text();
          if (text.contains("xss") || text.contains("Content Security Policy")) {
            fired.add(page.url() + ": console " + text);
          }
        });
    page.navigate("http://localhost:" + port + "/");
    page.getByLabel("メールアドレス").fill(email);
    page.getByLabel("パスワード").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText("ようこそ");
    return page;
  }
}
