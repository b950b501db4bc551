package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The MISP import page: a MISP event goes into a TAXII collection the importer's organisation may
 * add to, exactly as a TAXII client would put it there, readable by the collection's readers and
 * nobody else; a file that is no MISP event is refused on the form with nothing stored.
 */
@MamoriTest
class MispImportPageTest {

  /** The demo event: tlp:amber, an IP address and a domain to detect, and a bitcoin address. */
  static final String DEMO = "demo-amber.json";

  static final String IP_INDICATOR = "indicator--2d7c1b9e-5f3a-4c6d-8e2b-9a1f0c3d5e71";
  static final String DOMAIN_INDICATOR = "indicator--4e9a2c7d-1b6f-4d3e-a5c8-7f0b2e4d6a92";
  static final String BITCOIN_ATTRIBUTE = "7b3e5a1c-9d2f-4a8e-b6c4-1e7d3f9a2b54";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;
  @Autowired JdbcClient jdbc;

  TaxiiFixtures fixtures;
  TaxiiHttp taxii;
  UUID collection;
  RequestPostProcessor importer;

  @BeforeEach
  void setUp() throws Exception {
    fixtures = new TaxiiFixtures(mvc, people, collections);
    taxii = new TaxiiHttp(port);
    collection =
        fixtures.collection(
            Tlp.GREEN, Set.of("minamikawa-water", "asahino-power"), Set.of("minamikawa-water"));
    importer =
        SignIn.as(mvc, people.create("minamikawa-water", "reporter").email(), TestPeople.PASSWORD);
  }

