package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.shared.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MamoriTest
class SharingMapPagesTest {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired SharingMap sharingMap;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;

  @Test
  void anElectricityOperatorSeesItsReportReachTheMinistryAndCeptoarThenTheHub() throws Exception {
    RequestPostProcessor operator = operatorPerson("electricity");
    Document page = page(operator, "/directory/sharing-map");
    List<String> steps = page.select("#route .route-step").eachText();
    assertThat(steps.get(0)).contains("1 番目", "経済産業省", "電力セプター");
    assertThat(steps.get(1)).contains("2 番目", "国家サイバー統括室");
    assertThat(steps.get(steps.size() - 1)).contains("緊急時", "国家サイバー統括室");
  }

  @Test
  void anAdvisoryFromTheHubReachesMinistriesThenCeptoarsThenTheirMembers() throws Exception {
    OrganisationId hub = directory.nationalHub().id();
    OrganisationId meti = directory.organisationByCode("meti").orElseThrow().id();
    OrganisationId electricCeptoar =
        directory.organisationByCode("ceptoar-electricity").orElseThrow().id();
    List<RouteHop> route = sharingMap.routeFrom(hub, SharingDirection.PROVIDE);
    assertThat(route)
        .anySatisfy(h -> assertThat(h.to()).isEqualTo(meti))
        .anySatisfy(
            h -> {
              assertThat(h.to()).isEqualTo(electricCeptoar);
              assertThat(h.step()).isEqualTo(2);
            });
    assertThat(route.stream().map(RouteHop::to).distinct().count())
        .as("each organisation appears once")
        .isEqualTo(route.size());
  }

  @Test
  void onlyPlatformAdministratorsLookAtOtherOrganisationsRoutesAndEditArrows() throws Exception {
    RequestPostProcessor operator = operatorPerson("gas");
    mvc.perform(get("/directory/sharing-map?organisation=meti").with(operator))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/directory/sharing-map/edges")
                .with(operator)
                .with(csrf())
                .param("direction", "REPORT")
                .param("from", "ALL_OPERATORS")
                .param("to", "ORGANISATION:" + directory.nationalHub().id())
                .param("channel", "MAMORI")
                .param("order", "1")
                .param("_forwardAtOnce", "on")
                .param("_emergency", "on"))
        .andExpect(status().isForbidden());
    assertThat(
            page(SignIn.as(mvc, SignIn.ADMIN), "/directory/sharing-map?organisation=meti")
                .select("#route-heading")
                .text())
        .contains("経済産業省");
  }

  @Test
  void anAdministratorDrawsAnArrowThatChangesTheRouteAndCanEraseIt() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    RequestPostProcessor operator = operatorPerson("chemical");
    UUID chemical =
        jdbc.sql("select id from sector where code = 'chemical'").query(UUID.class).single();
    OrganisationId jpcert = directory.organisationByCode("jpcert").orElseThrow().id();
    mvc.perform(
            post("/directory/sharing-map/edges")
                .with(admin)
                .with(csrf())
                .param("direction", "REPORT")
                .param("from", "SECTOR_OPERATORS:" + chemical)
                .param("to", "ORGANISATION:" + jpcert)
                .param("channel", "EMAIL")
                .param("order", "2")
                .param("noteJa", "技術的な助言のため")
                .param("_forwardAtOnce", "on")
                .param("_emergency", "on"))
        .andExpect(status().is3xxRedirection());
    assertThat(page(operator, "/directory/sharing-map").select("#route").text())
        .contains("JPCERT コーディネーションセンター");

    UUID edge =
        jdbc.sql("select id from sharing_edge where from_ref = :sector and to_ref = :to")
            .param("sector", chemical)
            .param("to", jpcert.value())
            .query(UUID.class)
            .single();
    mvc.perform(post("/directory/sharing-map/edges/" + edge + "/delete").with(admin).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(page(operator, "/directory/sharing-map").select("#route").text())
        .doesNotContain("JPCERT");
    assertThat(
            jdbc.sql("select count(*) from audit_entry where subject_id = :id")
                .param("id", edge.toString())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aReportCannotBeSentToAGroupOfOperators() throws Exception {
    UUID water = jdbc.sql("select id from sector where code = 'water'").query(UUID.class).single();
    String html =
        mvc.perform(
                post("/directory/sharing-map/edges")
                    .with(SignIn.as(mvc, SignIn.ADMIN))
                    .with(csrf())
                    .param("direction", "REPORT")
                    .param("from", "ORGANISATION:" + directory.nationalHub().id())
                    .param("to", "SECTOR_OPERATORS:" + water)
                    .param("channel", "MAMORI")
                    .param("order", "1")
                    .param("_forwardAtOnce", "on")
                    .param("_emergency", "on"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(Jsoup.parse(html).select(".error-summary").text())
        .contains("報告の受け取る側には、特定の組織を選んでください");
  }

  /** A new operator in the sector (member of its CEPTOARs) and a signed-in reporter there. */
  private RequestPostProcessor operatorPerson(String sectorCode) throws Exception {
    String code = "route-" + UUID.randomUUID().toString().substring(0, 8);
    UUID sector =
        jdbc.sql("select id from sector where code = :code")
            .param("code", sectorCode)
            .query(UUID.class)
            .single();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into organisation (id, code, kinds, name_ja, sector_id, created_at, version)
            values (:id, :code, '{OPERATOR}', :name, :sector, now(), 0)
            """)
        .param("id", id)
        .param("code", code)
        .param("name", "経路テスト " + code)
        .param("sector", sector)
        .update();
    jdbc.sql(
            """
            insert into ceptoar_membership (operator_id, ceptoar_id)
            select :id, c.id from organisation c
            where c.sector_id = :sector and 'CEPTOAR' = any (c.kinds)
            """)
        .param("id", id)
        .param("sector", sector)
        .update();
    TestPeople.TestPerson person = people.create(code, "reporter");
    return SignIn.as(mvc, person.email(), TestPeople.PASSWORD);
  }

  private Document page(RequestPostProcessor who, String url) throws Exception {
    return Pages.get(mvc, who, url);
  }
}
