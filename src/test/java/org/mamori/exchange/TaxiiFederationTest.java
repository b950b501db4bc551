package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mamori.exchange.TaxiiFixtures.TLP_GREEN;
import static org.mamori.exchange.TaxiiFixtures.TLP_RED;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.newId;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriApplication;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.access.Passwords;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.mamori.exchange.internal.store.Timestamps;
import org.mamori.exchange.internal.subscription.SubscriptionPoller;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Two Mamori instances federate over TAXII 2.1: B subscribes to a collection on A (the shared test
 * context) and receives an advisory (a STIX report and its note), its revised version and its
 * revocation, each as a version of its own; a TLP:RED object on A never reaches B, even though the
 * subscription's token may read it there. Mamori's own advisories on A reach B through A's
 * collection mamori-items; a TLP:RED advisory is never published there at all. B is a second whole
 * application on a database of its own: an embedded PostgreSQL under target/, or a fresh database
 * on the server CI names.
 */
@MamoriTest
class TaxiiFederationTest {

  static final String CREATED = "2026-10-01T00:00:00.000Z";

  private static ConfigurableApplicationContext b;
  private static @Nullable String serverDatabase;

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;
  @Autowired JdbcClient jdbcA;

  @BeforeAll
  static void startB() throws SQLException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--mamori.data-directory=target/federation-b",
                "--mamori.fresh-start=true",
                "--mamori.taxii.client.scheduled=false",
                "--spring.jmx.enabled=false"));
    String server = System.getenv("MAMORI_DB_URL");
    if (server != null && !server.isBlank()) {
      serverDatabase = "mamori_federation_" + UUID.randomUUID().toString().replace("-", "");
      onServer(server, "create database " + serverDatabase);
      arguments.add("--mamori.db.url=" + withDatabase(server, serverDatabase));
    }
    b = new SpringApplicationBuilder(MamoriApplication.class).run(arguments.toArray(String[]::new));
  }

  @AfterAll
  static void stopB() throws SQLException {
    if (b != null) {
      b.close();
    }
    if (serverDatabase != null) {
      onServer(System.getenv("MAMORI_DB_URL"), "drop database if exists " + serverDatabase);
    }
  }

  @Test
  void anAdvisoryItsRevisionAndItsRevocationCrossButRedNeverDoes() throws Exception {
    // A: a collection the water utility writes and reads, and its member's token.
    TaxiiFixtures onA = new TaxiiFixtures(mvc, people, collections);
    Member water = onA.member("minamikawa-water", "reporter");
    UUID published =
        onA.collection(Tlp.GREEN, Set.of("minamikawa-water"), Set.of("minamikawa-water"));
    TaxiiHttp taxiiA = new TaxiiHttp(port);
    String report = newId("report");
    String note = newId("note");
    taxiiA.post(
        water.token(),
        TaxiiHttp.objects(published),
        envelope(report(report, note, CREATED, false), note(note, report)));

    // B: a collection for the water utility there, subscribed to A's with the member's token.
    MockMvc mvcB = mvc(b);
    UUID received =
        new TaxiiFixtures(mvcB, testPeople(b), b.getBean(TaxiiCollections.class))
            .collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of());
    JdbcClient jdbcB = b.getBean(JdbcClient.class);
    Subscribing subscribingB = new Subscribing(mvcB, jdbcB);
    UUID subscription =
        subscribingB.subscribe(
            SignIn.as(mvcB, SignIn.ADMIN),
            Subscribing.form(
                "http://localhost:" + port + TaxiiHttp.collection(published),
                water.token(),
                "AMBER",
                received));
    SubscriptionPoller pollerB = b.getBean(SubscriptionPoller.class);

    pollerB.pollNow(subscription);
    assertThat(subscribingB.versions(received, report)).isEqualTo(1);
    assertThat(subscribingB.versions(received, note)).isEqualTo(1);

    String revised = "2026-10-02T00:00:00.000Z";
    taxiiA.post(
        water.token(),
        TaxiiHttp.objects(published),
        envelope(report(report, note, revised, false)));
    pollerB.pollNow(subscription);
    assertThat(subscribingB.versions(received, report)).isEqualTo(2);
    assertThat(latest(jdbcB, received, report)).isEqualTo(revised + " false");

    String revoked = "2026-10-03T00:00:00.000Z";
    taxiiA.post(
        water.token(), TaxiiHttp.objects(published), envelope(report(report, note, revoked, true)));
    String red = newId("note");
    taxiiA.post(
        water.token(),
        TaxiiHttp.objects(published),
        envelope(
            """
            {"type":"note","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
            "content":"赤: 名指しの人だけ","object_refs":["%s"],"object_marking_refs":["%s"]}"""
                .formatted(red, CREATED, CREATED, report, TLP_RED)));
    // The token's owner may read the RED note on A.
    assertThat(taxiiA.get(water.token(), TaxiiHttp.object(published, red)).status()).isEqualTo(200);
    pollerB.pollNow(subscription);

    assertThat(subscribingB.versions(received, report)).isEqualTo(3);
    assertThat(latest(jdbcB, received, report)).isEqualTo(revoked + " true");
    assertThat(
            jdbcB
                .sql("select count(*) from stix_object where object_id = :red")
                .param("red", red)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbcB
                .sql(
                    "select reason from taxii_subscription_refusal where subscription_id = :s and"
                        + " object_id = :red")
                .param("s", subscription)
                .param("red", red)
                .query(String.class)
                .single())
        .contains("TLP:RED");
    assertThat(subscribingB.state(subscription)).containsEntry("consecutive_failures", 0);
  }

  @Test
  void anAdvisoryIssuedInMamoriOnAReachesBAndARedOneNeverDoes() throws Exception {
    // B subscribes to A's own publications, from now on, with a water utility member's token.
    Member water =
        new TaxiiFixtures(mvc, people, collections).member("minamikawa-water", "reporter");
    MockMvc mvcB = mvc(b);
    JdbcClient jdbcB = b.getBean(JdbcClient.class);
    UUID received =
        new TaxiiFixtures(mvcB, testPeople(b), b.getBean(TaxiiCollections.class))
            .collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of());
    Subscribing subscribingB = new Subscribing(mvcB, jdbcB);
    UUID subscription =
        subscribingB.subscribe(
            SignIn.as(mvcB, SignIn.ADMIN),
            Subscribing.form(
                "http://localhost:" + port + TaxiiHttp.ROOT + "collections/mamori-items/",
                water.token(),
                "AMBER",
                received));
    Instant lastOnA =
        jdbcA
            .sql(
                "select coalesce(last_date_added, now()) from taxii_collection where alias ="
                    + " 'mamori-items'")
            .query(OffsetDateTime.class)
            .single()
            .toInstant();
    jdbcB
        .sql("update taxii_subscription set high_water_mark = :mark where id = :id")
        .param("mark", Timestamps.taxii(lastOnA))
        .param("id", subscription)
        .update();

    // A: the ministry issues a GREEN advisory to everyone and a RED one to the water member.
    RequestPostProcessor ministry = SignIn.as(mvc, SignIn.MINISTRY);
    String title = "連携テスト " + UUID.randomUUID();
    String green = new StixScenarios(mvc).advisory(ministry, title);
    String redTitle = "赤の連携テスト " + UUID.randomUUID();
    mvc.perform(
        post("/advisories")
            .with(csrf())
            .with(ministry)
            .param("title", redTitle)
            .param("body", "名指しの人だけが読めます。")
            .param("tlp", "RED")
            .param("everyone", "true")
            .param("redRecipients", water.person().email()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbcA
                        .sql("select count(*) from stix_object where source_item = :item")
                        .param("item", "advisory:" + green)
                        .query(Long.class)
                        .single()
                    > 0);

    b.getBean(SubscriptionPoller.class).pollNow(subscription);

    List<String> onB =
        jdbcB
            .sql("select json::text from stix_object where collection_id = :c")
            .param("c", received)
            .query(String.class)
            .list();
    assertThat(onB).anySatisfy(object -> assertThat(object).contains(title));
    assertThat(onB).noneSatisfy(object -> assertThat(object).contains(redTitle));
    assertThat(subscribingB.state(subscription)).containsEntry("consecutive_failures", 0);
  }

  /** The latest version B holds of the object: its modified and whether it is revoked. */
  private static String latest(JdbcClient jdbc, UUID collection, String object) {
    return jdbc.sql(
            """
            select version_text || ' ' || revoked from stix_object
             where collection_id = :c and object_id = :o order by version desc limit 1
            """)
        .param("c", collection)
        .param("o", object)
        .query(String.class)
        .single();
  }

  /** An advisory's STIX report, TLP:GREEN, at one version. */
  private static String report(String id, String note, String modified, boolean revoked) {
    return """
        {"type":"report","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
        "name":"注意喚起: 水道施設の遠隔監視装置への不正アクセス","published":"%s",\
        "report_types":["threat-report"],"object_refs":["%s"],"revoked":%s,\
        "object_marking_refs":["%s"]}"""
        .formatted(id, CREATED, modified, CREATED, note, revoked, TLP_GREEN);
  }

  private static String note(String id, String report) {
    return """
        {"type":"note","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
        "abstract":"対策","content":"遠隔監視装置の初期パスワードを変えてください。",\
        "object_refs":["%s"],"object_marking_refs":["%s"]}"""
        .formatted(id, CREATED, CREATED, report, TLP_GREEN);
  }

  private static TestPeople testPeople(ConfigurableApplicationContext context) {
    return new TestPeople(
        context.getBean(Enrolment.class),
        context.getBean(Passwords.class),
        context.getBean(Directory.class),
        context.getBean(JdbcClient.class));
  }

  private static MockMvc mvc(ConfigurableApplicationContext context) {
    return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
        .addFilters(context.getBean(SessionRepositoryFilter.class))
        .apply(springSecurity())
        .build();
  }

  private static void onServer(String url, String statement) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                url, System.getenv("MAMORI_DB_USER"), System.getenv("MAMORI_DB_PASSWORD"));
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  /** The server's JDBC URL naming another database on it. */
  static String withDatabase(String url, String database) {
    Matcher parts = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$").matcher(url);
    if (!parts.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
    }
    return parts.group(1) + database + parts.group(3);
  }
}
