package org.mamori.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Duty officers decide on levels: a call or a proposal takes effect once confirmed, the top level
 * needs a second, different duty officer, a dismissal needs a reason, and every decision is
 * audited.
 */
@MamoriTest
class SituationDecisionsTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  SituationCalls calls;

  @BeforeEach
  void situationCalls() {
    calls = new SituationCalls(mvc, jdbc);
  }

  @Test
  void theTopLevelNeedsASecondDutyOfficerWhoIsNotTheCaller() throws Exception {
    RequestPostProcessor first = dutyOfficer();
    String title = "複数分野の停止 " + UUID.randomUUID();
    call(first, title, "cyber-attack", "power, water and telecom stopped within three hours")
        .andExpect(status().is3xxRedirection());
    UUID proposal = proposalTitled(title);
    assertThat(state(proposal)).isEqualTo("AWAITING_SECOND");
    assertThat(situationTitled(title)).isZero();

    Document refused = Pages.get(mvc, first, "/situations/proposals/{id}", proposal);
    assertThat(refused.select("#proposal-state").text()).contains("2人目の確認待ち");
    String page =
        mvc.perform(
                post("/situations/proposals/{id}/confirm", proposal)
                    .with(first)
                    .with(csrf())
                    .param("reason", "同じ人がもう一度"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("2人目の確認は、提案した人や1人目の確認者とは別の当番責任者が行ってください。");
    assertThat(state(proposal)).isEqualTo("AWAITING_SECOND");

    String location =
        mvc.perform(
                post("/situations/proposals/{id}/confirm", proposal)
                    .with(dutyOfficer())
                    .with(csrf())
                    .param("reason", "各分野の報告を確認した"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(state(proposal)).isEqualTo("CONFIRMED");
    UUID situation = UUID.fromString(location.substring("/situations/".length()));

    Document room = Pages.get(mvc, first, "/situations/{id}", situation);
    assertThat(room.select("#situation-level").text()).isEqualTo("大規模サイバー攻撃事態");
    assertThat(room.select("#situation-sectors").text()).contains("電力", "水道");
    assertThat(room.select("#timeline").text())
        .contains("事態を開始: 大規模サイバー攻撃事態", "2人目の確認", "power, water and telecom");
    assertThat(people.auditEntries("situation.proposal.called", proposal.toString())).isEqualTo(1);
    assertThat(people.auditEntries("situation.proposal.firstConfirmed", proposal.toString()))
        .isEqualTo(1);
    assertThat(people.auditEntries("situation.proposal.confirmed", proposal.toString()))
        .isEqualTo(1);
    assertThat(people.auditEntries("situation.opened", situation.toString())).isEqualTo(1);

    mvc.perform(
            post("/situations/{id}/close", situation).with(first).with(csrf()).param("reason", " "))
        .andExpect(status().isOk());
    mvc.perform(
            post("/situations/{id}/close", situation)
                .with(first)
                .with(csrf())
                .param("reason", "全分野で復旧した"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            Pages.get(mvc, first, "/situations/{id}", situation).select("#situation-closed").text())
        .contains("全分野で復旧した");
    assertThat(people.auditEntries("situation.closed", situation.toString())).isEqualTo(1);
  }

  @Test
  void aLevelBelowTheTopTakesEffectOnTheCallersWordAndCanBeRaisedLater() throws Exception {
    RequestPostProcessor officer = dutyOfficer();
    String title = "通信障害 " + UUID.randomUUID();
    call(officer, title, "ci-outage", "通信事業者から大規模な停止の報告").andExpect(status().is3xxRedirection());
    UUID proposal = proposalTitled(title);
    assertThat(state(proposal)).isEqualTo("CONFIRMED");
    UUID situation =
        jdbc.sql("select id from situation where title = :title")
            .param("title", title)
            .query(UUID.class)
            .single();

    mvc.perform(
            post("/situations/{id}/level", situation)
                .with(officer)
                .with(csrf())
                .param("level", "ci-outage")
                .param("reason", "同じ段階"))
        .andExpect(status().isOk());
    mvc.perform(
            post("/situations/{id}/level", situation)
                .with(officer)
                .with(csrf())
                .param("level", "normal")
                .param("reason", "影響は収まった"))
        .andExpect(status().is3xxRedirection());
    Document room = Pages.get(mvc, officer, "/situations/{id}", situation);
    assertThat(room.select("#situation-level").text()).isEqualTo("通常時");
    assertThat(room.select("#timeline").text())
        .contains("段階の変更: 大規模重要インフラサービス障害対応時 → 通常時", "影響は収まった");
    assertThat(people.auditEntries("situation.level.changed", situation.toString())).isEqualTo(1);
  }

  @Test
  void aDismissalNeedsAReasonAndChangesNothing() throws Exception {
    RequestPostProcessor officer = dutyOfficer();
    String title = "見送り " + UUID.randomUUID();
    call(officer, title, "cyber-attack", "念のため").andExpect(status().is3xxRedirection());
    UUID proposal = proposalTitled(title);

    String page =
        mvc.perform(
                post("/situations/proposals/{id}/dismiss", proposal)
                    .with(dutyOfficer())
                    .with(csrf())
                    .param("reason", ""))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("理由を書いてください。");
    mvc.perform(
            post("/situations/proposals/{id}/dismiss", proposal)
                .with(dutyOfficer())
                .with(csrf())
                .param("reason", "一つの分野に限られていた"))
        .andExpect(status().is3xxRedirection());
    assertThat(state(proposal)).isEqualTo("DISMISSED");
    assertThat(situationTitled(title)).isZero();
    assertThat(people.auditEntries("situation.proposal.dismissed", proposal.toString()))
        .isEqualTo(1);
  }

  @Test
  void onlyTheHubSeesSituationsAndOnlyItsDutyOfficersDecide() throws Exception {
    mvc.perform(get("/situations").with(SignIn.as(mvc, SignIn.MINISTRY)))
        .andExpect(status().isForbidden());
    RequestPostProcessor analyst = SignIn.as(mvc, SignIn.ANALYST);
    Document list = Pages.get(mvc, analyst, "/situations");
    assertThat(list.select("#call-link")).isEmpty();
    mvc.perform(get("/situations/call").with(analyst)).andExpect(status().isForbidden());
    mvc.perform(
            post("/situations/call")
                .with(analyst)
                .with(csrf())
                .param("title", "x")
                .param("level", "ci-outage")
                .param("national", "true")
                .param("reason", "x"))
        .andExpect(status().isForbidden());
    assertThat(
            Pages.get(mvc, SignIn.as(mvc, SignIn.DUTY_OFFICER), "/situations").select("#call-link"))
        .isNotEmpty();
  }

  @Test
  void aCallWithoutScopeIsRefusedWithAPlainMessage() throws Exception {
    String page =
        mvc.perform(
                post("/situations/call")
                    .with(dutyOfficer())
                    .with(csrf())
                    .param("title", "範囲なし")
                    .param("level", "ci-outage")
                    .param("reason", "理由"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("対象の分野を1つ以上選ぶか、全国を選んでください。");
  }

  @Test
  void platformAdministratorsEditLevels() throws Exception {
    Integer interval =
        jdbc.sql("select follow_up_minutes from situation_level where code = 'ci-outage'")
            .query(Integer.class)
            .single();
    try {
      editLevels();
    } finally {
      // the level is shared with every other test in this context: put its interval back
      jdbc.sql("update situation_level set follow_up_minutes = :m where code = 'ci-outage'")
          .param("m", interval)
          .update();
    }
  }

  private void editLevels() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    Pages.get(mvc, admin, "/situations/levels");
    mvc.perform(
            post("/situations/levels/ci-outage")
                .with(admin)
                .with(csrf())
                .param("nameJa", "大規模重要インフラサービス障害対応時")
                .param("nameEn", "Large-scale CI service outage")
                .param("followUpMinutes", "120")
                .param("joiningKinds", "DISASTER_MINISTRY"))
        .andExpect(status().is3xxRedirection());
    String unknown =
        mvc.perform(
                post("/situations/levels/ci-outage")
                    .with(admin)
                    .with(csrf())
                    .param("nameJa", "大規模重要インフラサービス障害対応時")
                    .param("joiningKinds", "DISASTER_MINISTRY")
                    .param("joiningOrganisations", UUID.randomUUID().toString()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(unknown).contains("名前で選べる組織は一覧にあるものだけです。");
    assertThat(
            jdbc.sql("select joining_kinds from situation_level where code = 'ci-outage'")
                .query((rs, i) -> List.of((String[]) rs.getArray(1).getArray()))
                .single())
        .containsExactly("DISASTER_MINISTRY");
    assertThat(
            jdbc.sql("select follow_up_minutes from situation_level where code = 'ci-outage'")
                .query(Integer.class)
                .single())
        .isEqualTo(120);
    assertThat(people.auditEntries("situation.level.edited", "ci-outage")).isPositive();
    mvc.perform(
            post("/situations/levels/ci-outage")
                .with(admin)
                .with(csrf())
                .param("nameJa", "")
                .param("followUpMinutes", "0"))
        .andExpect(status().isOk());
    mvc.perform(get("/situations/levels").with(SignIn.as(mvc, SignIn.DUTY_OFFICER)))
        .andExpect(status().isForbidden());
  }

  private org.springframework.test.web.servlet.ResultActions call(
      RequestPostProcessor who, String title, String level, String reason) throws Exception {
    return mvc.perform(
        post("/situations/call")
            .with(who)
            .with(csrf())
            .param("title", title)
            .param("level", level)
            .param(
                "sectors", calls.sector("electricity").toString(), calls.sector("water").toString())
            .param("reason", reason));
  }

  private RequestPostProcessor dutyOfficer() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "duty-officer");
    return SignIn.as(mvc, person.email(), TestPeople.PASSWORD);
  }

  private UUID proposalTitled(String title) {
    return jdbc.sql("select id from situation_proposal where title = :title")
        .param("title", title)
        .query(UUID.class)
        .single();
  }

  private String state(UUID proposal) {
    return jdbc.sql("select state from situation_proposal where id = :id")
        .param("id", proposal)
        .query(String.class)
        .single();
  }

  private long situationTitled(String title) {
    return jdbc.sql("select count(*) from situation where title = :title")
        .param("title", title)
        .query(Long.class)
        .single();
  }
}
