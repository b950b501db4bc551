package org.mamori.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The situation room in a real browser: a duty officer calls a situation, sees its timeline and
 * sector map, drafts and issues the first SITREP, downloads the after-action PDF, and closes it.
 */
@MamoriTest
class SituationRoomBrowserTest {

  @LocalServerPort int port;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;

  private BrowserContext context;

  @AfterEach
  void closeBrowser() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void aDutyOfficerIssuesASitrepAndDownloadsTheRecord() throws Exception {
    String title = "水道の広域停止 " + UUID.randomUUID().toString().substring(0, 8);
    context = Browser.newContext();
    Page duty = context.newPage();
    duty.navigate(url("/"));
    duty.getByLabel("メールアドレス").fill(people.create("national-hub", "duty-officer").email());
    duty.getByLabel("パスワード").fill(TestPeople.PASSWORD);
    duty.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
    assertThat(duty.locator("h1")).hasText("ようこそ");

    duty.navigate(url("/situations/call"));
    duty.locator("#title").fill(title);
    duty.locator("#level").selectOption("ci-outage");
    duty.locator("#sector-water").check();
    duty.locator("#reason").fill("複数の浄水場で停止");
    duty.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("決定する")).click();
    UUID situation =
        jdbc.sql("select id from situation where title = :t")
            .param("t", title)
            .query(UUID.class)
            .single();

    duty.navigate(url("/situations/" + situation));
    assertThat(duty.locator("#timeline")).containsText("事態を開始");
    assertThat(duty.locator("#sector-map [data-sector=water]")).containsText("対象");
    duty.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("状況報告の下書きを作る")).click();
    assertThat(duty.locator("h1")).containsText("状況報告 第1報");
    assertThat(duty.locator("#body")).hasValue(java.util.regex.Pattern.compile("【状況報告 第1報】"));
    duty.locator("#body").fill("第1報: 水道分野で停止が続いています。続報をお願いします。");
    duty.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("情報提供として発出する")).click();
    assertThat(duty.getByRole(AriaRole.STATUS)).hasText("状況報告 第1報を情報提供として発出しました。");
    assertThat(duty.locator("#sitreps")).containsText("第1報");
    assertThat(duty.locator("#timeline")).containsText("状況報告 第1報を発出");

    Download download = duty.waitForDownload(() -> duty.locator("#export-pdf").click());
    byte[] pdf = Files.readAllBytes(download.path());
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(download.suggestedFilename()).endsWith("-interim-after-action.pdf");

    duty.locator("#reason").fill("復旧した");
    duty.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("事態を終了する")).click();
    assertThat(duty.locator("#situation-closed")).containsText("復旧した");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
