package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mamori.sharing.AdvisoryReadPathMatrixTest.Who.HUB_AUTHOR;
import static org.mamori.sharing.AdvisoryReadPathMatrixTest.Who.POWER_OPERATOR;
import static org.mamori.sharing.AdvisoryReadPathMatrixTest.Who.WATER_CEPTOAR_AUTHOR;
import static org.mamori.sharing.AdvisoryReadPathMatrixTest.Who.WATER_MINISTRY;
import static org.mamori.sharing.AdvisoryReadPathMatrixTest.Who.WATER_OPERATOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mamori.MamoriTest;
import org.mamori.NotificationStream;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.directory.Directory;
import org.mamori.notify.NotifyScenarios;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who finds an advisory, by its marking and its audience, on every read path: the page, the three
 * lists, the API (one and its three lists), the STIX 2.1 and MISP downloads (page and API), the
 * notice other modules may give (e-mails and webhook calls are written from it), the in-app notice,
 * the notification list, the live stream, for a sanitised release the page of the report it was
 * made from, and the TAXII collection {@code mamori-items}, which carries every advisory but
 * TLP:RED ones. The tables are written out by hand: each reader must find each advisory exactly on
 * the paths its cell names and on no other, so a path that forgets the access decision, or asks it
 * about the wrong thing, makes this fail.
 */
@MamoriTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AdvisoryReadPathMatrixTest {

  /**
   * The water CEPTOAR's liaison writes to みなみ川町上下水道課 by name. The sharing map takes every advisory
   * but AMBER+STRICT and RED on to the CEPTOAR's members (中央広域水道企業団 among them) as well. TLP:RED
   * names WATER_OPERATOR and the ministry's liaison, who is outside the audience.
   */
  private static final String FROM_A_CEPTOAR_TO_ONE_OPERATOR =
      """
      reader                    CLEAR     GREEN     AMBER     AMBER_STRICT  RED
      WATER_CEPTOAR_AUTHOR      issued    issued    issued    issued        issued
      WATER_CEPTOAR_COLLEAGUE   issued    issued    issued    issued        none
      WATER_OPERATOR            received  received  received  received      received
      WATER_OPERATOR_COLLEAGUE  received  received  received  received      none
      WATER_CEPTOAR_MEMBER      received  received  received  none          none
      WATER_OUTSIDER            reads     reads     none      none          none
      POWER_OPERATOR            reads     reads     none      none          none
      WATER_MINISTRY            reads     reads     none      none          reads
      HUB_AUTHOR                reads     reads     none      none          none
      HUB_ANALYST               reads     reads     none      none          none
      POWER_CEPTOAR             reads     reads     none      none          none
      """;

  /**
   * The hub's liaison publishes a sanitised version of a TLP:GREEN power report to the water
   * sector. The sharing map takes every advisory but AMBER+STRICT and RED to every ministry and on
   * to every CEPTOAR as well. TLP:RED names WATER_OPERATOR.
   */
  private static final String SANITISED_FROM_THE_HUB_TO_A_SECTOR =
      """
      reader                    CLEAR     GREEN     AMBER     AMBER_STRICT  RED
      WATER_CEPTOAR_AUTHOR      received  received  received  none          none
      WATER_CEPTOAR_COLLEAGUE   received  received  received  none          none
      WATER_OPERATOR            received  received  received  received      received
      WATER_OPERATOR_COLLEAGUE  received  received  received  received      none
      WATER_CEPTOAR_MEMBER      received  received  received  received      none
      WATER_OUTSIDER            received  received  received  received      none
      POWER_OPERATOR            reads     reads     none      none          none
      WATER_MINISTRY            received  received  received  none          none
      HUB_AUTHOR                issued    issued    issued    issued        issued
      HUB_ANALYST               issued    issued    issued    issued        none
      POWER_CEPTOAR             received  received  received  none          none
      """;

  /**
   * A TLP:GREEN advisory from the water CEPTOAR to みなみ川町上下水道課 by name, before and after
   * WATER_OPERATOR, a recipient, marks it TLP:AMBER.
   */
  private static final String NARROWED_BY_A_RECIPIENT =
      """
      reader                    issued-GREEN  narrowed-to-AMBER
      WATER_CEPTOAR_AUTHOR      issued        issued
      WATER_CEPTOAR_COLLEAGUE   issued        issued
      WATER_OPERATOR            received      received
      WATER_OPERATOR_COLLEAGUE  received      received
      WATER_CEPTOAR_MEMBER      received      received
      WATER_OUTSIDER            reads         none
      POWER_OPERATOR            reads         none
      WATER_MINISTRY            reads         none
      HUB_AUTHOR                reads         none
      HUB_ANALYST               reads         none
      POWER_CEPTOAR             reads         none
      """;

  /** What the advisory lists log when their query lets through a row the access policy refuses. */
  private static final String LIST_QUERY_DISAGREES = "The advisory list query let through";

  /** The people who look, each acting for one organisation. */
  enum Who {
    WATER_CEPTOAR_AUTHOR("ceptoar-water", "relay"),
    WATER_CEPTOAR_COLLEAGUE("ceptoar-water", "relay"),
    /** Named for TLP:RED in both scenarios. */
    WATER_OPERATOR("minamikawa-water", "reporter"),
    WATER_OPERATOR_COLLEAGUE("minamikawa-water", "approver"),
    /** The other water operator in the water CEPTOAR. */
    WATER_CEPTOAR_MEMBER("chuo-water-authority", "reporter"),
    /** A water operator in no CEPTOAR, made for this test. */
    WATER_OUTSIDER(null, "reporter"),
    POWER_OPERATOR("asahino-power", "reporter"),
    /** The water sector's ministry (国土交通省). */
    WATER_MINISTRY("mlit", "relay"),
    HUB_AUTHOR("national-hub", "relay"),
    HUB_ANALYST("national-hub", "analyst"),
    POWER_CEPTOAR("ceptoar-electricity", "relay");

    private final @Nullable String organisation;
    private final String role;

    Who(@Nullable String organisation, String role) {
      this.organisation = organisation;
      this.role = role;
    }
  }

  /** The read paths. */
  enum Path {
    PAGE,
    LIST_RECEIVED,
    LIST_ISSUED,
    LIST_ALL,
    API_ONE,
    API_LIST_RECEIVED,
    API_LIST_ISSUED,
    API_LIST_ALL,
    /** The "STIX 2.1 (JSON)" download, from the page and with a token. */
    STIX,
    API_STIX,
    /** The "MISP (JSON)" download, from the page and with a token. */
    MISP,
    API_MISP,
    /** {@link SharedItems#noticeFor}: what notices, e-mails and webhook calls may say. */
    NOTICE,
    /** An in-app notice was stored for the reader (an e-mail is queued with it when set up). */
    TOLD,
    NOTIFICATION_LIST,
    /** The live stream (/notifications/stream) the bell listens to. */
    LIVE,
    /** The report page's list of sanitised releases made from it. */
    SANITISED_RELEASES,
    /** The TAXII collection mamori-items, read with the reader's token (never TLP:RED). */
    TAXII
  }

  /** Where a reader finds an advisory; on every other path they find nothing. */
  enum Sight {
    NONE(),
    /** It is readable: the page, the ALL lists, the API, the notice, the report page. */
    READS(
        Path.PAGE,
        Path.LIST_ALL,
        Path.API_ONE,
        Path.API_LIST_ALL,
        Path.STIX,
        Path.API_STIX,
        Path.MISP,
        Path.API_MISP,
        Path.NOTICE,
        Path.SANITISED_RELEASES,
        Path.TAXII),
    /** It is readable and reached the reader's organisation: the RECEIVED lists, and told of it. */
    RECEIVED(
        Path.PAGE,
        Path.LIST_ALL,
        Path.API_ONE,
        Path.API_LIST_ALL,
        Path.STIX,
        Path.API_STIX,
        Path.MISP,
        Path.API_MISP,
        Path.NOTICE,
        Path.SANITISED_RELEASES,
        Path.TAXII,
        Path.LIST_RECEIVED,
        Path.API_LIST_RECEIVED,
        Path.TOLD,
        Path.NOTIFICATION_LIST,
        Path.LIVE),
    /** It is readable and the reader's organisation issued it: the ISSUED lists too. */
    ISSUED(
        Path.PAGE,
        Path.LIST_ALL,
        Path.API_ONE,
        Path.API_LIST_ALL,
        Path.STIX,
        Path.API_STIX,
        Path.MISP,
        Path.API_MISP,
        Path.NOTICE,
        Path.SANITISED_RELEASES,
        Path.TAXII,
        Path.LIST_ISSUED,
        Path.API_LIST_ISSUED);

    private final Set<Path> paths;

    Sight(Path... paths) {
      this.paths = EnumSet.noneOf(Path.class);
      this.paths.addAll(Arrays.asList(paths));
    }
  }

  /** An expected table: a column per advisory (or per moment of one), a row per reader. */
  record Table(List<String> columns, Map<Who, List<Sight>> rows) {

    static Table of(String text) {
      List<String[]> lines =
          text.lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .map(l -> l.split("\\s+"))
              .toList();
      List<String> columns = List.of(lines.get(0)).subList(1, lines.get(0).length);
      Map<Who, List<Sight>> rows = new EnumMap<>(Who.class);
      for (String[] cells : lines.subList(1, lines.size())) {
        if (cells.length != columns.size() + 1) {
          throw new IllegalArgumentException("not one cell per column: " + String.join(" ", cells));
        }
        List<Sight> sights =
            Arrays.stream(cells)
                .skip(1)
                .map(cell -> Sight.valueOf(cell.toUpperCase(Locale.ROOT)))
                .toList();
        if (rows.put(Who.valueOf(cells[0]), sights) != null) {
          throw new IllegalArgumentException("two rows for " + cells[0]);
        }
      }
      if (rows.size() != Who.values().length) {
        throw new IllegalArgumentException("a row for every reader, not only " + rows.keySet());
      }
      return new Table(columns, rows);
    }

    Sight sight(Who who, String column) {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new IllegalArgumentException("no column " + column);
      }
      return rows.get(who).get(index);
    }
  }

  /** One person, their browser session, their API token and their live stream. */
  record Reader(
      Who who,
      PersonId person,
      OrganisationId organisation,
      String email,
      RequestPostProcessor session,
      String token,
      NotificationStream live) {

    Actor actor() {
      return new Actor(person, organisation);
    }
  }

  /** An advisory issued here; the mark in its title is found nowhere else. */
  record Issued(
      String reference, UUID id, String mark, @Nullable String sourceReport, boolean red) {

    /** Where the reader may find it: TLP:RED never goes out over TAXII. */
    Set<Path> paths(Sight sight) {
      Set<Path> paths = EnumSet.noneOf(Path.class);
      paths.addAll(sight.paths);
      if (red) {
        paths.remove(Path.TAXII);
      }
      return paths;
    }
  }

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired SharedItems items;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;
  @Autowired JsonMapper json;

  private final Map<Who, Reader> readers = new EnumMap<>(Who.class);
  private final Map<String, Issued> fromACeptoar = new LinkedHashMap<>();
  private final Map<String, Issued> sanitisedFromTheHub = new LinkedHashMap<>();
  private Issued toNarrow;
  private NotifyScenarios scenarios;
  private final Instant began = Instant.now().minusSeconds(1);

  /** Every reader listens before anything is issued, so the live stream carries what they hear. */
  @BeforeAll
  void issueEveryAdvisoryOnce() throws Exception {
    scenarios = new NotifyScenarios(mvc, jdbc, transaction, events);
    for (Who who : Who.values()) {
      readers.put(who, reader(who));
    }
    String source =
        ReportRequests.reference(
            mvc.perform(
                ReportRequests.firstReport("行列テストの元になる報告", "GREEN")
                    .with(readers.get(POWER_OPERATOR).session())));
    for (String tlp : Table.of(FROM_A_CEPTOAR_TO_ONE_OPERATOR).columns()) {
      fromACeptoar.put(tlp, fromTheWaterCeptoar(tlp));
    }
    for (String tlp : Table.of(SANITISED_FROM_THE_HUB_TO_A_SECTOR).columns()) {
      sanitisedFromTheHub.put(tlp, sanitisedToTheWaterSector(tlp, source));
    }
    toNarrow = fromTheWaterCeptoar("GREEN");
    awaitEveryNotice();
    awaitPublished(
        Stream.concat(fromACeptoar.values().stream(), sanitisedFromTheHub.values().stream()), null);
  }

  @AfterAll
  void stopListening() {
    readers.values().forEach(reader -> reader.live().close());
  }

  @Test
  void anAdvisoryFromACeptoarToOneOperatorIsFoundExactlyWhereTheTableSays(CapturedOutput output)
      throws Exception {
    assertAgree(Table.of(FROM_A_CEPTOAR_TO_ONE_OPERATOR), fromACeptoar, output);
  }

  @Test
  void aSanitisedReleaseFromTheHubToASectorIsFoundExactlyWhereTheTableSays(CapturedOutput output)
      throws Exception {
    assertAgree(Table.of(SANITISED_FROM_THE_HUB_TO_A_SECTOR), sanitisedFromTheHub, output);
  }

  @Test
  void aRecipientNarrowingGreenToAmberTakesItOffEveryPathOfThoseItNeverReached(
      CapturedOutput output) throws Exception {
    Table expected = Table.of(NARROWED_BY_A_RECIPIENT);
    assertAgree(expected, Map.of("issued-GREEN", toNarrow), output);

    mvc.perform(
            post("/advisories/" + toNarrow.reference() + "/marking")
                .with(readers.get(WATER_OPERATOR).session())
                .with(csrf())
                .param("tlp", "AMBER"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("select tlp from advisory where id = :id")
                .param("id", toNarrow.id())
                .query(String.class)
                .single())
        .isEqualTo("AMBER");
    awaitPublished(Stream.of(toNarrow), "AMBER");

    assertAgree(expected, Map.of("narrowed-to-AMBER", toNarrow), output);
  }

  /**
   * Every reader finds each advisory exactly where the table says, and the lists' query never
   * returned a row the access policy then had to refuse (the lists ask both).
   */
  private void assertAgree(Table expected, Map<String, Issued> byColumn, CapturedOutput output)
      throws Exception {
    List<String> disagreements = disagreements(expected, byColumn);
    List<String> refusedAfterTheQuery =
        output.getAll().lines().filter(line -> line.contains(LIST_QUERY_DISAGREES)).toList();
    SoftAssertions.assertSoftly(
        softly -> {
          softly.assertThat(disagreements).as("paths that disagree with the table").isEmpty();
          softly
              .assertThat(refusedAfterTheQuery)
              .as("rows the advisory lists' query let through but the access policy refused")
              .isEmpty();
        });
  }

  /** Every path where a reader finds an advisory the table does not expect, or misses one. */
  private List<String> disagreements(Table expected, Map<String, Issued> byColumn)
      throws Exception {
    List<String> found = new ArrayList<>();
    for (Reader reader : readers.values()) {
      Map<Path, String> lists = lists(reader);
      Map<String, String> reportPages = new HashMap<>();
      for (String source :
          byColumn.values().stream()
              .map(Issued::sourceReport)
              .filter(Objects::nonNull)
              .distinct()
              .toList()) {
        reportPages.put(source, html(reader, "/reports/" + source));
      }
      for (Map.Entry<String, Issued> column : byColumn.entrySet()) {
        Set<Path> expectedPaths =
            column.getValue().paths(expected.sight(reader.who(), column.getKey()));
        for (Map.Entry<Path, Boolean> path :
            paths(reader, column.getValue(), lists, reportPages).entrySet()) {
          if (path.getValue() != expectedPaths.contains(path.getKey())) {
            found.add(
                column.getKey()
                    + " / "
                    + reader.who()
                    + " / "
                    + path.getKey()
                    + (path.getValue()
                        ? ": finds it but must not"
                        : ": must find it but does not"));
          }
        }
      }
    }
    return found;
  }

  /** The lists, read once per reader: what each path shows them. */
  private Map<Path, String> lists(Reader reader) throws Exception {
    Map<Path, String> lists = new EnumMap<>(Path.class);
    lists.put(Path.LIST_RECEIVED, html(reader, "/advisories?box=RECEIVED"));
    lists.put(Path.LIST_ISSUED, html(reader, "/advisories?box=ISSUED"));
    lists.put(Path.LIST_ALL, html(reader, "/advisories?box=ALL"));
    lists.put(Path.API_LIST_RECEIVED, api(reader, "/api/advisories?box=RECEIVED"));
    lists.put(Path.API_LIST_ISSUED, api(reader, "/api/advisories?box=ISSUED"));
    lists.put(Path.API_LIST_ALL, api(reader, "/api/advisories?box=ALL"));
    lists.put(Path.NOTIFICATION_LIST, html(reader, "/notifications?show=ALL"));
    lists.put(Path.TAXII, taxiiNotes(reader));
    return lists;
  }

  /** Every STIX note in mamori-items the reader's token may read, added since the class began. */
  private String taxiiNotes(Reader reader) throws Exception {
    StringBuilder notes = new StringBuilder();
    String next = null;
    do {
      MockHttpServletRequestBuilder page =
          get("/taxii2/mamori/collections/mamori-items/objects/")
              .header("Authorization", "Bearer " + reader.token())
              .header("Accept", "application/taxii+json;version=2.1")
              .param("match[type]", "note")
              .param("added_after", began.toString());
      if (next != null) {
        page.param("next", next);
      }
      String body =
          mvc.perform(page)
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      notes.append(body);
      JsonNode envelope = json.readTree(body);
      next = envelope.path("more").asBoolean(false) ? envelope.get("next").asString() : null;
    } while (next != null);
    return notes.toString();
  }

  /**
   * Waits until the exchange module has published the advisories (all but TLP:RED ones) to
   * mamori-items and, when a marking is given, given it to what it published.
   */
  private void awaitPublished(Stream<Issued> advisories, @Nullable String marking) {
    advisories
        .filter(advisory -> !advisory.red())
        .forEach(
            advisory ->
                await()
                    .atMost(NotifyScenarios.PATIENCE)
                    .until(
                        () -> {
                          List<String> notes =
                              jdbc.sql(
                                      "select tlp from stix_object where source_item = :item and"
                                          + " object_type = 'note'")
                                  .param("item", "advisory:" + advisory.reference())
                                  .query(String.class)
                                  .list();
                          return marking == null ? !notes.isEmpty() : notes.contains(marking);
                        }));
  }

  /**
   * Whether the reader finds the advisory, path by path.
   *
   * @param reportPages the pages of the reports sanitised releases were made from, as the reader
   *     sees them, by reference
   */
  private Map<Path, Boolean> paths(
      Reader reader, Issued advisory, Map<Path, String> lists, Map<String, String> reportPages)
      throws Exception {
    String mark = advisory.mark();
    Map<Path, Boolean> found = new EnumMap<>(Path.class);
    lists.forEach((path, shown) -> found.put(path, shown.contains(mark)));
    found.put(Path.PAGE, html(reader, "/advisories/" + advisory.reference()).contains(mark));
    found.put(Path.API_ONE, api(reader, "/api/advisories/" + advisory.reference()).contains(mark));
    for (String format : List.of("stix", "misp")) {
      String download = "/advisories/" + advisory.reference() + "/" + format;
      boolean stix = format.equals("stix");
      found.put(stix ? Path.STIX : Path.MISP, html(reader, download).contains(mark));
      found.put(
          stix ? Path.API_STIX : Path.API_MISP, api(reader, "/api" + download).contains(mark));
    }
    found.put(
        Path.NOTICE,
        items
            .noticeFor(
                new SharedItems.ItemRef(SharedItems.Kind.ADVISORY, advisory.id()), reader.actor())
            .isPresent());
    found.put(Path.TOLD, scenarios.notifications(reader.person(), advisory.id()) > 0);
    found.put(
        Path.LIVE,
        reader.live().lines().stream()
            .anyMatch(line -> line.startsWith("data:") && line.contains(mark)));
    if (advisory.sourceReport() != null) {
      found.put(Path.SANITISED_RELEASES, reportPages.get(advisory.sourceReport()).contains(mark));
    }
    return found;
  }

  private Issued fromTheWaterCeptoar(String tlp) throws Exception {
    String mark = mark();
    MockHttpServletRequestBuilder request =
        AdvisoryRequests.advisory("行列テスト " + mark, tlp).param("organisations", "minamikawa-water");
    if (tlp.equals("RED")) {
      request.param(
          "redRecipients",
          readers.get(WATER_OPERATOR).email() + "," + readers.get(WATER_MINISTRY).email());
    }
    return issue(WATER_CEPTOAR_AUTHOR, request, mark, null, tlp.equals("RED"));
  }

  private Issued sanitisedToTheWaterSector(String tlp, String source) throws Exception {
    String mark = mark();
    MockHttpServletRequestBuilder request =
        AdvisoryRequests.advisory("行列テスト " + mark, tlp)
            .param("sectors", AdvisoryRequests.sector(directory, "water"))
            .param("sourceReport", source);
    if (tlp.equals("RED")) {
      request.param("redRecipients", readers.get(WATER_OPERATOR).email());
    }
    return issue(HUB_AUTHOR, request, mark, source, tlp.equals("RED"));
  }

  private Issued issue(
      Who author,
      MockHttpServletRequestBuilder request,
      String mark,
      @Nullable String source,
      boolean red)
      throws Exception {
    String reference =
        AdvisoryRequests.reference(mvc.perform(request.with(readers.get(author).session())));
    return new Issued(reference, AdvisoryRequests.id(jdbc, reference), mark, source, red);
  }

  /**
   * Waits until the notification module has handled every advisory and each reader's live stream
   * has carried every notice stored for them.
   */
  private void awaitEveryNotice() {
    List<UUID> issued = new ArrayList<>();
    fromACeptoar.values().forEach(a -> issued.add(a.id()));
    sanitisedFromTheHub.values().forEach(a -> issued.add(a.id()));
    issued.add(toNarrow.id());
    issued.forEach(scenarios::awaitHandled);
    for (Reader reader : readers.values()) {
      List<String> notices =
          jdbc
              .sql("select id from notification where recipient = :person and item_id in (:items)")
              .param("person", reader.person().value())
              .param("items", issued)
              .query(UUID.class)
              .list()
              .stream()
              .map(id -> "id:" + id)
              .toList();
      await()
          .atMost(NotifyScenarios.PATIENCE)
          .until(() -> reader.live().lines().containsAll(notices));
    }
  }

  private Reader reader(Who who) throws Exception {
    String organisation = who.organisation == null ? people.newOperator("water") : who.organisation;
    TestPeople.TestPerson person = people.create(organisation, who.role);
    Cookie cookie = SignIn.session(mvc, person.email(), TestPeople.PASSWORD);
    RequestPostProcessor session = SignIn.carrying(cookie);
    OrganisationId acting = people.organisation(organisation);
    NotificationStream live = NotificationStream.open(port, cookie);
    await().atMost(NotifyScenarios.PATIENCE).until(() -> live.lines().contains("event:unread"));
    return new Reader(
        who,
        person.id(),
        acting,
        person.email(),
        session,
        Tokens.create(mvc, session, acting.toString(), "READ"),
        live);
  }

  private String html(Reader reader, String url) throws Exception {
    return mvc.perform(get(url).with(reader.session()))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String api(Reader reader, String url) throws Exception {
    return mvc.perform(get(url).header("Authorization", "Bearer " + reader.token()))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** A mark found in nothing but the one advisory whose title it is written into. */
  private static String mark() {
    return "mx" + UUID.randomUUID().toString().substring(0, 8);
  }
}
