package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.directory.CandidateRequests.html;
import static org.mamori.directory.CandidateRequests.today;
import static org.mamori.directory.CandidateRequests.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MamoriTest
class CandidateReviewTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Directory directory;

  private CandidateRequests requests;
  private RequestPostProcessor admin;
  private String meti;

  @BeforeEach
  void signIn() throws Exception {
    requests = new CandidateRequests(mvc);
    admin = SignIn.as(mvc, SignIn.ADMIN);
    meti = directory.organisationByCode("meti").orElseThrow().id().toString();
  }

  @Test
  void anAdministratorAddsACandidateWhichIsListedWithItsStageScoreAndMinistry() throws Exception {
    long before = auditEntries("directory.candidate.proposed");
    String name = "宇宙 " + unique();

    UUID id = requests.propose(admin, name, meti);

    Document page = requests.page(admin, "/directory/candidates/{id}", id);
    assertThat(page.select("h1").text()).isEqualTo(name);
    assertThat(page.select("#stage").text()).isEqualTo("候補");
    assertThat(page.select("#ministry").text()).isEqualTo("経済産業省");
    assertThat(page.select("#history tbody tr")).hasSize(1);
    assertThat(page.select("#history tbody tr").text()).contains(today().toString(), "基盤 管理子");

    Element row =
        requests.page(admin, "/directory/candidates").selectFirst("tr[data-candidate=" + id + "]");
    assertThat(row).isNotNull();
    assertThat(row.text()).contains(name, "候補", "0 / 15 点 (0%)", "経済産業省", today().toString());
    assertThat(auditEntries("directory.candidate.proposed")).isEqualTo(before + 1);
  }

  @Test
  void aCandidateWithoutAJapaneseNameIsRefusedAndWhatWasTypedIsKept() throws Exception {
    Document page =
        html(
            mvc.perform(
                post("/directory/candidates")
                    .with(admin)
                    .with(csrf())
                    .param("nameJa", " ")
                    .param("nameEn", "Space")
                    .param("description", "衛星の運用")
                    .param("ministry", meti)));

    assertThat(page.select(".error-summary a[href=#nameJa]").text())
        .isEqualTo("名称 (日本語) を入力してください。");
    assertThat(page.select("#nameEn").val()).isEqualTo("Space");
    assertThat(page.select("#description").text()).isEqualTo("衛星の運用");
    assertThat(page.select("#ministry option[selected]").val()).isEqualTo(meti);
  }

  @Test
  void scoresAddUpToAWeightedTotalShownAsPointsAndPercent() throws Exception {
    UUID id = requests.propose(admin, "半導体 " + unique(), meti);
    long before = auditEntries("directory.candidate.scored");

    Document form =
        requests.page(admin, "/directory/candidates/{id}/scores/control-system-risk", id);
    assertThat(form.select("h1").text()).contains("制御システムのリスク");
    assertThat(form.select(".lead").text()).isEqualTo("制御が困難な状態において生じ得るリスクの大きさ。");
    assertThat(form.select("input[type=radio][name=score]")).hasSize(4);

    requests
        .score(admin, id, "information-service-value", "3", "全国の利用者に影響する")
        .andExpect(
            redirectedUrl("/directory/candidates/" + id + "#criterion-information-service-value"));
    requests
        .score(admin, id, "control-system-risk", "1", "")
        .andExpect(status().is3xxRedirection());
    requests
        .score(admin, id, "control-system-risk", "2", "製造装置の停止")
        .andExpect(status().is3xxRedirection());

    Document page = requests.page(admin, "/directory/candidates/{id}", id);
    assertThat(page.select("#total").text()).isEqualTo("合計 5 点 / 満点 15 点 (33%)");
    assertThat(page.select("#criterion-information-service-value .score").text())
        .isEqualTo("3 / 3");
    assertThat(page.select("#criterion-information-service-value .rationale").text())
        .isEqualTo("全国の利用者に影響する");
    assertThat(page.select("#criterion-control-system-risk .score").text()).isEqualTo("2 / 3");
    assertThat(page.select("#criterion-interdependency .score").text()).isEqualTo("未評価");
    assertThat(
            requests
                .page(admin, "/directory/candidates")
                .select("tr[data-candidate=" + id + "]")
                .text())
        .contains("5 / 15 点 (33%)");
    assertThat(auditEntries("directory.candidate.scored")).isEqualTo(before + 3);
  }

  @Test
  void aScoreOutsideTheCriterionsScaleOrNoScoreAtAllIsRefused() throws Exception {
    UUID id = requests.propose(admin, "宇宙 " + unique(), meti);

    Document tooHigh = html(requests.score(admin, id, "interdependency", "5", "とても大きい"));
    assertThat(tooHigh.select(".error-summary").text()).contains("点数は 0 から 3 の間で選んでください。");
    assertThat(tooHigh.select("#rationale").text()).isEqualTo("とても大きい");

    Document none =
        html(
            mvc.perform(
                post("/directory/candidates/{id}/scores/interdependency", id)
                    .with(admin)
                    .with(csrf())
                    .param("rationale", "")));
    assertThat(none.select(".error-summary a[href=#score]").text()).isEqualTo("点数を選んでください。");

    assertThat(
            requests
                .page(admin, "/directory/candidates/{id}", id)
                .select("#criterion-interdependency .score")
                .text())
        .isEqualTo("未評価");
  }

  @Test
  void eachStepForwardIsRecordedWithItsDateNoteAndWhoRecordedIt() throws Exception {
    UUID id = requests.propose(admin, "宇宙 " + unique(), meti);
    LocalDate consulted = today().minusMonths(2);
    LocalDate expected = today().minusMonths(1);

    Document form = requests.page(admin, "/directory/candidates/{id}/advance", id);
    assertThat(form.select("h1").text()).isEqualTo("所管省庁に打診したことを記録する");
    assertThat(form.select("#on").val()).isEqualTo(today().toString());
    assertThat(form.select("input[name=to]").val()).isEqualTo("MINISTRY_CONSULTED");

    requests
        .advance(admin, id, "MINISTRY_CONSULTED", consulted, "経済産業省の担当課に説明した")
        .andExpect(redirectedUrl("/directory/candidates/" + id));
    requests
        .advance(admin, id, "PARTICIPATION_EXPECTED", expected, "業界団体が前向き")
        .andExpect(redirectedUrl("/directory/candidates/" + id));

    Document page = requests.page(admin, "/directory/candidates/{id}", id);
    assertThat(page.select("#stage").text()).isEqualTo("参加の見込み");
    assertThat(page.select("#pipeline li[aria-current=step]").text()).contains("参加の見込み");
    assertThat(page.select("#history tbody tr")).hasSize(3);
    assertThat(page.select("#history tbody tr").get(1).text())
        .contains(consulted.toString(), "所管省庁に打診", "基盤 管理子", "経済産業省の担当課に説明した");
    assertThat(page.select("#history tbody tr").get(2).text())
        .contains(expected.toString(), "参加の見込み", "業界団体が前向き");
    assertThat(page.select("#actions").text()).contains("セプターの設立に取りかかったことを記録する");
  }

  @Test
  void aRepeatedOrMisdatedStepIsRefused() throws Exception {
    UUID id = requests.propose(admin, "宇宙 " + unique(), meti);
    LocalDate consulted = today().minusDays(10);
    requests
        .advance(admin, id, "MINISTRY_CONSULTED", consulted, "")
        .andExpect(status().is3xxRedirection());

    Document again = html(requests.advance(admin, id, "MINISTRY_CONSULTED", consulted, "二度目"));
    assertThat(again.select(".error-summary").text()).contains("いまの段階からその段階へは進めません");

    Document earlier =
        html(requests.advance(admin, id, "PARTICIPATION_EXPECTED", consulted.minusDays(1), "前の日"));
    assertThat(earlier.select(".error-summary").text())
        .contains("前の段階の日 (" + consulted + ") 以降にしてください");
    assertThat(earlier.select("#note").text()).isEqualTo("前の日");

    Document future =
        html(requests.advance(admin, id, "PARTICIPATION_EXPECTED", today().plusDays(2), ""));
    assertThat(future.select(".error-summary").text()).contains("今日より後の日は入力できません");

    assertThat(requests.page(admin, "/directory/candidates/{id}", id).select("#history tbody tr"))
        .hasSize(2);
  }

  @Test
  void theMinistryMustBeKnownBeforeItIsConsulted() throws Exception {
    UUID id = requests.propose(admin, "宇宙 " + unique(), "");

    Document refused = html(requests.advance(admin, id, "MINISTRY_CONSULTED", today(), ""));
    assertThat(refused.select(".error-summary").text()).contains("所管省庁を選んでください");

    mvc.perform(
            post("/directory/candidates/{id}/edit", id)
                .with(admin)
                .with(csrf())
                .param("nameJa", "宇宙")
                .param("nameEn", "Space")
                .param("description", "衛星の運用と打ち上げ")
                .param("ministry", meti))
        .andExpect(redirectedUrl("/directory/candidates/" + id));
    requests
        .advance(admin, id, "MINISTRY_CONSULTED", today(), "")
        .andExpect(status().is3xxRedirection());

    Document page = requests.page(admin, "/directory/candidates/{id}", id);
    assertThat(page.select("#ministry").text()).isEqualTo("経済産業省");
    assertThat(page.select(".lead").text()).isEqualTo("衛星の運用と打ち上げ");
  }

  @Test
  void aWithdrawnCandidateKeepsItsReasonAndNoLongerChanges() throws Exception {
    UUID id = requests.propose(admin, "宇宙 " + unique(), meti);
    requests
        .advance(admin, id, "MINISTRY_CONSULTED", today().minusDays(5), "")
        .andExpect(status().is3xxRedirection());
    long before = auditEntries("directory.candidate.withdrawn");

    Document noReason = html(requests.withdraw(admin, id, today(), " "));
    assertThat(noReason.select(".error-summary a[href=#reason]").text())
        .isEqualTo("見送る理由を入力してください。");

    requests
        .withdraw(admin, id, today(), "所管省庁が既存の枠組みで対応すると判断")
        .andExpect(redirectedUrl("/directory/candidates/" + id));

    Document page = requests.page(admin, "/directory/candidates/{id}", id);
    assertThat(page.select("#stage").text()).isEqualTo("見送り");
    assertThat(page.select("#withdrawn").text())
        .contains(today().toString(), "所管省庁が既存の枠組みで対応すると判断");
    assertThat(page.select("#actions")).isEmpty();
    assertThat(page.select("#history tbody tr").last().text()).contains("見送り");
    assertThat(auditEntries("directory.candidate.withdrawn")).isEqualTo(before + 1);

    Document advance = html(requests.advance(admin, id, "PARTICIPATION_EXPECTED", today(), ""));
    assertThat(advance.select(".error-summary").text()).contains("検討は終わっている");
    Document score = html(requests.score(admin, id, "interdependency", "1", ""));
    assertThat(score.select(".error-summary").text()).contains("検討は終わっている");
    mvc.perform(get("/directory/candidates/{id}/withdraw", id).with(admin))
        .andExpect(redirectedUrl("/directory/candidates/" + id));
  }

  @Test
  void designationCreatesTheSectorWithItsMinistryAndLineageAndLinksTheCandidate() throws Exception {
    String code = "cand-" + unique();
    String name = "宇宙 " + code;
    UUID id = readyForDesignation(name);
    LocalDate on = today().plusMonths(3);
    long sectorsBefore = auditEntries("directory.sector.designated");
    long candidatesBefore = auditEntries("directory.candidate.designated");

    Document form = requests.page(admin, "/directory/candidates/{id}/designate", id);
    assertThat(form.select("#nameJa").val()).isEqualTo(name);
    assertThat(form.select("#noteJa").text()).isEqualTo("分野追加の検討を経て指定");

    requests
        .designate(admin, id, code, name, on, "aviation")
        .andExpect(redirectedUrl("/directory/sectors/" + code));

    Document sector =
        requests.page(SignIn.as(mvc, SignIn.ANALYST), "/directory/sectors/{code}", code);
    assertThat(sector.select("h1").text()).isEqualTo(name);
    assertThat(sector.select("#ministries-heading + table").text())
        .contains("経済産業省", on.toString());
    assertThat(sector.select("#lineage-heading + ol").text())
        .contains(on.toString(), "分離して新設", "航空", "分野追加の検討を経て指定");
    assertThat(
            requests
                .page(admin, "/directory/sectors")
                .select("a[href=/directory/sectors/" + code + "]"))
        .hasSize(1);
    assertThat(requests.page(admin, "/directory/sharing-map").select("#edges tbody").text())
        .as("the new sector's operators report to its ministry")
        .contains(name + "分野の事業者すべて");

    Document page = requests.page(admin, "/directory/candidates/{id}", id);
    assertThat(page.select("#stage").text()).isEqualTo("指定");
    assertThat(page.select("#designated-sector").attr("href"))
        .isEqualTo("/directory/sectors/" + code);
    assertThat(page.select("#history tbody tr")).hasSize(5);
    assertThat(page.select("#history tbody tr").last().text()).contains(on.toString(), "指定");
    assertThat(page.select("#actions")).isEmpty();
    assertThat(auditEntries("directory.sector.designated")).isEqualTo(sectorsBefore + 1);
    assertThat(auditEntries("directory.candidate.designated")).isEqualTo(candidatesBefore + 1);
  }

  @Test
  void aDesignationWithATakenSectorCodeChangesNothing() throws Exception {
    UUID id = readyForDesignation("宇宙 " + unique());
    long sectors = jdbc.sql("select count(*) from sector").query(Long.class).single();

    Document page = html(requests.designate(admin, id, "aviation", "航空その2", today(), ""));

    assertThat(page.select(".error-summary a[href=#code]").text())
        .isEqualTo("分野コード「aviation」は既に使われています。");
    assertThat(page.select("#nameJa").val()).isEqualTo("航空その2");
    assertThat(jdbc.sql("select count(*) from sector").query(Long.class).single())
        .isEqualTo(sectors);
    assertThat(requests.page(admin, "/directory/candidates/{id}", id).select("#stage").text())
        .isEqualTo("セプター設立中");
  }

  @Test
  void designationIsOnlyOfferedAfterTheCeptoarStep() throws Exception {
    UUID id = requests.propose(admin, "宇宙 " + unique(), meti);

    mvc.perform(get("/directory/candidates/{id}/designate", id).with(admin))
        .andExpect(redirectedUrl("/directory/candidates/" + id));
    Document refused = html(requests.designate(admin, id, "cand-" + unique(), "宇宙", today(), ""));
    assertThat(refused.select(".error-summary").text()).contains("いまの段階からその段階へは進めません");
  }

  private UUID readyForDesignation(String name) throws Exception {
    UUID id = requests.propose(admin, name, meti);
    requests
        .advance(admin, id, "MINISTRY_CONSULTED", today().minusMonths(6), "打診")
        .andExpect(status().is3xxRedirection());
    requests
        .advance(admin, id, "PARTICIPATION_EXPECTED", today().minusMonths(4), "")
        .andExpect(status().is3xxRedirection());
    requests
        .advance(admin, id, "CEPTOAR_BEING_ESTABLISHED", today().minusMonths(2), "準備会を設置")
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/directory/candidates/{id}/advance", id).with(admin))
        .andExpect(redirectedUrl("/directory/candidates/" + id + "/designate"));
    return id;
  }

  private long auditEntries(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = :action")
        .param("action", action)
        .query(Long.class)
        .single();
  }
}
