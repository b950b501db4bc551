package org.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriApplication;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.access.Passwords;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Notifications pending when Mamori stops are delivered after it starts again: an e-mail left in
 * the outbox (the SMTP server was down) is sent by the polls of the next start, and an event whose
 * notices were never written (Mamori stopped before its listener committed) is resubmitted by the
 * event publication registry at start and notified then. Two real starts of the whole application,
 * with the real scheduler and a real SMTP server.
 */
class NotifyRestartTest {

  @Test
  void whatWasPendingWhenMamoriStoppedIsDeliveredAfterItStartsAgain() throws Exception {
    int smtpPort = freePort();
    TestPeople.TestPerson liaison;
    UUID mailLeftInOutbox;
    UUID eventLeftIncomplete;
    // The first run stops before its outbox is ever polled.
    try (Running first = Running.start(smtpPort, "PT1H")) {
      liaison = first.people.create("mlit", "relay");
      mailLeftInOutbox = first.file("停止前に届いた報告 (メールは未送信)");
      first.scenarios.awaitHandled(mailLeftInOutbox);
      assertThat(first.pendingMails(mailLeftInOutbox, liaison)).isEqualTo(1);

      eventLeftIncomplete = first.file("停止で通知が書かれなかった報告");
      first.scenarios.awaitHandled(eventLeftIncomplete);
      first.stopsBeforeTheListenerCommitted(eventLeftIncomplete);
    }

    GreenMail smtp =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (Running second = Running.start(smtpPort, "PT1S")) {
      List<MimeMessage> mails =
          await()
              .atMost(NotifyScenarios.PATIENCE)
              .until(() -> mailsTo(smtp, liaison.email()), found -> found.size() >= 2);
      assertThat(mails)
          .extracting(MimeMessage::getSubject)
          .hasSize(2)
          .anySatisfy(s -> assertThat(s).contains(second.reference(mailLeftInOutbox)))
          .anySatisfy(s -> assertThat(s).contains(second.reference(eventLeftIncomplete)));
      assertThat(second.scenarios.notifications(liaison.id(), eventLeftIncomplete)).isEqualTo(1);
      assertThat(second.scenarios.notifications(liaison.id(), mailLeftInOutbox)).isEqualTo(1);
    } finally {
      smtp.stop();
    }
  }

  /** One start of the whole application, on a free port, with e-mail through the given port. */
  private static final class Running implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final MockMvc mvc;
    final JdbcClient jdbc;
    final TestPeople people;
    final NotifyScenarios scenarios;

    private Running(ConfigurableApplicationContext context) {
      this.context = context;
      // Sessions live in the database, as in a browser: the session filter comes first.
      this.mvc =
          MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
              .addFilters(context.getBean(SessionRepositoryFilter.class))
              .apply(springSecurity())
              .build();
      this.jdbc = context.getBean(JdbcClient.class);
      this.people =
          new TestPeople(
              context.getBean(Enrolment.class),
              context.getBean(Passwords.class),
              context.getBean(Directory.class),
              jdbc);
      this.scenarios =
          new NotifyScenarios(mvc, jdbc, context.getBean(TransactionTemplate.class), context);
    }

    /**
     * Command-line arguments, since they outrank the application's own properties.
     *
     * @param pollInterval how often the outbox is polled (first poll after one interval)
     */
    static Running start(int smtpPort, String pollInterval) {
      return new Running(
          new SpringApplicationBuilder(MamoriApplication.class)
              .run(
                  "--server.port=0",
                  "--mamori.mail.host=127.0.0.1",
                  "--mamori.mail.port=" + smtpPort,
                  "--mamori.mail.starttls=false",
                  "--mamori.notify.poll-interval=" + pollInterval));
    }

    /** The water utility's reporter files an AMBER report; it reaches the ministry (MLIT). */
    UUID file(String summary) throws Exception {
      return scenarios.reportId(
          scenarios.file(SignIn.as(mvc, "operator@demo.example"), summary, "AMBER"));
    }

    String reference(UUID report) {
      return jdbc.sql("select reference from report where id = :id")
          .param("id", report)
          .query(String.class)
          .single();
    }

    long pendingMails(UUID report, TestPeople.TestPerson person) {
      return jdbc.sql(
              """
              select count(*) from notify_delivery
              where channel = 'EMAIL' and item_id = :report and recipient = :person
                and state = 'PENDING' and attempts = 0
              """)
          .param("report", report)
          .param("person", person.id().value())
          .query(Long.class)
          .single();
    }

    /**
     * Leaves the database as if Mamori had stopped while the notification module was handling the
     * report's events: no notice or outbox entry written (its transaction never committed), and the
     * events' publications not completed.
     */
    void stopsBeforeTheListenerCommitted(UUID report) {
      jdbc.sql("delete from notification where item_id = :report").param("report", report).update();
      jdbc.sql("delete from notify_delivery where item_id = :report")
          .param("report", report)
          .update();
      int reopened =
          jdbc.sql(
                  """
                  update event_publication
                  set completion_date = null, status = 'PROCESSING'
                  where listener_id like 'org.mamori.notify.%' and serialized_event like :report
                  """)
              .param("report", "%" + report + "%")
              .update();
      assertThat(reopened).isPositive();
    }

    @Override
    public void close() {
      context.close();
    }
  }

  private static List<MimeMessage> mailsTo(GreenMail smtp, String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
