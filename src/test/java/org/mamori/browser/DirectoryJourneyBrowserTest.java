package org.mamori.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The directory's main journey, in a real browser: sign in, switch language, browse, edit. */
@MamoriTest
class DirectoryJourneyBrowserTest {

  @LocalServerPort int port;

  private BrowserContext context;
  private Page page;

  @BeforeEach
  void openBrowser() {
    context = Browser.newContext();
    page = context.newPage();
  }

  @AfterEach
  void closeBrowser() {
    // Without a browser the test was skipped before it had one.
    if (context != null) {
      context.close();
    }
  }

  @Test
  void anAdministratorSignsInSwitchesLanguageBrowsesASectorAndEditsTheSharingMap() {
    page.navigate("http://localhost:" + port + "/");
    assertThat(page.locator("h1")).hasText("ログイン");
    page.getByLabel("メールアドレス").fill(SignIn.ADMIN);
    page.getByLabel("パスワード").fill(SignIn.DEMO_PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
    assertThat(page.locator("h1")).hasText("ようこそ");
    screenshot("home-ja");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
    assertThat(page.locator("h1")).hasText("Welcome");
    page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main menu"))
        .getByRole(
            AriaRole.LINK,
            new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Sectors and organisations"))
        .click();
    assertThat(page.locator("h1")).hasText("Critical-infrastructure sectors");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Water supply")).click();
    assertThat(page.locator("#ministries-heading + table"))
        .containsText("Ministry of Land, Infrastructure, Transport and Tourism");
    screenshot("sector-water-en");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("日本語")).click();
    assertThat(page.locator("h1")).hasText("水道");

    page.navigate("http://localhost:" + port + "/directory/sharing-map");
    assertThat(page.locator("h1")).hasText("情報共有体制");
    page.getByLabel("送る側")
        .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("石油分野の事業者すべて"));
    page.getByLabel("受け取る側")
        .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("情報処理推進機構"));
    page.getByLabel("伝え方").selectOption("EMAIL");
    page.getByLabel("メモ (日本語)").fill("ブラウザ試験で追加");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("追加する")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("保存しました。");
    com.microsoft.playwright.Locator row =
        page.locator("#edges tbody tr", new Page.LocatorOptions().setHasText("ブラウザ試験で追加"));
    assertThat(row).containsText("石油分野の事業者すべて");
    assertThat(row).containsText("メール");
    screenshot("sharing-map-ja");

    row.getByRole(
            AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("編集"))
        .click();
    assertThat(page.locator("h1")).hasText("経路を編集する");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("この経路を削除する")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("経路を削除しました。");
    assertThat(page.locator("#edges tbody")).not().containsText("ブラウザ試験で追加");
  }

  private void screenshot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(Path.of("target", "screenshots", name + ".png")));
  }
}
