package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.access.Passwords;
import org.mamori.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MamoriTest
class OrganisationPagesTest {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Passwords passwords;

  @Test
  void anOperatorsAdministratorManagesItsOwnDetailsAndSeesNoOtherOperatorsPrivateDetails()
      throws Exception {
    String own = registerOperator("water", "みどり町水道課");
    String other = registerOperator("water", "あおば市上下水道局");
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    editDetails(admin, other, "あおば市上下水道局", "秘密の窓口", "secret@aoba.example", "12");

    String email = "it-" + own + "@example.jp";
    mvc.perform(
            post("/directory/organisations/" + own + "/people")
                .with(admin)
                .with(csrf())
                .param("email", email)
                .param("displayName", "水道 太郎")
                .param("jobTitle", "情報システム係長")
                .param("roles", "reporter", "org-admin"))
        .andExpect(redirectedUrl("/directory/organisations/" + own + "#people"));
    passwords.set(
        Actor.SYSTEM, directory.personByEmail(email).orElseThrow().id(), "a-long-password-1");
    RequestPostProcessor itPerson = SignIn.as(mvc, email, "a-long-password-1");

    editDetails(itPerson, own, "みどり町水道課", "24時間窓口", "desk@midori.example", "40");
    Document ownPage = page(itPerson, "/directory/organisations/" + own);
    assertThat(ownPage.text()).contains("desk@midori.example", "中小規模", "水道 太郎", "情報システム係長");

    Document otherPage = page(itPerson, "/directory/organisations/" + other);
    assertThat(otherPage.select("h1").text()).contains("あおば市上下水道局");
    assertThat(otherPage.text()).doesNotContain("secret@aoba.example", "秘密の窓口");

    mvc.perform(detailsForm(other, "乗っ取り", "x", "x@example.jp", "1").with(itPerson))
        .andExpect(status().isForbidden());
    mvc.perform(get("/directory/organisations/new").with(itPerson))
        .andExpect(status().isForbidden());
  }

  @Test
  void theResponsibleMinistrySeesItsSectorsOperatorsButNotOthers() throws Exception {
    String power = registerOperator("electricity", "テスト電力");
    String water = registerOperator("water", "テスト水道");
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    editDetails(admin, power, "テスト電力", "給電指令所", "control@power.example", "5000");
    editDetails(admin, water, "テスト水道", "浄水場", "plant@water.example", "20");

    RequestPostProcessor meti = SignIn.as(mvc, SignIn.MINISTRY);
    assertThat(page(meti, "/directory/organisations/" + power).text())
        .contains("control@power.example", "大規模");
    assertThat(page(meti, "/directory/organisations/" + water).text())
        .doesNotContain("plant@water.example");
    assertThat(page(SignIn.as(mvc, SignIn.ANALYST), "/directory/organisations/" + water).text())
        .as("the national hub sees every operator")
        .contains("plant@water.example");
  }

  @Test
  void aRoleTheOrganisationsKindDoesNotAllowIsRefusedInPlainWords() throws Exception {
    String code = registerOperator("gas", "テストガス");
    String html =
        mvc.perform(
                post("/directory/organisations/" + code + "/people")
                    .with(SignIn.as(mvc, SignIn.ADMIN))
                    .with(csrf())
                    .param("email", "x-" + code + "@example.jp")
                    .param("displayName", "ガス 花子")
                    .param("jobTitle", "")
                    .param("roles", "platform-admin"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Document page = Jsoup.parse(html);
    assertThat(page.select(".error-summary").text())
        .contains("役割「platform-admin」は、この種類の組織では使えません。");
    assertThat(page.select("#email").val()).isEqualTo("x-" + code + "@example.jp");
    assertThat(directory.personByEmail("x-" + code + "@example.jp")).isEmpty();
  }

  @Test
  void searchFindsOrganisationsByNameAndSector() throws Exception {
    String code = registerOperator("railways", "ひかり鉄道");
    Document byName = page(SignIn.as(mvc, SignIn.CEPTOAR), "/directory/organisations?q=ひかり鉄道");
    assertThat(byName.select("tbody a").eachText()).contains("ひかり鉄道");
    Document bySector =
        page(
            SignIn.as(mvc, SignIn.CEPTOAR),
            "/directory/organisations?sector=railways&kind=OPERATOR");
    assertThat(bySector.select("tbody a").eachAttr("href"))
        .contains("/directory/organisations/" + code);
    assertThat(bySector.text()).doesNotContain("テスト水道");
  }

  /** Registers an operator through the page, as the platform administrator; returns its code. */
  private String registerOperator(String sectorCode, String name) throws Exception {
    String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
    String sectorId =
        page(SignIn.as(mvc, SignIn.ADMIN), "/directory/organisations/new")
            .select("#sector option:contains(" + sectorName(sectorCode) + ")")
            .val();
    mvc.perform(
            post("/directory/organisations")
                .with(SignIn.as(mvc, SignIn.ADMIN))
                .with(csrf())
                .param("code", code)
                .param("nameJa", name)
                .param("nameEn", "")
                .param("kinds", "OPERATOR")
                .param("sector", sectorId))
        .andExpect(redirectedUrl("/directory/organisations/" + code));
    return code;
  }

  private static String sectorName(String code) {
    return switch (code) {
      case "water" -> "水道";
      case "electricity" -> "電力";
      case "gas" -> "ガス";
      case "railways" -> "鉄道";
      default -> throw new IllegalArgumentException(code);
    };
  }

  private void editDetails(
      RequestPostProcessor who,
      String code,
      String name,
      String desk,
      String email,
      String employees)
      throws Exception {
    mvc.perform(detailsForm(code, name, desk, email, employees).with(who))
        .andExpect(redirectedUrl("/directory/organisations/" + code));
  }

  private static MockHttpServletRequestBuilder detailsForm(
      String code, String name, String desk, String email, String employees) {
    return post("/directory/organisations/" + code + "/edit")
        .with(csrf())
        .param("nameJa", name)
        .param("nameEn", "")
        .param("prefecture", "")
        .param("website", "")
        .param("employees", employees)
        .param("capitalYen", "")
        .param("sizeClass", "")
        .param("contacts[0].label", desk)
        .param("contacts[0].email", email)
        .param("contacts[0].phone", "03-0000-0000");
  }

  private Document page(RequestPostProcessor who, String url) throws Exception {
    return Pages.get(mvc, who, url);
  }
}
