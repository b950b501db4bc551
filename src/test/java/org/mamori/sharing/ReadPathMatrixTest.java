package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who sees a report, by its marking, through every read path: the page, the lists, search, the CSV
 * export, the API (one and list), the STIX 2.1 and MISP downloads (page and API), an attachment,
 * and what notifications may tell. Each reader must see the report through all of them or through
 * none; a path that forgot the access decision makes this fail.
 */
@MamoriTest
class ReadPathMatrixTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired SharedItems items;

  /** One person, their browser session and their API token. */
  record Reader(
      String name,
      RequestPostProcessor session,
      String token,
      PersonId person,
      OrganisationId organisation) {}

  @Test
  void everyReadPathAgreesWithTheMarking() throws Exception {
    Reader author = reader("originator (author)", "minamikawa-water", "reporter");
    Reader colleague = reader("originator (colleague)", "minamikawa-water", "approver");
    Reader ministry = reader("ministry", "mlit", "relay");
    Reader ceptoar = reader("CEPTOAR", "ceptoar-water", "relay");
    Reader hub = reader("national hub", "national-hub", "analyst");
    Reader sameSector = reader("same-sector operator", people.newOperator("water"), "reporter");
    Reader otherSector = reader("other-sector operator", "asahino-power", "reporter");
    List<Reader> everyone =
        List.of(author, colleague, ministry, ceptoar, hub, sameSector, otherSector);

    Map<String, List<Reader>> expected = new LinkedHashMap<>();
    expected.put("CLEAR", everyone);
    expected.put("GREEN", everyone);
    expected.put("AMBER", List.of(author, colleague, ministry, ceptoar, hub));
    expected.put("AMBER_STRICT", List.of(author, colleague, ministry, ceptoar, hub));
    expected.put("RED", List.of(author, hub));

    List<String> disagreements = new ArrayList<>();
    for (Map.Entry<String, List<Reader>> marking : expected.entrySet()) {
      String word = "行列" + UUID.randomUUID().toString().substring(0, 6);
      String reference = file(author, marking.getKey(), word, hub);
      if (!marking.getKey().equals("RED")) {
        forwardToHub(ministry, reference);
      }
      String attachment = attach(author, reference, marking.getKey());
      for (Reader reader : everyone) {
        boolean shouldSee = marking.getValue().contains(reader);
        Map<String, Boolean> seen = paths(reader, reference, word, attachment);
        seen.forEach(
            (path, sees) -> {
              if (sees != shouldSee) {
                disagreements.add(
                    marking.getKey() + " / " + reader.name() + " / " + path + ": sees=" + sees);
              }
            });
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private Map<String, Boolean> paths(
      Reader reader, String reference, String word, String attachment) throws Exception {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    seen.put("page", status(get("/reports/" + reference), reader) == 200);
    seen.put("list", body(get("/reports?box=ALL"), reader).contains(reference));
    seen.put("search", body(get("/reports?box=ALL&q=" + word), reader).contains(reference));
    seen.put("csv", body(get("/reports/export.csv?box=ALL&q=" + word), reader).contains(reference));
    seen.put(
        "api",
        mvc.perform(
                    get("/api/reports/" + reference)
                        .header("Authorization", "Bearer " + reader.token()))
                .andReturn()
                .getResponse()
                .getStatus()
            == 200);
    seen.put(
        "api list",
        mvc.perform(get("/api/reports?box=ALL").header("Authorization", "Bearer " + reader.token()))
            .andReturn()
            .getResponse()
            .getContentAsString()
            .contains(reference));
    seen.put("stix", status(get("/reports/" + reference + "/stix"), reader) == 200);
    seen.put(
        "api stix",
        mvc.perform(
                    get("/api/reports/" + reference + "/stix")
                        .header("Authorization", "Bearer " + reader.token()))
                .andReturn()
                .getResponse()
                .getStatus()
            == 200);
    seen.put("misp", status(get("/reports/" + reference + "/misp"), reader) == 200);
    seen.put(
        "api misp",
        mvc.perform(
                    get("/api/reports/" + reference + "/misp")
                        .header("Authorization", "Bearer " + reader.token()))
                .andReturn()
                .getResponse()
                .getStatus()
            == 200);
    seen.put("attachment", status(get(attachment), reader) == 200);
    seen.put(
        "notification",
        items
            .noticeFor(
                new SharedItems.ItemRef(SharedItems.Kind.REPORT, reportId(reference)),
                new Actor(reader.person(), reader.organisation()))
            .isPresent());
    return seen;
  }

  private String file(Reader author, String tlp, String word, Reader hub) throws Exception {
    var request = ReportRequests.firstReport("行列テスト " + word, tlp).with(author.session());
    if (tlp.equals("RED")) {
      request.param(
          "redRecipients",
          jdbc.sql("select email from person where id = :id")
              .param("id", hub.person().value())
              .query(String.class)
              .single());
    }
    return ReportRequests.reference(mvc.perform(request));
  }

  private void forwardToHub(Reader ministry, String reference) throws Exception {
    mvc.perform(post("/reports/" + reference + "/forward").with(ministry.session()).with(csrf()));
  }

  private String attach(Reader author, String reference, String tlp) throws Exception {
    mvc.perform(
        multipart("/reports/" + reference + "/attachments")
            .file(
                new MockMultipartFile(
                    "file", "matrix.txt", "text/plain", "matrix".getBytes(StandardCharsets.UTF_8)))
            .param("tlp", tlp)
            .with(author.session())
            .with(csrf()));
    String href =
        Jsoup.parse(body(get("/reports/" + reference), author.session()))
            .select("#discussion a:contains(matrix.txt)")
            .attr("href");
    assertThat(href).as("the author sees the attachment of " + reference).isNotBlank();
    return href;
  }

  private Reader reader(String name, String organisation, String role) throws Exception {
    TestPeople.TestPerson person = people.create(organisation, role);
    RequestPostProcessor session = SignIn.as(mvc, person.email(), TestPeople.PASSWORD);
    String token =
        Tokens.create(mvc, session, people.organisation(organisation).toString(), "READ");
    return new Reader(name, session, token, person.id(), people.organisation(organisation));
  }

  private UUID reportId(String reference) {
    return jdbc.sql("select id from report where reference = :r")
        .param("r", reference)
        .query(UUID.class)
        .single();
  }

  private int status(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      Reader reader)
      throws Exception {
    return mvc.perform(request.with(reader.session())).andReturn().getResponse().getStatus();
  }

  private String body(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      Reader reader)
      throws Exception {
    return mvc.perform(request.with(reader.session()))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String body(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      RequestPostProcessor session)
      throws Exception {
    return mvc.perform(request.with(session))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
