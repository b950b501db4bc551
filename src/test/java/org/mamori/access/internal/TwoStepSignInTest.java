package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MamoriTest
class TwoStepSignInTest {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired TotpSecretBox box;

  @Autowired TestPeople people;

  @Test
  void aPersonSetsUpTwoStepSignInWithTheQrCodeAndThenNeedsACodeToSignIn() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession browser = signedIn(person);
    Document setup = browser.page("/account/two-step/setup");
    String uri = setup.select("#otpauth-uri").text();
    assertThat(uri).startsWith("otpauth://totp/Mamori%3A").contains("issuer=Mamori");
    assertThat(decodeQrCode(setup.select("#qr-code").attr("src"))).isEqualTo(uri);
    byte[] secret = Base32.decode(setup.select("#secret").text());
    assertThat(secret).hasSize(TwoStep.SECRET_BYTES);
    assertThat(uri).contains("secret=" + Base32.encode(secret));
    // Reloading the page keeps the secret the app may already have scanned.
    assertThat(browser.page("/account/two-step/setup").select("#secret").text())
        .isEqualTo(setup.select("#secret").text());

    MvcResult confirmed =
        browser.post("/account/two-step/setup", "code", AuthenticatorApp.currentCode(secret));
    assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/account/two-step");
    assertThat(browser.page("/account/two-step").select("#two-step-status").text())
        .isEqualTo("2段階認証は有効です。");
    assertThat(people.auditEntries("access.two-step.turned-on", person.id().toString()))
        .isEqualTo(1);

    BrowserSession next = new BrowserSession(mvc);
    assertThat(next.get("/directory/sectors").getResponse().getRedirectedUrl())
        .endsWith("/sign-in");
    assertThat(next.signIn(person.email(), TestPeople.PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/sign-in/two-step");
    // The password alone opens nothing.
    assertThat(next.get("/account").getResponse().getRedirectedUrl())
        .isEqualTo("/sign-in/two-step");
    assertThat(next.page("/sign-in/two-step").select("h1").text()).isEqualTo("確認コードを入力してください");
    MvcResult signedIn = next.post("/sign-in/two-step", "code", AuthenticatorApp.nextCode(secret));
    // On to the page the person first asked for.
    assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith("/directory/sectors?continue");
    assertThat(next.get("/directory/sectors").getResponse().getStatus()).isEqualTo(200);
  }

  @Test
  void theSecretIsStoredSealedNotAsTheKeyPeopleType() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    Document setup = signedIn(person).page("/account/two-step/setup");
    String typed = setup.select("#secret").text().replace(" ", "");
    String stored =
        jdbc.sql("select totp_secret from credential where person_id = :person")
            .param("person", person.id().value())
            .query(String.class)
            .single();
    assertThat(stored).startsWith("v1:").doesNotContain(typed);
    assertThat(Base32.encode(box.open(person.id().value(), stored))).isEqualTo(typed);
    // Sealed for one person, it does not open for another.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.open(UUID.randomUUID(), stored))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCodeIsNeverAcceptedTwice() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    byte[] secret = turnOn(signedIn(person));
    String code = AuthenticatorApp.nextCode(secret);

    BrowserSession first = new BrowserSession(mvc);
    first.signIn(person.email(), TestPeople.PASSWORD);
    assertThat(first.post("/sign-in/two-step", "code", code).getResponse().getRedirectedUrl())
        .isEqualTo("/");

    BrowserSession replay = new BrowserSession(mvc);
    replay.signIn(person.email(), TestPeople.PASSWORD);
    MvcResult refused = replay.post("/sign-in/two-step", "code", code);
    assertThat(refused.getResponse().getStatus()).isEqualTo(200);
    assertThat(BrowserSession.html(refused).select(".error-summary a[href=#code]").text())
        .startsWith("確認コードが正しくありません");
    assertThat(replay.get("/directory/sectors").getResponse().getRedirectedUrl())
        .isEqualTo("/sign-in/two-step");
  }

