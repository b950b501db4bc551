package org.mamori.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.notify.NotifyScenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live notifications in a real browser, under the real content security policy: the page script
 * listens to the stream, counts the new notice on the bell and refreshes the list by itself.
 */
@MamoriTest
class NotificationsBrowserTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;

  private BrowserContext context;
  private Page page;
  private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

  @BeforeEach
  void openBrowser() {
    context = Browser.newContext();
    page = context.newPage();
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            consoleErrors.add(message.text());
          }
        });
  }

  @AfterEach
  void closeBrowser() {
    // Without a browser the test was skipped before it had one.
    if (context != null) {
      context.close();
    }
  }

  @Test
  void aNewNoticeAppearsOnTheOpenPageAndTheBellCountsIt() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    page.navigate("http://localhost:" + port + "/sign-in");
    page.getByLabel("メールアドレス").fill(liaison.email());
    page.getByLabel("パスワード").fill(TestPeople.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("お知らせ")).click();
    assertThat(page.locator("h1")).hasText("お知らせ");
    assertThat(page.locator("#notification-list")).containsText("未読のお知らせはありません");
    assertThat(page.locator(".notify-count")).isHidden();

    String reference =
        new NotifyScenarios(mvc, jdbc, transaction, events)
            .file(SignIn.as(mvc, "operator@demo.example"), "配水場の制御端末が再起動を繰り返す", "AMBER");

    assertThat(page.locator("#notification-list")).containsText(reference);
    assertThat(page.locator("#notification-list")).containsText("配水場の制御端末が再起動を繰り返す");
    assertThat(page.locator(".notify-count")).isVisible();
    assertThat(page.locator(".notify-number")).hasText("1");
    assertThat(page.locator("#notify-live")).containsText(reference);
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(Path.of("target", "screenshots", "notifications-ja.png")));
    assertThat(consoleErrors).isEmpty();
  }
}
