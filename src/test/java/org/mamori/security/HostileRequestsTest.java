package org.mamori.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.sharing.ReportRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Requests no honest client sends: bodies far larger than anything Mamori takes (413, nothing
 * stored), bodies of the wrong kind (415). CSRF on every form is checked by {@link
 * AuthorisationSweepTest}, the TAXII limits by the TAXII conformance tests, the importer's "file
 * too large" by {@code OperatorImportPagesTest} and the sign-in lockout by {@code
 * AccountPagesTest}.
 */
@MamoriTest
class HostileRequestsTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;

  @Test
  void theReportApiRefusesABodyOverOneMegabyteAndStoresNothing() throws Exception {
    String operator = people.newOperator("water");
    String token = token(operator, "reporter");
    String summary = "x".repeat(2 * 1024 * 1024);

    MockHttpServletResponse refused =
        mvc.perform(
                post("/api/reports")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"summary\":\"" + summary + "\"}"))
            .andReturn()
            .getResponse();

    assertThat(refused.getStatus()).isEqualTo(413);
    assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(refused.getContentAsString()).contains("larger than 1048576 bytes");
    assertThat(reportsOf(operator)).isZero();
  }

  @Test
  void theJsonApisRefuseABodyThatIsNotJson() throws Exception {
    Map<String, String> tokens =
        Map.of(
            "/api/reports",
            token(people.newOperator("water"), "reporter"),
            "/api/exchange/misp?collection=all-sectors",
            token("national-hub", "analyst"));
    for (Map.Entry<String, String> path : tokens.entrySet()) {
      int status =
          mvc.perform(
                  post(path.getKey())
                      .header(HttpHeaders.AUTHORIZATION, "Bearer " + path.getValue())
                      .contentType(MediaType.TEXT_PLAIN)
                      .content("summary=hello"))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as(path.getKey()).isEqualTo(415);
    }
  }

  @Test
  void theMispApiRefusesAnEventOverTenMegabytes() throws Exception {
    String token = token("national-hub", "analyst");
    byte[] event = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(event, (byte) ' ');

    MockHttpServletResponse refused =
        mvc.perform(
                post("/api/exchange/misp")
                    .param("collection", "all-sectors")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(event))
            .andReturn()
            .getResponse();

    assertThat(refused.getStatus()).isEqualTo(413);
  }

  @Test
  void anAttachmentSentAsAPlainFormIsRefusedWith415NotAServerError() throws Exception {
    String operator = people.newOperator("water");
    RequestPostProcessor reporter =
        SignIn.as(mvc, people.create(operator, "reporter").email(), TestPeople.PASSWORD);
    String reference =
        ReportRequests.reference(
            mvc.perform(ReportRequests.firstReport("添付の形式の確認", "GREEN").with(reporter)));

    MockHttpServletResponse refused =
        mvc.perform(
                post("/reports/" + reference + "/attachments")
                    .with(reporter)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("tlp=GREEN&file=" + "A".repeat(64)))
            .andReturn()
            .getResponse();

    assertThat(refused.getStatus()).isEqualTo(415);
    assertThat(
            jdbc.sql(
                    "select count(*) from report_attachment a join report r on r.id = a.report_id"
                        + " where r.reference = :reference")
                .param("reference", reference)
                .query(Long.class)
                .single())
        .isZero();
  }

  private String token(String organisationCode, String role) throws Exception {
    TestPeople.TestPerson person = people.create(organisationCode, role);
    RequestPostProcessor session = SignIn.as(mvc, person.email(), TestPeople.PASSWORD);
    return Tokens.create(
        mvc, session, people.organisation(organisationCode).value().toString(), "WRITE");
  }

  private long reportsOf(String organisationCode) {
    return jdbc.sql("select count(*) from report where originator = :organisation")
        .param("organisation", people.organisation(organisationCode).value())
        .query(Long.class)
        .single();
  }
}
