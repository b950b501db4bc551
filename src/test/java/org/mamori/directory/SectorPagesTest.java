package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MamoriTest
class SectorPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void anonymousVisitorsAreSentToSignIn() throws Exception {
    mvc.perform(get("/directory/sectors")).andExpect(status().is3xxRedirection());
  }

  @Test
  void membersSeeTheFifteenSectorsWithTheirMinistryInJapanese() throws Exception {
    RequestPostProcessor session = SignIn.as(mvc, SignIn.CEPTOAR);
    Document page = page(session, "/directory/sectors");
    assertThat(page.select("tbody a").eachAttr("href"))
        .contains(
            "/directory/sectors/telecom",
            "/directory/sectors/finance",
            "/directory/sectors/aviation",
            "/directory/sectors/airports",
            "/directory/sectors/railways",
            "/directory/sectors/electricity",
            "/directory/sectors/gas",
            "/directory/sectors/government",
            "/directory/sectors/medical",
            "/directory/sectors/water",
            "/directory/sectors/logistics",
            "/directory/sectors/chemical",
            "/directory/sectors/credit",
            "/directory/sectors/petroleum",
            "/directory/sectors/ports");
    assertThat(page.select("tbody tr:contains(電力)").text()).contains("経済産業省");
    assertThat(page.select("html").attr("lang")).isEqualTo("ja");
  }

  @Test
  void englishIsOneSwitchAway() throws Exception {
    RequestPostProcessor session = SignIn.as(mvc, SignIn.CEPTOAR);
    Document page = page(session, "/directory/sectors?lang=en");
    assertThat(page.select("h1").text()).isEqualTo("Critical-infrastructure sectors");
    assertThat(page.select("tbody").text()).contains("Electric power");
  }

  @Test
  void waterShowsItsMoveFromHealthToLandMinistry() throws Exception {
    Document page = page(SignIn.as(mvc, SignIn.ANALYST), "/directory/sectors/water");
    String ministries = page.select("#ministries-heading + table").text();
    assertThat(ministries).contains("厚生労働省", "2024-03-31", "国土交通省", "2024-04-01");
  }

  @Test
  void airportsRememberTheyWereSplitFromAviation() throws Exception {
    Document page = page(SignIn.as(mvc, SignIn.ANALYST), "/directory/sectors/airports");
    assertThat(page.select("#lineage-heading + ol").text()).contains("分離", "航空", "2018-07-25");
  }

  @Test
  void onlyPlatformAdministratorsEditSectors() throws Exception {
    mvc.perform(
            post("/directory/sectors/gas")
                .with(SignIn.as(mvc, SignIn.MINISTRY))
                .with(csrf())
                .param("nameJa", "いたずら")
                .param("nameEn", "")
                .param("descriptionJa", "")
                .param("descriptionEn", "")
                .param("displayOrder", "7"))
        .andExpect(status().isForbidden());
    assertThat(page(SignIn.as(mvc, SignIn.ANALYST), "/directory/sectors/gas").select("h1").text())
        .isEqualTo("ガス");
  }

  @Test
  void anAdministratorsEditIsSavedAndAudited() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    long before = auditEntries("directory.sector.edited");
    mvc.perform(
            post("/directory/sectors/logistics")
                .with(admin)
                .with(csrf())
                .param("nameJa", "物流")
                .param("nameEn", "Logistics")
                .param("descriptionJa", "貨物の輸送と倉庫")
                .param("descriptionEn", "")
                .param("displayOrder", "11"))
        .andExpect(redirectedUrl("/directory/sectors/logistics"));
    assertThat(page(admin, "/directory/sectors/logistics").select(".lead").text())
        .isEqualTo("貨物の輸送と倉庫");
    assertThat(auditEntries("directory.sector.edited")).isEqualTo(before + 1);
  }

  @Test
  void aBlankNameIsRefusedWithTheFieldNamedAndTheInputKept() throws Exception {
    String html =
        mvc.perform(
                post("/directory/sectors/ports")
                    .with(SignIn.as(mvc, SignIn.ADMIN))
                    .with(csrf())
                    .param("nameJa", " ")
                    .param("nameEn", "Ports and harbours")
                    .param("descriptionJa", "")
                    .param("descriptionEn", "")
                    .param("displayOrder", "15"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Document page = Jsoup.parse(html);
    assertThat(page.select(".error-summary a[href=#nameJa]").text())
        .isEqualTo("分野の名称 (日本語) を入力してください。");
    assertThat(page.select("#nameEn").val()).isEqualTo("Ports and harbours");
  }

  private long auditEntries(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = :action")
        .param("action", action)
        .query(Long.class)
        .single();
  }

  private Document page(RequestPostProcessor who, String url) throws Exception {
    return Pages.get(mvc, who, url);
  }
}
