package org.mamori.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Per-level duties are data: an administrator sets, for 大規模重要インフラサービス障害対応時, that SITREPs ask nobody
 * to acknowledge and are marked at least TLP:AMBER+STRICT. The situation room shows it, the SITREP
 * form offers only what the level allows, a looser marking is refused with the reason, and the
 * advisory issued carries the floor and no deadline. The level is put back afterwards.
 */
@MamoriTest
class SituationDutiesTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  SituationCalls calls;

  @BeforeEach
  void situationCalls() {
    calls = new SituationCalls(mvc, jdbc);
  }

  @Test
  void aLevelsDutiesShapeTheSitrepsIssuedAtIt() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    Map<String, Object> before =
        jdbc.sql(
                """
                select name_ja, name_en, follow_up_minutes, two_person,
                       array_to_string(joining_kinds, ',') as kinds,
                       array_to_string(joining_organisations, ',') as organisations,
                       acknowledgement, minimum_tlp
                from situation_level where code = 'ci-outage'
                """)
            .query()
            .singleRow();
    try {
      String refused =
          mvc.perform(level(before, "NOBODY", "RED").with(admin))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(refused).contains("入力内容を確認してください");
      assertThat(duty("minimum_tlp")).isEqualTo(before.get("minimum_tlp"));

      mvc.perform(level(before, "NOBODY", "AMBER_STRICT").with(admin))
          .andExpect(status().is3xxRedirection());
      assertThat(duty("acknowledgement")).isEqualTo("NOBODY");
      assertThat(duty("minimum_tlp")).isEqualTo("AMBER_STRICT");
      assertThat(people.auditEntries("situation.level.edited", "ci-outage")).isPositive();

      RequestPostProcessor officer =
          SignIn.as(
              mvc, people.create("national-hub", "duty-officer").email(), TestPeople.PASSWORD);
      String title = "鉄道の運行管理停止 " + UUID.randomUUID();
      UUID situation = calls.open(officer, title, "ci-outage", "複数の鉄道事業者で運行管理が停止", "railways");
      try {
        Document room = Pages.get(mvc, officer, "/situations/{id}", situation);
        assertThat(room.select("#situation-duties").text())
            .contains("受領確認を求めません", "TLP:AMBER+STRICT");

        mvc.perform(post("/situations/{id}/sitreps", situation).with(officer).with(csrf()))
            .andExpect(status().is3xxRedirection());
        Document draft = Pages.get(mvc, officer, "/situations/{id}/sitreps/1", situation);
        assertThat(draft.select("input[name=tlp]").eachAttr("value"))
            .containsExactly("AMBER_STRICT");
        assertThat(draft.select("input[name=tlp][checked]").attr("value"))
            .isEqualTo("AMBER_STRICT");
        assertThat(draft.select("#acknowledgeBy")).isEmpty();
        assertThat(draft.select("#sitrep-no-acknowledgement").text()).contains("受領確認を求めません");

        String body = "第1報です。鉄道の運行管理が止まっています。";
        String tooLoose =
            mvc.perform(sitrep(situation, body, "AMBER", "issue").with(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tooLoose).contains("共有の範囲を TLP:AMBER+STRICT かそれより厳しくしてください", body);

        mvc.perform(sitrep(situation, body, "AMBER_STRICT", "issue").with(officer))
            .andExpect(status().is3xxRedirection());
        Map<String, Object> advisory =
            jdbc.sql(
                    """
                    select a.tlp, a.acknowledge_by from advisory a
                    join situation_sitrep s on s.advisory_id = a.id
                    where s.situation_id = :situation and s.number = 1
                    """)
                .param("situation", situation)
                .query()
                .singleRow();
        assertThat(advisory.get("tlp")).isEqualTo("AMBER_STRICT");
        assertThat(advisory.get("acknowledge_by")).isNull();
      } finally {
        mvc.perform(
                post("/situations/{id}/close", situation)
                    .with(officer)
                    .with(csrf())
                    .param("reason", "運行再開"))
            .andExpect(status().is3xxRedirection());
      }
    } finally {
      mvc.perform(
              level(
                      before,
                      (String) before.get("acknowledgement"),
                      (String) before.get("minimum_tlp"))
                  .with(admin))
          .andExpect(status().is3xxRedirection());
    }
  }

  private MockHttpServletRequestBuilder level(
      Map<String, Object> current, String acknowledgement, String minimumTlp) {
    MockHttpServletRequestBuilder request =
        post("/situations/levels/ci-outage")
            .with(csrf())
            .param("nameJa", (String) current.get("name_ja"))
            .param("nameEn", (String) current.get("name_en"))
            .param(
                "followUpMinutes",
                current.get("follow_up_minutes") == null
                    ? ""
                    : current.get("follow_up_minutes").toString())
            .param("acknowledgement", acknowledgement)
            .param("minimumTlp", minimumTlp);
    if (Boolean.TRUE.equals(current.get("two_person"))) {
      request.param("twoPerson", "true");
    }
    for (String kind : split(current.get("kinds"))) {
      request.param("joiningKinds", kind);
    }
    for (String organisation : split(current.get("organisations"))) {
      request.param("joiningOrganisations", organisation);
    }
    return request;
  }

  private static List<String> split(Object joined) {
    String text = joined == null ? "" : joined.toString();
    return text.isEmpty() ? List.of() : List.of(text.split(","));
  }

  private MockHttpServletRequestBuilder sitrep(
      UUID situation, String body, String tlp, String action) {
    return post("/situations/{id}/sitreps/1", situation)
        .with(csrf())
        .param("body", body)
        .param("tlp", tlp)
        .param("action", action);
  }

  private String duty(String column) {
    return jdbc.sql("select " + column + " from situation_level where code = 'ci-outage'")
        .query(String.class)
        .single();
  }
}
