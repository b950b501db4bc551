package org.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.sharing.ReportForwarded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails as a person receives them, from a real SMTP server (GreenMail) run in this test: Mamori
 * with e-mail set up, in a context of its own, closed after these tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestPeople.class)
@DirtiesContext
class MailDeliveryTest {

  static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("mamori.mail.host", () -> "127.0.0.1");
    registry.add("mamori.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("mamori.mail.starttls", () -> false);
    registry.add("mamori.mail.from", () -> "守り <mamori@example.go.jp>");
    registry.add("mamori.notify.poll-interval", () -> "PT1S");
  }

  @AfterAll
  static void stopMailServer() {
    SMTP.stop();
  }

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;

  NotifyScenarios scenarios;
  RequestPostProcessor operator;

  @BeforeEach
  void scenarios() throws Exception {
    scenarios = new NotifyScenarios(mvc, jdbc, transaction, events);
    operator = SignIn.as(mvc, "operator@demo.example");
  }

  @Test
  void aReportReachingTheMinistryIsEmailedInJapaneseWithALinkToIt() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");

    String reference = scenarios.file(operator, "浄水場の薬品注入装置が停止", "AMBER");

    MimeMessage mail = awaitMailTo(liaison.email());
    assertThat(mail.getSubject()).isEqualTo("【守り】国土交通省 に報告が届きました — " + reference + " [TLP:AMBER]");
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("守り");
    String body = body(mail);
    assertThat(body)
        .contains(
            liaison.name() + " 様",
            "国土交通省 に報告が届きました。",
            "参照番号: " + reference,
            "件名: 浄水場の薬品注入装置が停止",
            "共有の範囲: TLP:AMBER",
            "http://localhost:8080/reports/" + reference,
            "http://localhost:8080/notifications/preferences");
  }

  @Test
  void whoChoseEnglishGetsTheirEmailInEnglish() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    choose(liaison, "EN", List.of("REPORT_RECEIVED"));

    String reference = scenarios.file(operator, "Intake pump alarm", "GREEN");

    MimeMessage mail = awaitMailTo(liaison.email());
    assertThat(mail.getSubject())
        .isEqualTo(
            "[Mamori] A report has reached Ministry of Land, Infrastructure, Transport and Tourism — "
                + reference
                + " [TLP:GREEN]");
    assertThat(body(mail))
        .contains(
            "Dear " + liaison.name() + ",", "Reference: " + reference, "Title: Intake pump alarm");
  }

  @Test
  void aRedReportIsEmailedOnlyToThePeopleItNamesAndWithoutItsTitle() throws Exception {
    TestPeople.TestPerson named = people.create("minamikawa-water", "reporter");
    TestPeople.TestPerson colleague = people.create("minamikawa-water", "approver");
    choose(named, "JA", List.of("REPORT_SENT"));
    choose(colleague, "JA", List.of("REPORT_SENT"));

    String reference = scenarios.fileRed(operator, "遠隔保守回線の認証情報が漏れた疑い", named.email());
    UUID report = scenarios.reportId(reference);

    String body = body(awaitMailTo(named.email()));
    assertThat(body)
        .contains("参照番号: " + reference, "共有の範囲: TLP:RED")
        .doesNotContain("遠隔保守回線の認証情報が漏れた疑い");
    scenarios.awaitHandled(report);
    assertThat(scenarios.deliveries("EMAIL", colleague.id().value(), report)).isZero();
    assertThat(mailsTo(colleague.email())).isEmpty();
  }

  @Test
  void anEventDeliveredTwiceIsEmailedOnce() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    String reference = scenarios.file(operator, "配水池の流量計が故障", "GREEN");
    UUID report = scenarios.reportId(reference);
    awaitMailTo(liaison.email());

    scenarios.publish(
        new ReportForwarded(
            report,
            reference,
            people.organisation("minamikawa-water"),
            people.organisation("mlit"),
            false));
    scenarios.awaitHandled(report);

    assertThat(scenarios.deliveries("EMAIL", liaison.id().value(), report)).isEqualTo(1);
    assertThat(mailsTo(liaison.email())).hasSize(1);
  }

  @Test
  void whoTurnedEmailOffForReportsGetsNoneWhileTheirColleagueDoes() throws Exception {
    TestPeople.TestPerson quiet = people.create("mlit", "relay");
    TestPeople.TestPerson colleague = people.create("mlit", "relay");
    choose(quiet, "JA", List.of());

    String reference = scenarios.file(operator, "送水管の漏水検知", "GREEN");
    UUID report = scenarios.reportId(reference);

    awaitMailTo(colleague.email());
    scenarios.awaitHandled(report);
    assertThat(scenarios.deliveries("EMAIL", quiet.id().value(), report)).isZero();
    assertThat(scenarios.notifications(quiet.id(), report)).isEqualTo(1);
  }

  @Test
  void anOperatorInScopeIsEmailedWhenASituationOpensWithTheFollowUpRhythm() throws Exception {
    TestPeople.TestPerson reporter = people.create(people.newOperator("gas"), "reporter");
    TestPeople.TestPerson duty = people.create("national-hub", "duty-officer");
    RequestPostProcessor officer = SignIn.as(mvc, duty.email(), TestPeople.PASSWORD);
    String title = "ガス導管の遠隔監視停止 " + UUID.randomUUID();
    UUID gas = jdbc.sql("select id from sector where code = 'gas'").query(UUID.class).single();
    mvc.perform(
            post("/situations/call")
                .with(officer)
                .with(csrf())
                .param("title", title)
                .param("level", "ci-outage")
                .param("sectors", gas.toString())
                .param("reason", "複数事業者で監視停止"))
        .andExpect(redirectedUrl("/situations"));
    var situation =
        jdbc.sql("select id, reference from situation where title = :title")
            .param("title", title)
            .query()
            .singleRow();

    MimeMessage mail = awaitMailTo(reporter.email());
    String said =
        "事態 "
            + situation.get("reference")
            + " が宣言されました。レベルは 大規模重要インフラサービス障害対応時 です。続報は"
            + jdbc.sql("select follow_up_minutes from situation_level where code = 'ci-outage'")
                .query(Integer.class)
                .single()
            + "分ごとにお願いします";
    assertThat(mail.getSubject()).isEqualTo("【守り・事態対応】" + said + " [TLP:AMBER]");
    assertThat(body(mail))
        .contains(
            reporter.name() + " 様",
            said + "。",
            "事態の参照番号: " + situation.get("reference"),
            "http://localhost:8080/reports?box=ALL")
        .doesNotContain(title);
    assertThat(body(awaitMailTo(duty.email())))
        .contains("http://localhost:8080/situations/" + situation.get("id"));

    mvc.perform(
            post("/situations/{id}/close", situation.get("id"))
                .with(officer)
                .with(csrf())
                .param("reason", "復旧した"))
        .andExpect(redirectedUrl("/situations/" + situation.get("id")));
  }

  private void choose(TestPeople.TestPerson person, String language, List<String> emailed)
      throws Exception {
    mvc.perform(
            post("/notifications/preferences")
                .with(SignIn.as(mvc, person.email(), TestPeople.PASSWORD))
                .with(csrf())
                .param(
                    "inApp",
                    "REPORT_RECEIVED",
                    "REPORT_UPDATED",
                    "REPORT_SENT",
                    "ADVISORY_RECEIVED",
                    "ADVISORY_REMINDER",
                    "ACKNOWLEDGED")
                .param("email", emailed.toArray(String[]::new))
                .param("_inApp", "on")
                .param("_email", "on")
                .param("language", language))
        .andExpect(redirectedUrl("/notifications/preferences"));
  }

  static MimeMessage awaitMailTo(String address) {
    return await()
        .atMost(NotifyScenarios.PATIENCE)
        .until(() -> mailsTo(address), found -> !found.isEmpty())
        .get(0);
  }

  static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(message -> addressedTo(message, address))
        .toList();
  }

  private static boolean addressedTo(MimeMessage message, String address) {
    try {
      Address[] recipients = message.getAllRecipients();
      return recipients != null
          && Arrays.stream(recipients)
              .anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage message) throws Exception {
    return message.getContent().toString();
  }
}
