package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.directory.CandidateRequests.today;
import static org.mamori.directory.CandidateRequests.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.access.Passwords;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The national hub and the sector ministries follow the review; only platform administrators change
 * it; operators and CEPTOARs see none of it.
 */
@MamoriTest
class CandidatePermissionsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Directory directory;
  @Autowired Enrolment enrolment;
  @Autowired Passwords passwords;

  private CandidateRequests requests;
  private RequestPostProcessor admin;
  private UUID candidate;

  @BeforeEach
  void aCandidateExists() throws Exception {
    requests = new CandidateRequests(mvc);
    admin = SignIn.as(mvc, SignIn.ADMIN);
    String meti = directory.organisationByCode("meti").orElseThrow().id().toString();
    candidate = requests.propose(admin, "非公開の候補 " + unique(), meti);
  }

  @Test
  void anOperatorSeesNothingOfTheReview() throws Exception {
    RequestPostProcessor operator = signedInOperator();

    mvc.perform(get("/directory/candidates").with(operator)).andExpect(status().isForbidden());
    mvc.perform(get("/directory/candidates/{id}", candidate).with(operator))
        .andExpect(status().isForbidden());
    mvc.perform(get("/directory/candidates/criteria").with(operator))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/directory/candidates")
                .with(operator)
                .with(csrf())
                .param("nameJa", "いたずら")
                .param("ministry", ""))
        .andExpect(status().isForbidden());
    requests.withdraw(operator, candidate, today(), "いたずら").andExpect(status().isForbidden());
  }

  @Test
  void aCeptoarSeesNothingOfTheReview() throws Exception {
    RequestPostProcessor ceptoar = SignIn.as(mvc, SignIn.CEPTOAR);

    mvc.perform(get("/directory/candidates").with(ceptoar)).andExpect(status().isForbidden());
    mvc.perform(get("/directory/candidates/{id}", candidate).with(ceptoar))
        .andExpect(status().isForbidden());
  }

  @Test
  void aSectorMinistryFollowsTheReviewButCannotChangeIt() throws Exception {
    RequestPostProcessor ministry = SignIn.as(mvc, SignIn.MINISTRY);

    assertThat(
            requests
                .page(ministry, "/directory/candidates")
                .select("tr[data-candidate=" + candidate + "]"))
        .hasSize(1);
    Document page = requests.page(ministry, "/directory/candidates/{id}", candidate);
    assertThat(page.select("#actions")).isEmpty();
    assertThat(page.select("a[href*=/scores/]")).isEmpty();
    Document criteria = requests.page(ministry, "/directory/candidates/criteria");
    assertThat(criteria.select("#criteria tbody tr")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(criteria.select("a[href^=/directory/candidates/criteria/]")).isEmpty();

    mvc.perform(get("/directory/candidates/new").with(ministry)).andExpect(status().isForbidden());
    mvc.perform(
            post("/directory/candidates")
                .with(ministry)
                .with(csrf())
                .param("nameJa", "経産省の案")
                .param("ministry", ""))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/directory/candidates/{id}/edit", candidate)
                .with(ministry)
                .with(csrf())
                .param("nameJa", "改名"))
        .andExpect(status().isForbidden());
    requests
        .score(ministry, candidate, "interdependency", "3", "")
        .andExpect(status().isForbidden());
    requests
        .advance(ministry, candidate, "MINISTRY_CONSULTED", today(), "")
        .andExpect(status().isForbidden());
    requests.withdraw(ministry, candidate, today(), "不要").andExpect(status().isForbidden());
    requests
        .designate(ministry, candidate, "cand-" + unique(), "宇宙", today(), "")
        .andExpect(status().isForbidden());
    mvc.perform(get("/directory/candidates/criteria/interdependency").with(ministry))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/directory/candidates/criteria/interdependency")
                .with(ministry)
                .with(csrf())
                .param("nameJa", "改名")
                .param("weight", "9")
                .param("maxScore", "9"))
        .andExpect(status().isForbidden());

    Document after = requests.page(admin, "/directory/candidates/{id}", candidate);
    assertThat(after.select("#stage").text()).isEqualTo("候補");
    assertThat(after.select("#criterion-interdependency .score").text()).isEqualTo("未評価");
  }

  @Test
  void hubMembersWhoAreNotAdministratorsOnlyRead() throws Exception {
    RequestPostProcessor analyst = SignIn.as(mvc, SignIn.ANALYST);

    assertThat(requests.page(analyst, "/directory/candidates/{id}", candidate).select("h1").text())
        .startsWith("非公開の候補");
    requests
        .advance(analyst, candidate, "MINISTRY_CONSULTED", today(), "")
        .andExpect(status().isForbidden());
  }

  @Test
  void theMenuOffersTheReviewOnlyToThoseWhoMayReadIt() throws Exception {
    String link = "nav a[href=/directory/candidates]";
    assertThat(requests.page(SignIn.as(mvc, SignIn.MINISTRY), "/").select(link)).hasSize(1);
    assertThat(requests.page(SignIn.as(mvc, SignIn.ANALYST), "/").select(link)).hasSize(1);
    assertThat(requests.page(SignIn.as(mvc, SignIn.CEPTOAR), "/").select(link)).isEmpty();
    assertThat(requests.page(signedInOperator(), "/").select(link)).isEmpty();
  }

  @Test
  void visitorsWhoAreNotSignedInAreSentToSignIn() throws Exception {
    mvc.perform(get("/directory/candidates/{id}", candidate))
        .andExpect(status().is3xxRedirection());
  }

  private RequestPostProcessor signedInOperator() throws Exception {
    String code = "op-" + unique();
    UUID organisation = UUID.randomUUID();
    jdbc.sql(
            """
            insert into organisation (id, code, kinds, name_ja, name_en, country, created_at, version)
            values (:id, :code, '{OPERATOR}', :name, '', 'JP', now(), 0)
            """)
        .param("id", organisation)
        .param("code", code)
        .param("name", "試験事業者 " + code)
        .update();
    String email = code + "@operator.example";
    String password = "operator-" + unique();
    PersonId person =
        enrolment.enrol(
            Actor.SYSTEM, email, "事業者 担当", new OrganisationId(organisation), Set.of("reporter"));
    passwords.set(Actor.SYSTEM, person, password);
    return SignIn.as(mvc, email, password);
  }
}
