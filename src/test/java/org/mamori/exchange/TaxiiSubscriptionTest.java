package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiFixtures.TLP_AMBER;
import static org.mamori.exchange.TaxiiFixtures.TLP_GREEN;
import static org.mamori.exchange.TaxiiFixtures.TLP_RED;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.indicator;
import static org.mamori.exchange.TaxiiFixtures.newId;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.mamori.exchange.internal.subscription.SubscriptionPoller;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Mamori subscribed to a collection on a TAXII server (here its own, at its own port): polls page
 * by page from the high-water mark, stores each object once through the same checks as a POST,
 * never takes TLP:RED, skips what is above the ceiling, resumes exactly where a failed poll
 * stopped, and shows failures and refusals on the subscription's page. Pages hold two objects in
 * tests.
 */
@MamoriTest
class TaxiiSubscriptionTest {

  static final String V1 = "2026-09-01T00:00:00.000Z";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;
  @Autowired JdbcClient jdbc;
  @Autowired SubscriptionPoller poller;

  TaxiiHttp taxii;
  TaxiiFixtures fixtures;
  Subscribing subscribing;
  RequestPostProcessor admin;
  Member water;
  UUID remote;
  UUID target;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    fixtures = new TaxiiFixtures(mvc, people, collections);
    subscribing = new Subscribing(mvc, jdbc);
    admin = SignIn.as(mvc, SignIn.ADMIN);
    water = fixtures.member("minamikawa-water", "reporter");
    remote = fixtures.collection(Tlp.GREEN, Set.of("minamikawa-water"), Set.of("minamikawa-water"));
    target = fixtures.collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of());
  }

  String remoteUrl() {
    return "http://localhost:" + port + TaxiiHttp.collection(remote);
  }

  @Test
  void aPollStoresEveryPageOnceNeverTakesRedAndSkipsWhatIsAboveTheCeiling() throws Exception {
    String green1 = newId("indicator");
    String green2 = newId("indicator");
    String unmarked = newId("indicator");
    String amber = newId("indicator");
    String red = newId("indicator");
    add(
        indicator(green1, V1, TLP_GREEN),
        indicator(red, V1, TLP_RED),
        indicator(amber, V1, TLP_AMBER),
        indicator(green2, V1, TLP_GREEN),
        indicator(unmarked, V1));
    UUID subscription =
        subscribing.subscribe(admin, Subscribing.form(remoteUrl(), water.token(), "GREEN", target));

    assertThat(poller.pollNow(subscription)).isTrue();

    for (String stored : List.of(green1, green2)) {
      assertThat(subscribing.versions(target, stored)).isEqualTo(1);
      assertThat(subscribing.receipts(subscription, stored)).isEqualTo(1);
    }
    // The token could read the RED object; the subscription still never takes it.
    assertThat(subscribing.versions(target, red)).isZero();
    assertThat(subscribing.versions(target, amber)).isZero();
    // Unmarked takes the target collection's default (AMBER), above the GREEN ceiling.
    assertThat(subscribing.versions(target, unmarked)).isZero();
    Map<String, Object> state = subscribing.state(subscription);
    assertThat(state)
        .containsEntry("last_stored", 2)
        .containsEntry("last_unchanged", 0)
        .containsEntry("last_above_ceiling", 2)
        .containsEntry("last_refused", 1)
        .containsEntry("consecutive_failures", 0);
    assertThat(state.get("high_water_mark")).isEqualTo(lastDateAdded(remote));
    Document page = Pages.get(mvc, admin, "/exchange/subscriptions/" + subscription);
    assertThat(page.select("#refusals").text())
        .contains(red, "TLP:RED の情報は、購読では決して受け取りません", amber, unmarked);
    assertThat(page.select("#last-counts").text()).contains("保存 2 件");
    // One entry for each page that stored something.
    assertThat(people.auditEntries("exchange.objects.received", subscription.toString()))
        .isEqualTo(2);
    assertThat(people.auditEntries("exchange.subscription.created", subscription.toString()))
        .isEqualTo(1);

    // Polled again: nothing new is asked for, nothing is stored twice.
    assertThat(poller.pollNow(subscription)).isTrue();
    assertThat(subscribing.state(subscription)).containsEntry("last_stored", 0);
    assertThat(subscribing.versions(target, green1)).isEqualTo(1);
  }

  @Test
  void aPollThatDiesOnAPageResumesExactlyWhereItStopped() throws Exception {
    List<String> ids = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String id = newId("indicator");
      ids.add(id);
      objects.add(indicator(id, V1, TLP_GREEN));
    }
    add(objects.toArray(String[]::new));
    UUID subscription =
        subscribing.subscribe(admin, Subscribing.form(remoteUrl(), water.token(), "GREEN", target));
    // The store fails on the second object of the third page (two pages committed before).
    String poison = ids.get(5);
    jdbc.sql(
            """
            create or replace function test_poison() returns trigger language plpgsql as $$
            begin
              if new.object_id = '%s' then raise exception 'the disk is full'; end if;
              return new;
            end $$
            """
                .formatted(poison))
        .update();
    jdbc.sql(
            "create trigger test_poison before insert on stix_object for each row execute function"
                + " test_poison()")
        .update();
    try {
      poller.pollNow(subscription);
    } finally {
      jdbc.sql("drop trigger test_poison on stix_object").update();
      jdbc.sql("drop function test_poison()").update();
    }
    Map<String, Object> failed = subscribing.state(subscription);
    assertThat(failed).containsEntry("consecutive_failures", 1).containsEntry("last_stored", 4);
    assertThat((String) failed.get("last_error")).contains("the disk is full");
    // The page that failed left nothing behind: not even its first object.
    assertThat(subscribing.versions(target, ids.get(4))).isZero();
    Document page = Pages.get(mvc, admin, "/exchange/subscriptions/" + subscription);
    assertThat(page.select("#last-error").text()).contains("1 回続けて", "the disk is full");

    poller.pollNow(subscription);

    Map<String, Object> resumed = subscribing.state(subscription);
    // Only the three objects not yet stored were fetched and stored.
    assertThat(resumed)
        .containsEntry("consecutive_failures", 0)
        .containsEntry("last_stored", 3)
        .containsEntry("last_unchanged", 0);
    for (String id : ids) {
      assertThat(subscribing.versions(target, id)).as(id).isEqualTo(1);
      assertThat(subscribing.receipts(subscription, id)).as(id).isEqualTo(1);
    }
    assertThat(resumed.get("high_water_mark")).isEqualTo(lastDateAdded(remote));
  }

  @Test
  void aRemoteThatIsDownIsShownLoudlyAndTriedAgainLater() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    UUID subscription =
        subscribing.subscribe(
            admin,
            Subscribing.form(
                "http://localhost:" + closedPort + "/taxii2/x/collections/y/",
                "token",
                "AMBER",
                target));

    mvc.perform(post("/exchange/subscriptions/" + subscription + "/poll").with(csrf()).with(admin))
        .andExpect(status().is3xxRedirection());
    poller.pollNow(subscription);

    Map<String, Object> state = subscribing.state(subscription);
    assertThat(state).containsEntry("consecutive_failures", 2);
    // Two failures in a row: the next try waits twice the 15 minutes.
    assertThat(subscribing.nextPoll(subscription))
        .isAfter(Instant.now().plus(Duration.ofMinutes(29)));
    Document page = Pages.get(mvc, admin, "/exchange/subscriptions/" + subscription);
    assertThat(page.select("#last-error").text()).contains("2 回続けて", "ConnectException");
    Document list = Pages.get(mvc, admin, "/exchange/subscriptions");
    assertThat(list.select("tr[data-subscription-id=" + subscription + "]").text())
        .contains("失敗しています");
  }

  @Test
  void aRemoteThatRefusesTheTokenShowsItsHttpStatus() throws Exception {
    UUID subscription =
        subscribing.subscribe(admin, Subscribing.form(remoteUrl(), "not-a-token", "AMBER", target));

    poller.pollNow(subscription);

    assertThat(subscribing.state(subscription))
        .containsEntry("last_error_status", 401)
        .containsEntry("consecutive_failures", 1);
  }

  @Test
  void theSecretIsSealedAndNeverShownBack() throws Exception {
    UUID subscription =
        subscribing.subscribe(admin, Subscribing.form(remoteUrl(), water.token(), "AMBER", target));

    assertThat((String) subscribing.state(subscription).get("sealed_secret"))
        .startsWith("v1:")
        .doesNotContain(water.token());
    String edit =
        mvc.perform(get("/exchange/subscriptions/" + subscription + "/edit").with(admin))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String show =
        mvc.perform(get("/exchange/subscriptions/" + subscription).with(admin))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(edit).doesNotContain(water.token()).contains("設定済みです");
    assertThat(show).doesNotContain(water.token()).contains("設定済み");
  }

  @Test
  void aRefusedFormSaysWhyAndOnlyAdministratorsSubscribe() throws Exception {
    Document badAddress =
        refused(Subscribing.form("ftp://example.jp/x", water.token(), "AMBER", target));
    assertThat(badAddress.select(".error-summary").text()).contains("http:// か https://");
    // A secret typed once is never sent back, not even on a refused form.
    assertThat(badAddress.select("#secret").attr("value")).isEmpty();
    assertThat(badAddress.html()).doesNotContain(water.token());
    Document red = refused(Subscribing.form(remoteUrl(), water.token(), "RED", target));
    assertThat(red.select(".error-summary").text()).contains("TLP:RED を上限にすることはできません");
    Document noToken = refused(Subscribing.form(remoteUrl(), "", "AMBER", target));
    assertThat(noToken.select(".error-summary").text()).contains("トークンを入力してください");

    mvc.perform(get("/exchange/subscriptions").with(SignIn.as(mvc, SignIn.ANALYST)))
        .andExpect(status().isForbidden());
    mvc.perform(
            Subscribing.form(remoteUrl(), water.token(), "AMBER", target)
                .with(SignIn.as(mvc, SignIn.ANALYST)))
        .andExpect(status().isForbidden());
  }

  @Test
  void theReceivedPageShowsOnlyWhatTheReaderMayRead() throws Exception {
    String green = newId("indicator");
    String amber = newId("indicator");
    add(indicator(green, V1, TLP_GREEN), indicator(amber, V1, TLP_AMBER));
    UUID subscription =
        subscribing.subscribe(
            admin, Subscribing.form(remoteUrl(), water.token(), "AMBER_STRICT", target));
    poller.pollNow(subscription);
    Member power = fixtures.member("asahino-power", "reporter");
    RequestPostProcessor waterReader = SignIn.as(mvc, water.person().email(), TestPeople.PASSWORD);
    RequestPostProcessor powerReader = SignIn.as(mvc, power.person().email(), TestPeople.PASSWORD);

    Document waterSees = Pages.get(mvc, waterReader, "/exchange/received");
    assertThat(waterSees.select("tr[data-object-id=" + green + "]").text()).contains("TLP:GREEN");
    assertThat(waterSees.select("tr[data-object-id=" + amber + "]").text()).contains("TLP:AMBER");
    assertThat(waterSees.select("a[href=/exchange/received]")).isNotEmpty();
    String row = waterSees.select("tr[data-object-id=" + amber + "] a").attr("href");
    assertThat(Pages.get(mvc, waterReader, row).select("#object-json").text()).contains(amber);

    // The target collection is the water utility's only: another organisation sees nothing.
    Document powerSees = Pages.get(mvc, powerReader, "/exchange/received");
    assertThat(powerSees.select("tr[data-object-id=" + green + "]")).isEmpty();
    assertThat(powerSees.select("tr[data-object-id=" + amber + "]")).isEmpty();
    mvc.perform(get(row).with(powerReader)).andExpect(status().isNotFound());
  }

  private Document refused(MockHttpServletRequestBuilder form) throws Exception {
    return Jsoup.parse(
        mvc.perform(form.with(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private void add(String... objects) {
    TaxiiHttp.Reply reply = taxii.post(water.token(), TaxiiHttp.objects(remote), envelope(objects));
    assertThat(reply.status()).isEqualTo(202);
  }

  /** What the remote says was added last to its collection. */
  private String lastDateAdded(UUID collection) {
    return taxii
        .get(water.token(), TaxiiHttp.objects(collection) + "?limit=1000")
        .header(TaxiiHttp.LAST)
        .orElseThrow();
  }
}
