package org.mamori.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.notify.NotifyScenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's own system hears of what reaches it: a real HTTP server in this test receives
 * the calls, checks their signatures, and fails once when asked to.
 */
@MamoriTest
class WebhookDeliveryTest {

  /** A call as the receiving system saw it. */
  record Call(String signature, String event, String delivery, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static HttpServer receiver;
  static final List<Call> CALLS = new CopyOnWriteArrayList<>();

  /** Bodies containing one of these words are refused once, with HTTP 503. */
  static final Set<String> REFUSE_ONCE = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          String text = new String(body, StandardCharsets.UTF_8);
          boolean refuse = REFUSE_ONCE.removeIf(text::contains);
          if (!refuse) {
            CALLS.add(
                new Call(
                    exchange.getRequestHeaders().getFirst("X-Mamori-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Mamori-Event"),
                    exchange.getRequestHeaders().getFirst("X-Mamori-Delivery"),
                    body));
          }
          exchange.sendResponseHeaders(refuse ? 503 : 204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;
  @Autowired Outbox outbox;
  @Autowired Clock clock;

  NotifyScenarios scenarios;
  RequestPostProcessor administrator;
  String secret;

  @BeforeEach
  void setUpTheMinistrysWebhook() throws Exception {
    scenarios = new NotifyScenarios(mvc, jdbc, transaction, events);
    TestPeople.TestPerson admin = people.create("mlit", "org-admin", "relay");
    administrator = SignIn.as(mvc, admin.email(), TestPeople.PASSWORD);
    secret = "mlit-secret-" + UUID.randomUUID();
    mvc.perform(
            post("/notifications/webhook")
                .with(administrator)
                .with(csrf())
                .param("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                .param("secret", secret))
        .andExpect(redirectedUrl("/notifications/webhook"));
  }

  @AfterEach
  void removeIt() throws Exception {
    mvc.perform(post("/notifications/webhook/remove").with(administrator).with(csrf()))
        .andExpect(redirectedUrl("/notifications/webhook"));
  }

  @Test
  void theMinistrysSystemGetsASignedCallItCanVerify() throws Exception {
    String reference =
        scenarios.file(SignIn.as(mvc, "operator@demo.example"), "送水ポンプの遠隔操作ができない", "AMBER");

    Call call =
        await()
            .atMost(NotifyScenarios.PATIENCE)
            .until(() -> callAbout(reference), Optional::isPresent)
            .get();

    assertThat(call.signature()).isEqualTo("sha256=" + hmac(secret, call.body()));
    JsonNode json = JsonMapper.builder().build().readTree(call.body());
    assertThat(json.get("type").asString()).isEqualTo("report.received");
    assertThat(json.get("reference").asString()).isEqualTo(reference);
    assertThat(json.get("title").asString()).isEqualTo("送水ポンプの遠隔操作ができない");
    assertThat(json.get("tlp").asString()).isEqualTo("TLP:AMBER");
    assertThat(json.get("url").asString()).isEqualTo("http://localhost:8080/reports/" + reference);
    assertThat(json.get("occurredAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(json.get("id").asString()).isEqualTo(call.delivery());
    assertThat(call.event()).isEqualTo("report.received");

    Document page = Pages.get(mvc, administrator, "/notifications/webhook");
    Element line =
        page.select("#delivery-log tr[data-delivery-id=" + call.delivery() + "]").first();
    assertThat(line).isNotNull();
    assertThat(line.text()).contains(reference, "TLP:AMBER", "送信済み", "HTTP 204");
    assertThat(page.select("#current-webhook").text()).doesNotContain(secret);
    assertThat(page.html()).doesNotContain(secret);
  }

  @Test
  void aCallTheSystemRefusesIsTriedAgainLaterAndTheLogSaysSo() throws Exception {
    String summary = "配水制御盤の通信断 " + UUID.randomUUID();
    REFUSE_ONCE.add(summary);
    String reference = scenarios.file(SignIn.as(mvc, "operator@demo.example"), summary, "GREEN");
    UUID report = scenarios.reportId(reference);

    await()
        .atMost(NotifyScenarios.PATIENCE)
        .until(() -> !REFUSE_ONCE.contains(summary) && "HTTP 503".equals(outcome(report)));
    assertThat(callAbout(reference)).isEmpty();

    // A minute and more later, the next poll tries again.
    outbox.sendDue(clock.instant().plus(Duration.ofMinutes(2)));

    Call call =
        await()
            .atMost(NotifyScenarios.PATIENCE)
            .until(() -> callAbout(reference), Optional::isPresent)
            .get();
    assertThat(call.signature()).isEqualTo("sha256=" + hmac(secret, call.body()));
    Map<String, Object> delivery =
        jdbc.sql(
                "select state, attempts from notify_delivery where channel = 'WEBHOOK' and item_id = :report and recipient = :mlit")
            .param("report", report)
            .param("mlit", people.organisation("mlit").value())
            .query()
            .singleRow();
    assertThat(delivery).containsEntry("state", "SENT").containsEntry("attempts", 2);
  }

  private String outcome(UUID report) {
    return jdbc.sql(
            """
            select last_outcome from notify_delivery
            where channel = 'WEBHOOK' and item_id = :report and recipient = :mlit
            """)
        .param("report", report)
        .param("mlit", people.organisation("mlit").value())
        .query(String.class)
        .optional()
        .orElse("");
  }

  private static Optional<Call> callAbout(String reference) {
    return CALLS.stream().filter(call -> call.text().contains("\"" + reference + "\"")).findFirst();
  }

  private static String hmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
