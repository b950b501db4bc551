package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Mamori as a production install runs it: no demo, and sign-in with the organisation's OpenID
 * Connect provider (a real one, in-process, reached over HTTP by a real client that follows the
 * redirects). A context of its own, closed after these tests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "mamori.demo=false")
@AutoConfigureMockMvc
@Import(TestPeople.class)
@DirtiesContext
class OutsideTheDemoTest {

  private static final String ISSUER_ID = "organisation-idp";
  private static final String CLIENT_ID = "mamori";
  private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

  static {
    PROVIDER.start();
  }

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("mamori.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER_ID).toString());
    registry.add("mamori.oidc.client-id", () -> CLIENT_ID);
    registry.add("mamori.oidc.client-secret", () -> "client-secret");
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.shutdown();
  }

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Autowired TestPeople people;

  @Test
  void aPlatformAdministratorMustSetUpTwoStepSignInBeforeAnythingElse() throws Exception {
    TestPeople.TestPerson admin = people.create("national-hub", "platform-admin");
    BrowserSession browser = new BrowserSession(mvc);
    assertThat(browser.signIn(admin.email(), TestPeople.PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/account/two-step/setup");
    assertThat(browser.get("/directory/sectors").getResponse().getRedirectedUrl())
        .isEqualTo("/account/two-step/setup");
    assertThat(browser.get("/account/tokens").getResponse().getRedirectedUrl())
        .isEqualTo("/account/two-step/setup");
    Document setup = browser.page("/account/two-step/setup");
    assertThat(setup.select(".alert-warning").text()).startsWith("基盤管理者は、守りを使い始める前に");
    byte[] secret = Base32.decode(setup.select("#secret").text());

    assertThat(
            browser
                .post("/account/two-step/setup", "code", AuthenticatorApp.currentCode(secret))
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/account/two-step");
    assertThat(browser.get("/directory/sectors").getResponse().getStatus()).isEqualTo(200);

    // Turning it off leads straight back to setting it up again.
    assertThat(
            browser
                .post("/account/two-step/off", "code", AuthenticatorApp.nextCode(secret))
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/account/two-step/setup");
    assertThat(browser.get("/directory/sectors").getResponse().getRedirectedUrl())
        .isEqualTo("/account/two-step/setup");
  }

  @Test
  void otherPeopleOutsideTheDemoMayStillChoose() throws Exception {
    TestPeople.TestPerson analyst = people.create("national-hub", "analyst");
    BrowserSession browser = new BrowserSession(mvc);
    assertThat(
            browser.signIn(analyst.email(), TestPeople.PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/");
    assertThat(browser.page("/").select("#two-step-notice")).isEmpty();
  }

  @Test
  void theSignInPageOffersTheOrganisationsAccount() throws Exception {
    Document page = new BrowserSession(mvc).page("/sign-in");
    assertThat(page.select("a[href=/oauth2/authorization/oidc]").text()).isEqualTo("組織のアカウントでログイン");
  }

  @Test
  void aPersonIsMatchedByAVerifiedEmailOnceAndByTheLinkedSubjectAfter() throws Exception {
    TestPeople.TestPerson person = people.create("meti", "relay");
    String subject = "idp-" + UUID.randomUUID();
    HttpResponse<String> first = signInWithProvider(subject, person.email(), true);
    assertThat(first.uri().getPath()).isEqualTo("/");
    assertThat(Jsoup.parse(first.body()).select("header a[href=/account]").text())
        .isEqualTo(person.name());
    assertThat(
            jdbc.sql("select oidc_subject from credential where person_id = :p")
                .param("p", person.id().value())
                .query(String.class)
                .single())
        .isEqualTo(PROVIDER.issuerUrl(ISSUER_ID) + "#" + subject);
    assertThat(people.auditEntries("access.oidc.linked", person.id().toString())).isEqualTo(1);

    // Later the subject alone is enough, whatever the e-mail claim says.
    HttpResponse<String> again = signInWithProvider(subject, "moved@elsewhere.example", false);
    assertThat(again.uri().getPath()).isEqualTo("/");
    assertThat(Jsoup.parse(again.body()).select("header a[href=/account]").text())
        .isEqualTo(person.name());
    assertThat(people.auditEntries("access.oidc.linked", person.id().toString())).isEqualTo(1);

    // A second account of the provider with the same address does not take the person over.
    HttpResponse<String> other =
        signInWithProvider("idp-" + UUID.randomUUID(), person.email(), true);
    assertThat(other.uri().toString()).endsWith("/sign-in?oidc-unknown");
  }

  @Test
  void anUnknownOrUnverifiedAccountIsSentBackWithAClearMessage() throws Exception {
    HttpResponse<String> unknown =
        signInWithProvider(
            "idp-" + UUID.randomUUID(), "nobody-" + UUID.randomUUID() + "@x.example", true);
    assertThat(unknown.uri().toString()).endsWith("/sign-in?oidc-unknown");
    assertThat(Jsoup.parse(unknown.body()).select("#oidc-unknown").text())
        .startsWith("組織のアカウントではログインできましたが、守りの利用者として登録されていません");

    TestPeople.TestPerson person = people.create("meti", "relay");
    HttpResponse<String> unverified =
        signInWithProvider("idp-" + UUID.randomUUID(), person.email(), false);
    assertThat(unverified.uri().toString()).endsWith("/sign-in?oidc-unknown");
  }

  @Test
  void theProviderStandsInForThePasswordOnly() throws Exception {
    TestPeople.TestPerson admin = people.create("national-hub", "platform-admin");
    HttpResponse<String> signedIn =
        signInWithProvider("idp-" + UUID.randomUUID(), admin.email(), true);
    assertThat(signedIn.uri().getPath()).isEqualTo("/account/two-step/setup");
  }

  /** Walks the whole sign-in with a real HTTP client, as a browser would. */
  private HttpResponse<String> signInWithProvider(String subject, String email, boolean verified)
      throws Exception {
    PROVIDER.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID,
            subject,
            "JWT",
            List.of(CLIENT_ID),
            Map.of("email", email, "email_verified", verified, "name", "IdP user"),
            3600));
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<String> response =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/oauth2/authorization/oidc"))
                .header("Accept-Language", "ja")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }
}
