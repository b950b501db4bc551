package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MamoriTest
class AccountPagesTest {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Autowired TestPeople people;

  @Test
  void theAccountPageShowsWhoIAmAndWhatMyRolesAllowInEachOrganisation() throws Exception {
    TestPeople.TestPerson person = people.create("meti", "relay");
    people.join(person, "ceptoar-electricity", "reporter");
    BrowserSession browser = signedIn(person);
    Document page = browser.page("/account");
    assertThat(page.select("#account-name").text()).isEqualTo(person.name());
    assertThat(page.select("#account-email").text()).isEqualTo(person.email());
    assertThat(page.select("#organisations tbody tr")).hasSize(2);
    assertThat(page.select("#organisations tr:contains(経済産業省)").text())
        .contains("relay", "届いた報告を確認して伝達し");
    assertThat(page.select("#organisations tr:contains(電力セプター)").text())
        .contains("reporter", "障害や攻撃を報告する");
    assertThat(page.select("#organisations tbody tr:contains(操作中)")).hasSize(1);
    assertThat(page.select("#two-step-summary").text()).isEqualTo("2段階認証は設定されていません。");
    assertThat(browser.page("/account?lang=en").select("h1").text()).isEqualTo("My settings");
  }

  @Test
  void fiveWrongPasswordsLockTheAddressAndThePageSaysUntilWhenInJapanTime() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession browser = new BrowserSession(mvc);
    for (int attempt = 1; attempt < 5; attempt++) {
      assertThat(
              browser
                  .signIn(person.email(), "wrong password " + attempt)
                  .getResponse()
                  .getRedirectedUrl())
          .isEqualTo("/sign-in?error");
    }
    String locked =
        browser.signIn(person.email(), "wrong password 5").getResponse().getRedirectedUrl();
    OffsetDateTime until =
        jdbc.sql("select locked_until from sign_in_throttle where email_key = :email")
            .param("email", person.email())
            .query(OffsetDateTime.class)
            .single();
    String japanTime =
        DateTimeFormatter.ofPattern("HH:mm")
            .format(until.atZoneSameInstant(ZoneId.of("Asia/Tokyo")));
    assertThat(locked).isEqualTo("/sign-in?locked=" + japanTime.replace(":", "%3A"));
    Document page = browser.page(locked);
    assertThat(page.select("#locked").text())
        .isEqualTo("ログインの失敗が続いたため、" + japanTime + " (日本時間) まで一時的にログインできません。時間をおいてもう一度お試しください。");
    assertThat(page.select("#email").val()).isEqualTo(person.email());
    // Even the right password waits until then.
    assertThat(browser.signIn(person.email(), TestPeople.PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo(locked);
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPasswordAndNeverShowsAPasswordBack() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession browser = signedIn(person);
    MvcResult refused =
        browser.post(
            "/account/password",
            "currentPassword",
            "not my password",
            "newPassword",
            "a brand new passphrase",
            "confirmPassword",
            "a brand new passphrase");
    Document page = BrowserSession.html(refused);
    assertThat(page.select(".error-summary a[href=#currentPassword]").text())
        .isEqualTo("今のパスワードが正しくありません。");
    assertThat(page.select("input[type=password]")).hasSize(3).allMatch(i -> i.val().isEmpty());
    assertThat(refused.getResponse().getContentAsString())
        .doesNotContain("not my password", "a brand new passphrase");

    Document tooShort =
        BrowserSession.html(
            browser.post(
                "/account/password",
                "currentPassword",
                "",
                "newPassword",
                "short",
                "confirmPassword",
                "short"));
    assertThat(tooShort.select(".error-summary li")).hasSize(2);
    assertThat(tooShort.select(".error-summary a[href=#newPassword]").text())
        .isEqualTo("パスワードは10文字以上128文字以下で入力してください。");

    Document mismatch =
        BrowserSession.html(
            browser.post(
                "/account/password",
                "currentPassword",
                TestPeople.PASSWORD,
                "newPassword",
                "a brand new passphrase",
                "confirmPassword",
                "a brand new passphrasf"));
    assertThat(mismatch.select(".error-summary a[href=#confirmPassword]").text())
        .startsWith("確認のために入力したパスワードが一致しません");
  }

  @Test
  void aChangedPasswordWorksTheOldOneNoLongerDoesAndOtherSessionsEnd() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession elsewhere = signedIn(person);
    BrowserSession browser = signedIn(person);
    MvcResult changed =
        browser.post(
            "/account/password",
            "currentPassword",
            TestPeople.PASSWORD,
            "newPassword",
            "新しい合言葉は十文字以上",
            "confirmPassword",
            "新しい合言葉は十文字以上");
    assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/account");
    assertThat(browser.page("/account").select(".alert-success").text()).isEqualTo("パスワードを変更しました。");
    assertThat(elsewhere.get("/account").getResponse().getRedirectedUrl()).endsWith("/sign-in");
    assertThat(people.auditEntries("access.password.set", person.id().toString())).isEqualTo(2);
    assertThat(
            new BrowserSession(mvc)
                .signIn(person.email(), TestPeople.PASSWORD)
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/sign-in?error");
    assertThat(
            new BrowserSession(mvc)
                .signIn(person.email(), "新しい合言葉は十文字以上")
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/");
  }

  private BrowserSession signedIn(TestPeople.TestPerson person) throws Exception {
    BrowserSession browser = new BrowserSession(mvc);
    assertThat(browser.signIn(person.email(), TestPeople.PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/");
    return browser;
  }
}
