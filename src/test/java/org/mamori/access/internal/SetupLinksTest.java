package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mockito.AdditionalAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

@MamoriTest
@ExtendWith(OutputCaptureExtension.class)
class SetupLinksTest {

  private static final Pattern LOGGED_LINK =
      Pattern.compile(
          "Open (http://localhost:8080/setup/([0-9A-Za-z]+)) within 24 hours to choose the first"
              + " administrator's password");

  @Autowired MockMvc mvc;
  @Autowired Enrolment enrolment;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired SetupLinkService links;
  @Autowired TransactionTemplate transactions;

  @Autowired TestPeople people;

  @Test
  void withoutAnAdministratorTheFirstOneIsEnrolledAndGetsALoggedLink(CapturedOutput output)
      throws Exception {
    String email = "first-admin-" + UUID.randomUUID() + "@test.example";
    firstAdministrator(email, false).onStart();

    Matcher logged = LOGGED_LINK.matcher(output.getOut());
    assertThat(logged.find()).as(output.getOut()).isTrue();
    String path = "/setup/" + logged.group(2);
    PersonSummary person = directory.personByEmail(email).orElseThrow();
    assertThat(person.displayName()).isEqualTo("最初の管理者");
    assertThat(directory.capabilitiesOf(new Actor(person.id(), directory.nationalHub().id())))
        .contains(Capability.ADMINISTER_PLATFORM);

    BrowserSession browser = new BrowserSession(mvc);
    Document form = browser.page(path);
    assertThat(form.select("h1").text()).isEqualTo("パスワードを設定してください");
    assertThat(form.select("form p, p").text()).contains(email);

    Document mismatch =
        BrowserSession.html(
            browser.post(path, "password", "a long first password", "confirmation", "other"));
    assertThat(mismatch.select(".error-summary a[href=#confirmation]")).hasSize(1);
    assertThat(mismatch.select("input[type=password]")).allMatch(i -> i.val().isEmpty());

    MvcResult chosen =
        browser.post(
            path, "password", "a long first password", "confirmation", "a long first password");
    assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?password-set");
    // MockMvc drops a query parameter without "=", which servlet containers keep as "".
    assertThat(browser.page("/sign-in?password-set=").select("#password-set")).hasSize(1);
    assertThat(
            new BrowserSession(mvc)
                .signIn(email, "a long first password")
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/");
    assertThat(people.auditEntries("access.setup-link.created", person.id().toString()))
        .isEqualTo(1);
    assertThat(people.auditEntries("access.setup-link.used", person.id().toString())).isEqualTo(1);

    // Once is all.
    assertThat(new BrowserSession(mvc).page(path).select("#setup-state").text())
        .startsWith("このリンクはすでに使われています");
    assertThat(
            new BrowserSession(mvc)
                .post(path, "password", "someone else's try", "confirmation", "someone else's try")
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    assertThat(
            new BrowserSession(mvc)
                .signIn(email, "someone else's try")
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/sign-in?error");
  }

  @Test
  void whileSomeoneAdministersThePlatformNoOneIsEnrolled(CapturedOutput output) {
    String email = "not-needed-" + UUID.randomUUID() + "@test.example";
    FirstAdministrator first = firstAdministrator(email, true);
    assertThat(first.ensure()).isEmpty();
    first.onStart();
    assertThat(directory.personByEmail(email)).isEmpty();
    assertThat(output.getOut()).doesNotContain("/setup/");
  }

  @Test
  void expiredAndUnknownLinksSaySo() throws Exception {
    TestPeople.TestPerson person = people.create("meti", "reporter");
    String url =
        transactions.execute(
            status ->
                links
                    .issue(
                        Actor.SYSTEM,
                        person.id(),
                        SetupLinks.Purpose.INVITATION,
                        SetupLinkService.INVITATION_VALIDITY)
                    .url());
    String secret = url.substring(url.lastIndexOf('/') + 1);
    jdbc.sql("update setup_link set expires_at = now() - interval '1 minute' where token_hash = :h")
        .param("h", SecretTokens.hash(secret))
        .update();
    assertThat(new BrowserSession(mvc).page("/setup/" + secret).select("#setup-state").text())
        .isEqualTo("このリンクは有効期限が過ぎています。");
    assertThat(
            new BrowserSession(mvc)
                .page("/setup/nothing-like-a-link")
                .select("#setup-state")
                .text())
        .startsWith("このリンクは正しくありません");
    // A signed-in person opening someone's link changes nothing of their own session.
    BrowserSession admin = new BrowserSession(mvc);
    admin.signIn(SignIn.ANALYST, SignIn.DEMO_PASSWORD);
    assertThat(admin.page("/setup/" + secret).select("h1").text()).isEqualTo("このリンクは使えません");
  }

  /** The start-up task over the real directory, told (or not) that no one administers yet. */
  private FirstAdministrator firstAdministrator(String email, boolean someoneAdministers) {
    Directory seen =
        mock(
            Directory.class,
            withSettings().defaultAnswer(AdditionalAnswers.delegatesTo(directory)));
    doReturn(someoneAdministers).when(seen).anyoneHolds(Capability.ADMINISTER_PLATFORM);
    return new FirstAdministrator(seen, enrolment, links, transactions, jdbc, email, "最初の管理者");
  }
}
