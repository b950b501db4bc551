package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.directory.CandidateRequests.html;
import static org.mamori.directory.CandidateRequests.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MamoriTest
class CandidateCriteriaTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Directory directory;

  private CandidateRequests requests;
  private RequestPostProcessor admin;

  @BeforeEach
  void signIn() throws Exception {
    requests = new CandidateRequests(mvc);
    admin = SignIn.as(mvc, SignIn.ADMIN);
  }

  @Test
  void theSeedsFiveCriteriaAreExplainedInPlainWords() throws Exception {
    Document page =
        requests.page(SignIn.as(mvc, SignIn.MINISTRY), "/directory/candidates/criteria");

    assertThat(page.select("#criteria tbody tr")).hasSize(5);
    assertThat(page.select("#criterion-control-system-risk").text())
        .contains("制御システムのリスク", "制御システム", "制御が困難な状態において生じ得るリスクの大きさ");
  }

  @Test
  void anAdministratorReweighsACriterionAndTotalsFollow() throws Exception {
    Document form = requests.page(admin, "/directory/candidates/criteria/reinforcement");
    String nameJa = form.select("#nameJa").val();
    String nameEn = form.select("#nameEn").val();
    String descriptionJa = form.select("#descriptionJa").text();
    String descriptionEn = form.select("#descriptionEn").text();
    assertThat(form.select("#weight").val()).isEqualTo("1");
    assertThat(form.select("#maxScore").val()).isEqualTo("3");
    String meti = directory.organisationByCode("meti").orElseThrow().id().toString();
    UUID candidate = requests.propose(admin, "宇宙 " + unique(), meti);
    long before = auditEntries();
    try {
      revise("reinforcement", "既存分野の補強", nameEn, "既存分野を補うか。", descriptionEn, "2.5", "5")
          .andExpect(redirectedUrl("/directory/candidates/criteria"));

      Document criteria = requests.page(admin, "/directory/candidates/criteria");
      assertThat(criteria.select("#criterion-reinforcement").text())
          .contains("既存分野の補強", "既存分野を補うか。");
      assertThat(criteria.select("#criterion-reinforcement .weight").text()).isEqualTo("2.5");
      assertThat(criteria.select("#criterion-reinforcement .max-score").text()).isEqualTo("5");
      // four criteria of weight 1 out of 3, and this one 2.5 × 5
      assertThat(
              requests.page(admin, "/directory/candidates/{id}", candidate).select("#total").text())
          .isEqualTo("合計 0 点 / 満点 24.5 点 (0%)");
      assertThat(auditEntries()).isEqualTo(before + 1);
    } finally {
      revise("reinforcement", nameJa, nameEn, descriptionJa, descriptionEn, "1", "3")
          .andExpect(status().is3xxRedirection());
    }
  }

  @Test
  void theScaleCannotShrinkBelowAScoreAlreadyGiven() throws Exception {
    String meti = directory.organisationByCode("meti").orElseThrow().id().toString();
    UUID candidate = requests.propose(admin, "宇宙 " + unique(), meti);
    requests
        .score(admin, candidate, "interdependency", "3", "")
        .andExpect(status().is3xxRedirection());

    Document page = html(revise("interdependency", "既存分野との相互依存性", "", "", "", "1", "2"));

    assertThat(page.select(".error-summary").text()).contains("最高点は 3 以上にしてください。");
    assertThat(page.select("#maxScore").val()).isEqualTo("2");
    assertThat(
            requests
                .page(admin, "/directory/candidates/criteria")
                .select("#criterion-interdependency .max-score")
                .text())
        .isEqualTo("3");
  }

  @Test
  void aWeightThatIsNotANumberIsRefusedWithTheFieldNamed() throws Exception {
    Document page = html(revise("interdependency", "既存分野との相互依存性", "", "", "", "重い", "3"));

    assertThat(page.select(".error-summary a[href=#weight]").text())
        .isEqualTo("重みは 1 や 0.5 のような数で入力してください。");
  }

  private ResultActions revise(
      String code,
      String nameJa,
      String nameEn,
      String descriptionJa,
      String descriptionEn,
      String weight,
      String maxScore)
      throws Exception {
    return mvc.perform(
        post("/directory/candidates/criteria/{code}", code)
            .with(admin)
            .with(csrf())
            .param("nameJa", nameJa)
            .param("nameEn", nameEn)
            .param("descriptionJa", descriptionJa)
            .param("descriptionEn", descriptionEn)
            .param("weight", weight)
            .param("maxScore", maxScore));
  }

  private long auditEntries() {
    return jdbc.sql(
            "select count(*) from audit_entry where action = 'directory.candidate-criterion.revised'")
        .query(Long.class)
        .single();
  }
}
