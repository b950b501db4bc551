package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.mamori.exchange.TaxiiHttp.Reply;
import org.mamori.exchange.internal.publish.Publication;
import org.mamori.exchange.internal.publish.PublicationCatchUp;
import org.mamori.exchange.internal.store.Timestamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mamori's own reports and advisories reach the TAXII collection {@code mamori-items} by
 * themselves, each readable there by exactly those who may read it in Mamori, kept current as the
 * item grows or is re-marked, and never at TLP:RED.
 */
@MamoriTest
class PublicationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String ITEMS = TaxiiHttp.ROOT + "collections/mamori-items/objects/";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;
  @Autowired Publication publication;
  @Autowired PublicationCatchUp catchUp;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  TaxiiHttp taxii;
  StixScenarios scenarios;
  Member reporter;
  RequestPostProcessor reporterSession;
  Member otherSector;
  Instant since;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    scenarios = new StixScenarios(mvc);
    TaxiiFixtures fixtures = new TaxiiFixtures(mvc, people, collections);
    reporter = fixtures.member("asahino-power", "reporter", "READ");
    reporterSession = SignIn.as(mvc, reporter.person().email(), TestPeople.PASSWORD);
    otherSector = fixtures.member("minamikawa-water", "reporter", "READ");
    since = Instant.now().minusSeconds(1);
  }

  @Test
  void aReportIsPublishedVersionByVersionForItsReadersOnly() throws Exception {
    String report =
        scenarios.reportWithThreeVersions(reporterSession, "公開テスト " + UUID.randomUUID(), "AMBER");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(latest(reportObjects(reporter, report)).path("name").asString())
                    .contains("最終報"));
    List<JsonNode> versions = reportObjects(reporter, report);
    assertThat(versions.stream().map(v -> v.path("modified").asString()).distinct())
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(latest(versions).get("object_marking_refs").toString())
        .contains(TaxiiFixtures.TLP_AMBER);

    // the AMBER case has not reached the water sector: nothing of it there, not even its GREEN
    // first report (published while it was GREEN, narrowed when the case became AMBER: the
    // re-marking is published on its own event, which may come after the last version's)
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(reportObjects(otherSector, report)).isEmpty());
  }

  @Test
  void narrowingAReportToRedTakesItOutOfTheCollectionForEveryone() throws Exception {
    String report =
        scenarios.reportWithThreeVersions(reporterSession, "赤テスト " + UUID.randomUUID(), "GREEN");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(reportObjects(otherSector, report)).hasSize(3));

    mvc.perform(
        post("/reports/" + report + "/marking")
            .with(reporterSession)
            .with(csrf())
            .param("tlp", "RED"));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(reportObjects(otherSector, report)).isEmpty();
              assertThat(reportObjects(reporter, report)).isEmpty();
            });
    assertThat(
            jdbc.sql(
                    "select count(*) from stix_object where source_item = :item and (tlp <> 'RED'"
                        + " or cardinality(named_recipients) > 0)")
                .param("item", "report:" + report)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anAdvisoryIsPublishedOnceHoweverOftenItIsPublishedAgain() throws Exception {
    String title = "公開の情報提供 " + UUID.randomUUID();
    String advisory = scenarios.advisory(SignIn.as(mvc, SignIn.MINISTRY), title);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(objects(otherSector, "note"))
                    .anySatisfy(note -> assertThat(note.toString()).contains(title)));
    long rows = rowsOf("advisory:" + advisory);
    assertThat(rows).isPositive();

    publication.advisory(advisory);
    publication.advisory(advisory);

    assertThat(rowsOf("advisory:" + advisory)).isEqualTo(rows);
  }

  @Test
  void itemsWithNothingPublishedYetArePublishedByTheCatchUp() throws Exception {
    String title = "公開前からの情報提供 " + UUID.randomUUID();
    String advisory = scenarios.advisory(SignIn.as(mvc, SignIn.MINISTRY), title);
    await().atMost(PATIENCE).until(() -> rowsOf("advisory:" + advisory) > 0);
    // as if it had been issued before Mamori published its items
    jdbc.sql("delete from stix_object where source_item = :item")
        .param("item", "advisory:" + advisory)
        .update();

    // only this advisory: the demo's 1,559 past reports would take a minute to publish
    Predicate<String> thisAdvisory = ("advisory:" + advisory)::equals;
    assertThat(catchUp.catchUp(thisAdvisory)).isEqualTo(1);

    assertThat(objects(otherSector, "note"))
        .anySatisfy(note -> assertThat(note.toString()).contains(title));
    assertThat(catchUp.catchUp(thisAdvisory)).as("nothing is left to catch up").isZero();
  }

  private long rowsOf(String item) {
    return jdbc.sql("select count(*) from stix_object where source_item = :item")
        .param("item", item)
        .query(Long.class)
        .single();
  }

  /** Every version of the case's STIX report the member may read. */
  private List<JsonNode> reportObjects(Member member, String reference) {
    return objects(member, "report").stream()
        .filter(o -> o.path("name").asString().startsWith(reference + " "))
        .toList();
  }

  private static JsonNode latest(List<JsonNode> versions) {
    return versions.stream()
        .max((a, b) -> a.path("modified").asString().compareTo(b.path("modified").asString()))
        .orElseThrow(() -> new AssertionError("no version"));
  }

  /** Every version of every object of the type the member may read, added since the test began. */
  private List<JsonNode> objects(Member member, String type) {
    List<JsonNode> found = new ArrayList<>();
    String query =
        "?match[type]="
            + type
            + "&match[version]=all&added_after="
            + URLEncoder.encode(Timestamps.taxii(since), StandardCharsets.UTF_8);
    String next = "";
    while (true) {
      Reply page = taxii.get(member.token(), ITEMS + query + next);
      assertThat(page.status()).isEqualTo(200);
      JsonNode envelope = json.readTree(page.body());
      envelope.path("objects").forEach(found::add);
      if (!envelope.path("more").asBoolean(false)) {
        return found;
      }
      next = "&next=" + envelope.get("next").asString();
    }
  }
}
