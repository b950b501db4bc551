package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.indicator;
import static org.mamori.exchange.TaxiiFixtures.newId;
import static org.mamori.exchange.TaxiiHttp.TAXII;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.mamori.exchange.TaxiiHttp.Reply;
import org.mamori.exchange.internal.store.StixObjects;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * TAXII 2.1 section 5.4 (get objects) with sorting, filtering and pagination (3.3 to 3.5): the
 * server rows of the OASIS TAXII 2.1 interoperability tests for getting objects, over plain HTTP.
 */
@MamoriTest
class TaxiiObjectsConformanceTest {

  static final String TAXII_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
  static final String V1 = "2026-02-01T00:00:00.000Z";
  static final String V2 = "2026-02-02T00:00:00.000Z";
  static final String V3 = "2026-02-03T00:00:00.000Z";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;
  @Autowired StixObjects store;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  TaxiiHttp taxii;
  Member water;
  UUID collection;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    TaxiiFixtures fixtures = new TaxiiFixtures(mvc, people, collections);
    water = fixtures.member("minamikawa-water", "reporter");
    collection =
        fixtures.collection(Tlp.GREEN, Set.of("minamikawa-water"), Set.of("minamikawa-water"));
  }

  @Test
  void objectsComeOldestAddedFirstWithTheDatesAddedOfTheFirstAndLastInHeaders() {
    String b = newId("indicator");
    String a = newId("indicator");
    String c = newId("indicator");
    add(indicator(b, V1));
    add(indicator(a, V1));
    add(indicator(c, V1));

    Reply reply = taxii.get(water.token(), TaxiiHttp.objects(collection));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    assertThat(reply.ids()).containsExactly(b, a, c);
    assertThat(reply.json().get("objects").get(0).get("name").asString()).isEqualTo("試験の指標");
    List<String> added = datesAdded(taxii.get(water.token(), TaxiiHttp.manifest(collection)));
    assertThat(added).allMatch(date -> date.matches(TAXII_TIMESTAMP));
    assertThat(added).isSorted().doesNotHaveDuplicates();
    assertThat(reply.header(TaxiiHttp.FIRST)).hasValue(added.get(0));
    assertThat(reply.header(TaxiiHttp.LAST)).hasValue(added.get(2));
  }

  @Test
  void anEmptyCollectionAnswersAnEmptyEnvelope() {
    Reply reply = taxii.get(water.token(), TaxiiHttp.objects(collection));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().has("objects")).isFalse();
    assertThat(reply.json().path("more").asBoolean(true)).isFalse();
  }

  @Test
  void addedAfterLeavesOutWhatWasAddedUpToThatTime() {
    String first = newId("indicator");
    String second = newId("indicator");
    add(indicator(first, V1));
    String firstAdded =
        taxii
            .get(water.token(), TaxiiHttp.objects(collection))
            .header(TaxiiHttp.LAST)
            .orElseThrow();
    add(indicator(second, V1));

    Reply reply =
        taxii.get(water.token(), TaxiiHttp.objects(collection) + "?added_after=" + firstAdded);

    assertThat(reply.ids()).containsExactly(second);
  }

  @Test
  void limitCapsAPageAndNextContinuesWithoutGapsOrRepeats() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(newId("indicator"));
    }
    add(ids.stream().map(id -> indicator(id, V1)).toArray(String[]::new));

    Reply first = taxii.get(water.token(), TaxiiHttp.objects(collection) + "?limit=2");
    assertThat(first.ids()).containsExactly(ids.get(0), ids.get(1));
    assertThat(first.json().get("more").asBoolean()).isTrue();
    Reply second = next(first, "?limit=2");
    assertThat(second.ids()).containsExactly(ids.get(2), ids.get(3));
    Reply third = next(second, "?limit=2");
    assertThat(third.ids()).containsExactly(ids.get(4));
    assertThat(third.json().get("more").asBoolean()).isFalse();
    assertThat(third.json().has("next")).isFalse();
  }

  @Test
  void matchTypeAndMatchIdKeepOnlyWhatTheyName() {
    String indicator = newId("indicator");
    String other = newId("indicator");
    String identity = newId("identity");
    add(
        indicator(indicator, V1),
        indicator(other, V1),
        """
        {"type":"identity","spec_version":"2.1","id":"%s","created":"2026-01-01T00:00:00.000Z",\
        "modified":"2026-01-01T00:00:00.000Z","name":"みなみ川町","identity_class":"organization"}"""
            .formatted(identity));

    assertThat(
            taxii.get(water.token(), TaxiiHttp.objects(collection) + "?match[type]=identity").ids())
        .containsExactly(identity);
    assertThat(
            taxii
                .get(
                    water.token(),
                    TaxiiHttp.objects(collection) + "?match[id]=" + identity + "," + indicator)
                .ids())
        .containsExactly(indicator, identity);
    assertThat(
            taxii
                .get(
                    water.token(),
                    TaxiiHttp.objects(collection) + "?match[type]=indicator&match[id]=" + identity)
                .ids())
        .isEmpty();
  }

  @Test
  void theLastVersionIsTheDefaultAndFirstAllAndExactVersionsAreServedOnRequest() {
    String id = newId("indicator");
    add(indicator(id, V1));
    add(indicator(id, V3));
    add(indicator(id, V2));
    String objects = TaxiiHttp.objects(collection) + "?match[id]=" + id;

    assertThat(modifieds(taxii.get(water.token(), objects))).containsExactly(V3);
    assertThat(modifieds(taxii.get(water.token(), objects + "&match[version]=last")))
        .containsExactly(V3);
    assertThat(modifieds(taxii.get(water.token(), objects + "&match[version]=first")))
        .containsExactly(V1);
    assertThat(modifieds(taxii.get(water.token(), objects + "&match[version]=all")))
        .containsExactly(V1, V3, V2);
    assertThat(modifieds(taxii.get(water.token(), objects + "&match[version]=" + V2)))
        .containsExactly(V2);
    assertThat(modifieds(taxii.get(water.token(), objects + "&match[version]=first,last")))
        .containsExactly(V1, V3);
  }

  @Test
  void specVersionKeepsOnlyTheNamedStixVersions() {
    String id = newId("indicator");
    add(indicator(id, V1));

    assertThat(
            taxii
                .get(water.token(), TaxiiHttp.objects(collection) + "?match[spec_version]=2.1")
                .ids())
        .containsExactly(id);
    Reply none =
        taxii.get(water.token(), TaxiiHttp.objects(collection) + "?match[spec_version]=2.0");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.ids()).isEmpty();
  }

  @Test
  void malformedFiltersAreRefusedWith400AndATaxiiError() {
    for (String query :
        List.of(
            "?added_after=yesterday",
            "?added_after=2026-01-01T00:00:00Z&added_after=2026-01-02T00:00:00Z",
            "?limit=0",
            "?limit=-1",
            "?limit=ten",
            "?next=not-a-token",
            "?match[version]=all,first",
            "?match[version]=last,last",
            "?match[version]=2026-13-01",
            "?match[spec_version]=two",
            "?match[type]=indicator,,identity")) {
      Reply reply = taxii.get(water.token(), TaxiiHttp.objects(collection) + query);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.contentType()).as(query).isEqualTo(TAXII);
      assertThat(reply.json().get("http_status").asString()).as(query).isEqualTo("400");
      assertThat(reply.json().get("description").asString()).as(query).isNotBlank();
    }
  }

  @Test
  void aLimitAboveTheServersPageSizeIsServedUpToThePageSize() {
    add(indicator(newId("indicator"), V1));

    Reply reply = taxii.get(water.token(), TaxiiHttp.objects(collection) + "?limit=1000000");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.ids()).hasSize(1);
  }

  @Test
  void pagingStaysStableWhileObjectsAreBeingAdded() throws Exception {
    List<String> expected = Collections.synchronizedList(new ArrayList<>());
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      first.add(newId("indicator"));
    }
    add(first.stream().map(id -> indicator(id, V1)).toArray(String[]::new));
    expected.addAll(first);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 15; i++) {
                String id = newId("indicator");
                add(indicator(id, V1));
                expected.add(id);
              }
            });

    List<String> seen = new ArrayList<>();
    String next = null;
    String lastAdded = null;
    while (true) {
      boolean writerWasDone = writer.isDone();
      String query =
          "?limit=3"
              + (next != null
                  ? "&next=" + next
                  : lastAdded != null ? "&added_after=" + lastAdded : "");
      Reply page = taxii.get(water.token(), TaxiiHttp.objects(collection) + query);
      assertThat(page.status()).isEqualTo(200);
      seen.addAll(page.ids());
      lastAdded = page.header(TaxiiHttp.LAST).orElse(lastAdded);
      boolean more = page.json().path("more").asBoolean(false);
      next = more ? page.json().get("next").asString() : null;
      if (!more && writerWasDone) {
        break;
      }
    }
    writer.get(1, TimeUnit.MINUTES);

    assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
  }

  @Test
  void anObjectCommittedLateIsNeverDatedBeforeWhatAPollerHasSeen() throws Exception {
    add(indicator(newId("indicator"), V1));
    String seenUpTo =
        taxii
            .get(water.token(), TaxiiHttp.objects(collection))
            .header(TaxiiHttp.LAST)
            .orElseThrow();
    String slow = newId("indicator");
    String quick = newId("indicator");
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> slowWriter =
        CompletableFuture.runAsync(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        tx -> {
                          Instant dateAdded = store.reserveDatesAdded(collection, 1);
                          store.add(collection, slowVersion(slow), dateAdded);
                          holding.countDown();
                          waitFor(release);
                        }));
    holding.await(1, TimeUnit.MINUTES);
    CompletableFuture<Reply> quickWriter =
        CompletableFuture.supplyAsync(
            () ->
                taxii.post(
                    water.token(), TaxiiHttp.objects(collection), envelope(indicator(quick, V1))));
    // The quick writer waits for the slow one's lock on the collection instead of committing first.
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and query like '%taxii_collection%'")
                        .query(Long.class)
                        .single()
                    > 0);

    Reply whileOpen =
        taxii.get(water.token(), TaxiiHttp.objects(collection) + "?added_after=" + seenUpTo);
    assertThat(whileOpen.ids()).isEmpty();

    release.countDown();
    slowWriter.get(1, TimeUnit.MINUTES);
    assertThat(quickWriter.get(1, TimeUnit.MINUTES).status()).isEqualTo(202);
    Reply after =
        taxii.get(water.token(), TaxiiHttp.objects(collection) + "?added_after=" + seenUpTo);
    assertThat(after.ids()).containsExactly(slow, quick);
  }

  private StixObjects.NewVersion slowVersion(String id) {
    return new StixObjects.NewVersion(
        id,
        "indicator",
        "2.1",
        Instant.parse(V1),
        V1,
        Tlp.GREEN,
        people.organisation("minamikawa-water"),
        Set.of(),
        false,
        indicator(id, V1).getBytes(StandardCharsets.UTF_8),
        null,
        null);
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void add(String... objects) {
    Reply reply = taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(objects));
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().get("success_count").asInt()).isEqualTo(objects.length);
  }

  private Reply next(Reply previous, String query) {
    return taxii.get(
        water.token(),
        TaxiiHttp.objects(collection) + query + "&next=" + previous.json().get("next").asString());
  }

  private static List<String> modifieds(Reply reply) {
    List<String> modified = new ArrayList<>();
    reply.json().path("objects").forEach(o -> modified.add(o.get("modified").asString()));
    return modified;
  }

  private static List<String> datesAdded(Reply manifest) {
    List<String> added = new ArrayList<>();
    for (JsonNode record : manifest.json().path("objects")) {
      added.add(record.get("date_added").asString());
    }
    return added;
  }
}