  @Test
  void anImportedEventIsReadOverTaxiiByTheCollectionsReadersAndByNobodyElse() throws Exception {
    Document form = Pages.get(mvc, importer, "/exchange/misp");
    assertThat(form.select("input[name=collection]").eachAttr("value"))
        .contains(collection.toString());

    Document result = Jsoup.parse(upload(file(DEMO, fixture(DEMO))).getContentAsString());

    assertThat(result.select("h1").text()).isEqualTo("MISP イベントの取り込み結果");
    int stored = Integer.parseInt(result.select("#stored").text());
    assertThat(stored).isGreaterThanOrEqualTo(4); // identity, report, two indicators, marking
    assertThat(result.select("#refused").text()).isEqualTo("0");
    assertThat(result.select("#problems li"))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.text()).contains("btc").contains("取り込んでいません");
              assertThat(problem.text()).contains(BITCOIN_ATTRIBUTE);
            });

    Member reader = fixtures.member("asahino-power", "reporter", "READ");
    assertThat(taxii.get(reader.token(), TaxiiHttp.objects(collection)).ids())
        .contains(IP_INDICATOR, DOMAIN_INDICATOR);
    assertThat(tlpOf(IP_INDICATOR)).isEqualTo("AMBER");
    Member outsider = fixtures.member(people.newOperator("water"), "reporter", "READ");
    assertThat(taxii.get(outsider.token(), TaxiiHttp.objects(collection)).status()).isEqualTo(404);
    Member hub = fixtures.member("national-hub", "analyst", "READ");
    assertThat(taxii.get(hub.token(), TaxiiHttp.object(collection, IP_INDICATOR)).status())
        .isEqualTo(404);

    Document status = Pages.get(mvc, importer, result.select("#status-link").attr("href"));
    assertThat(status.select("#stored").text()).isEqualTo(Integer.toString(stored));
    assertThat(people.auditEntries("exchange.objects.added", collection.toString())).isOne();
  }

  @Test
  void importingTheSameEventAgainStoresNothingTwice() throws Exception {
    upload(file(DEMO, fixture(DEMO)));

    Document again = Jsoup.parse(upload(file(DEMO, fixture(DEMO))).getContentAsString());

    assertThat(again.select("#stored").text()).isEqualTo("0");
    assertThat(Integer.parseInt(again.select("#already-there").text())).isGreaterThan(0);
  }

  @Test
  void anUnmarkedEventTakesTheCollectionsDefault() throws Exception {
    String unmarked = new String(fixture(DEMO), StandardCharsets.UTF_8).replace("tlp:amber", "x");

    upload(file("unmarked.json", unmarked.getBytes(StandardCharsets.UTF_8)));

    assertThat(tlpOf(IP_INDICATOR)).isEqualTo("GREEN");
  }

  @Test
  void aFeedOfManifestAndEventFilesImportsEveryEvent() throws Exception {
    String[] events = {
      "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d.json",
      "2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e.json",
      "3d4e5f60-7182-4c9d-8e0f-2a3b4c5d6e7f.json"
    };
    var request =
        multipart("/exchange/misp")
            .file(file("manifest.json", fixture("feed/manifest.json")))
            .param("collection", collection.toString());
    for (String event : events) {
      request.file(file(event, fixture("feed/" + event)));
    }

    Document result =
        Jsoup.parse(
            mvc.perform(request.with(importer).with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString());

    // the feed's second event file is broken on purpose: it is named, the other two import
    assertThat(result.select("p.lead").text()).contains("イベント 2 件");
    assertThat(result.select("#problems li"))
        .anySatisfy(
            problem ->
                assertThat(problem.text())
                    .contains("2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e")
                    .contains("JSON として読めませんでした"));
    assertThat(storedObjects()).isPositive();
  }

  @Test
  void aZipOfAFeedFolderImportsLikeTheFeed() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (String name :
          new String[] {"manifest.json", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d.json"}) {
        out.putNextEntry(new ZipEntry("feed/" + name));
        out.write(fixture("feed/" + name));
        out.closeEntry();
      }
    }

    Document result = Jsoup.parse(upload(file("feed.zip", zip.toByteArray())).getContentAsString());

    // the manifest lists three events; the two whose files are missing are named as problems
    assertThat(result.select("p.lead").text()).contains("イベント 1 件");
    assertThat(result.select("#problems li")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(storedObjects()).isPositive();
  }

  @Test
  void aFileThatIsNoMispEventIsRefusedOnTheFormAndNothingIsStored() throws Exception {
    for (byte[] bad :
        new byte[][] {
          "これは JSON ではありません".getBytes(StandardCharsets.UTF_8),
          "{\"type\":\"bundle\",\"objects\":[]}".getBytes(StandardCharsets.UTF_8),
          new byte[] {'P', 'K', 3, 4, 0, 0}
        }) {
      MockHttpServletResponse response = upload(file("bad.json", bad));

      assertThat(response.getStatus()).isEqualTo(200);
      Document page = Jsoup.parse(response.getContentAsString());
      assertThat(page.select(".error-summary a[href=#files]")).isNotEmpty();
      assertThat(page.select("h1").text()).isEqualTo("MISP イベントを取り込む");
    }
    assertThat(storedObjects()).isZero();
    assertThat(
            jdbc.sql("select count(*) from taxii_status where collection_id = :c")
                .param("c", collection)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theFormAsksForAFileAndACollection() throws Exception {
    Document page =
        Jsoup.parse(
            mvc.perform(multipart("/exchange/misp").with(importer).with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(page.select(".error-summary a").eachAttr("href"))
        .containsExactlyInAnyOrder("#collection", "#files");
  }

  @Test
  void theImportPageIsOnlyForOrganisationsThatMayAddToACollection() throws Exception {
    RequestPostProcessor nobody =
        SignIn.as(
            mvc,
            people.create(people.newOperator("water"), "reporter").email(),
            TestPeople.PASSWORD);

    assertThat(
            mvc.perform(get("/exchange/misp").with(nobody)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    MockHttpServletResponse posted =
        mvc.perform(
                multipart("/exchange/misp")
                    .file(file(DEMO, fixture(DEMO)))
                    .param("collection", collection.toString())
                    .with(nobody)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(posted.getStatus()).isEqualTo(403);
    assertThat(storedObjects()).isZero();
  }

  private MockHttpServletResponse upload(MockMultipartFile file) throws Exception {
    return mvc.perform(
            multipart("/exchange/misp")
                .file(file)
                .param("collection", collection.toString())
                .with(importer)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private long storedObjects() {
    return jdbc.sql("select count(*) from stix_object where collection_id = :c")
        .param("c", collection)
        .query(Long.class)
        .single();
  }

  private String tlpOf(String objectId) {
    return jdbc.sql(
            "select tlp from stix_object where collection_id = :c and object_id = :id"
                + " order by version desc limit 1")
        .param("c", collection)
        .param("id", objectId)
        .query(String.class)
        .single();
  }

  static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("files", name, "application/json", content);
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = MispImportPageTest.class.getResourceAsStream("/misp/" + name)) {
      if (in == null) {
        throw new IOException("no fixture " + name);
      }
      return in.readAllBytes();
    }
  }
}