  @Test
  void wrongCodesCountTowardTheSameLockoutAsWrongPasswords() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    byte[] secret = turnOn(signedIn(person));
    BrowserSession browser = new BrowserSession(mvc);
    browser.signIn(person.email(), TestPeople.PASSWORD);
    String wrong = AuthenticatorApp.wrongCode(secret);
    for (int attempt = 1; attempt < 5; attempt++) {
      assertThat(browser.post("/sign-in/two-step", "code", wrong).getResponse().getStatus())
          .isEqualTo(200);
    }
    String locked =
        browser.post("/sign-in/two-step", "code", wrong).getResponse().getRedirectedUrl();
    assertThat(locked).startsWith("/sign-in?locked=");
    // The half-finished sign-in is over, and the password alone no longer gets in either.
    assertThat(browser.get("/sign-in/two-step").getResponse().getRedirectedUrl())
        .endsWith("/sign-in");
    assertThat(
            new BrowserSession(mvc)
                .signIn(person.email(), TestPeople.PASSWORD)
                .getResponse()
                .getRedirectedUrl())
        .startsWith("/sign-in?locked=");
  }

  @Test
  void twoStepSignInIsTurnedOffOnlyWithACurrentCode() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession browser = signedIn(person);
    byte[] secret = turnOn(browser);
    MvcResult refused =
        browser.post("/account/two-step/off", "code", AuthenticatorApp.wrongCode(secret));
    assertThat(BrowserSession.html(refused).select(".error-summary").text())
        .contains("確認コードが正しくありません");
    assertThat(browser.page("/account/two-step").select("#two-step-status").text())
        .isEqualTo("2段階認証は有効です。");

    MvcResult off =
        browser.post("/account/two-step/off", "code", AuthenticatorApp.nextCode(secret));
    assertThat(off.getResponse().getRedirectedUrl()).isEqualTo("/account/two-step");
    assertThat(browser.page("/account/two-step").select("#two-step-status").text())
        .isEqualTo("2段階認証は設定されていません。");
    assertThat(people.auditEntries("access.two-step.turned-off", person.id().toString()))
        .isEqualTo(1);
    assertThat(
            new BrowserSession(mvc)
                .signIn(person.email(), TestPeople.PASSWORD)
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/");
  }

  @Test
  void inTheDemoAPlatformAdministratorWithoutTwoStepSignInSeesADismissibleNotice()
      throws Exception {
    BrowserSession admin = new BrowserSession(mvc);
    assertThat(admin.signIn(SignIn.ADMIN, SignIn.DEMO_PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/");
    Document home = admin.page("/directory/sectors");
    assertThat(home.select("#two-step-notice a").attr("href")).isEqualTo("/account/two-step/setup");
    assertThat(admin.page("/account/two-step/setup").select("#two-step-notice")).isEmpty();
    MvcResult dismissed = admin.post("/account/two-step/notice");
    assertThat(dismissed.getResponse().getRedirectedUrl()).isEqualTo("/");
    assertThat(admin.page("/directory/sectors").select("#two-step-notice")).isEmpty();

    BrowserSession analyst = new BrowserSession(mvc);
    analyst.signIn(SignIn.ANALYST, SignIn.DEMO_PASSWORD);
    assertThat(analyst.page("/").select("#two-step-notice")).isEmpty();
  }

  private BrowserSession signedIn(TestPeople.TestPerson person) throws Exception {
    BrowserSession browser = new BrowserSession(mvc);
    assertThat(browser.signIn(person.email(), TestPeople.PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/");
    return browser;
  }

  /** Turns two-step sign-in on with the current step's code; returns the secret. */
  private static byte[] turnOn(BrowserSession browser) throws Exception {
    byte[] secret = Base32.decode(browser.page("/account/two-step/setup").select("#secret").text());
    MvcResult result =
        browser.post("/account/two-step/setup", "code", AuthenticatorApp.currentCode(secret));
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/two-step");
    return secret;
  }

  private static String decodeQrCode(String dataUri) throws Exception {
    assertThat(dataUri).startsWith("data:image/png;base64,");
    return QrCodesTest.decode(dataUri);
  }
}
