package org.mamori.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From a report to a cross-sector advisory, in a real browser: an operator reports, its ministry
 * forwards, the hub publishes a sanitised version to every sector, an operator in another sector
 * acknowledges receipt, and the hub sees who has.
 */
@MamoriTest
class AdvisoryJourneyBrowserTest {

  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @LocalServerPort int port;
  @Autowired TestPeople people;

  private final List<BrowserContext> contexts = new ArrayList<>();

  @AfterEach
  void closeBrowsers() {
    contexts.forEach(BrowserContext::close);
  }

  @Test
  void aReportBecomesASanitisedAdvisoryThatAnotherSectorAcknowledges() {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    Page operator = signIn(people.create("asahino-power", "reporter").email(), TestPeople.PASSWORD);
    operator.navigate(url("/reports/new"));
    operator.getByLabel("何が起きましたか").fill("変電所監視端末でランサムウェアを検知");
    operator.locator("input[name=eventType][value=malware]").check();
    operator.getByLabel("始まった日時").fill(FIELD.format(now.minusHours(3)));
    operator.getByLabel("気づいた日時").fill(FIELD.format(now.minusHours(2)));
    operator.locator("input[name=impact][value=degraded]").check();
    operator.getByLabel("詳しい内容").fill("あさひ野電力 第二変電所の監視端末で暗号化を確認。");
    operator.getByLabel("攻撃の痕跡").fill("203.0.113.45\nransom-note.example");
    operator.locator("input[name=tlp][value=AMBER]").check();
    operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("報告を送る")).click();
    assertThat(operator.locator("h1")).hasText("変電所監視端末でランサムウェアを検知");
    String reportPath = operator.url().substring(operator.url().indexOf("/reports/"));

    Page ministry = signIn(SignIn.MINISTRY, SignIn.DEMO_PASSWORD);
    ministry.navigate(url(reportPath));
    ministry.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("伝達する")).click();
    assertThat(ministry.getByRole(AriaRole.STATUS)).hasText("次の組織へ伝達しました。");

    Page hub = signIn(SignIn.DUTY_OFFICER, SignIn.DEMO_PASSWORD);
    hub.navigate(url(reportPath));
    hub.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("報告元を伏せて、分野を越えて共有する")).click();
    assertThat(hub.locator("h1")).hasText("報告を加工して、分野を越えて共有する");
    assertThat(hub.getByLabel("攻撃の痕跡")).hasValue(Pattern.compile("203\\.0\\.113\\.45"));
    screenshot(hub, "sanitised-form-ja");
    hub.getByLabel("内容").fill("電力分野の事業者から、変電所の監視端末でランサムウェアを検知したとの報告がありました。");
    hub.getByLabel("受領確認の期限").fill(FIELD.format(now.plusDays(2)));
    hub.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加工した情報を発出する")).click();
    assertThat(hub.getByRole(AriaRole.STATUS)).hasText("情報提供を発出しました。");
    String advisoryPath = hub.url().substring(hub.url().indexOf("/advisories/"));

    Page water = signIn("operator@demo.example", SignIn.DEMO_PASSWORD);
    water.navigate(url("/advisories"));
    String reference = advisoryPath.substring("/advisories/".length());
    assertThat(water.locator("tr", new Page.LocatorOptions().setHasText(reference)))
        .containsText("受領確認が必要です");
    water.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
    assertThat(water.locator("#source")).containsText("電力分野の事業者");
    assertThat(water.locator("main")).not().containsText("あさひ野電力");
    water.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受領を確認する")).click();
    assertThat(water.getByRole(AriaRole.STATUS)).hasText("受領を確認しました。発出元に伝わります。");
    screenshot(water, "advisory-recipient-ja");

    hub.navigate(url(advisoryPath));
    assertThat(hub.locator("#status-counts")).hasText(Pattern.compile("1 件確認済み、\\d+ 件未確認"));
    screenshot(hub, "advisory-issuer-ja");
  }

  private Page signIn(String email, String password) {
    BrowserContext context = Browser.newContext();
    contexts.add(context);
    Page page = context.newPage();
    page.navigate(url("/"));
    page.getByLabel("メールアドレス").fill(email);
    page.getByLabel("パスワード").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
    assertThat(page.locator("h1")).hasText("ようこそ");
    return page;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(Path.of("target", "screenshots", name + ".png")));
  }
}
