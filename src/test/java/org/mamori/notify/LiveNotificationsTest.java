package org.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.NotificationStream;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed-in browser listening at /notifications/stream (here a real HTTP client on the real
 * server, carrying the session cookie) hears of a new notice as it is created.
 */
@MamoriTest
class LiveNotificationsTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;

  @Test
  void aSignedInBrowserHearsOfANewNoticeAsItHappens() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    NotifyScenarios scenarios = new NotifyScenarios(mvc, jdbc, transaction, events);
    try (NotificationStream stream =
        NotificationStream.open(port, SignIn.session(mvc, liaison.email(), TestPeople.PASSWORD))) {
      List<String> lines = stream.lines();
      assertThat(stream.response().statusCode()).isEqualTo(200);
      assertThat(stream.response().headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      await().atMost(NotifyScenarios.PATIENCE).until(() -> lines.contains("event:unread"));
      assertThat(lines).contains("data:{\"unread\":0}");

      String reference =
          scenarios.file(SignIn.as(mvc, "operator@demo.example"), "配水ポンプ場の停電", "AMBER");

      String data =
          await()
              .atMost(NotifyScenarios.PATIENCE)
              .until(
                  () ->
                      lines.stream()
                          .filter(line -> line.startsWith("data:") && line.contains(reference))
                          .findFirst(),
                  found -> found.isPresent())
              .get();
      JsonNode notice = JsonMapper.builder().build().readTree(data.substring("data:".length()));
      assertThat(notice.get("unread").asLong()).isEqualTo(1);
      assertThat(notice.get("text").asString())
          .isEqualTo("国土交通省 に報告が届きました: " + reference + " 配水ポンプ場の停電");
      assertThat(notice.get("url").asString()).isEqualTo("/reports/" + reference);
      assertThat(lines.get(lines.indexOf(data) - 2)).isEqualTo("event:notification");
    }
  }

  @Test
  void noStreamWithoutSigningIn() throws Exception {
    HttpResponse<Void> refused =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/notifications/stream"))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
  }
}
