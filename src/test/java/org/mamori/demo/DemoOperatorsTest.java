package org.mamori.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.directory.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The demo data after start: fictitious operators in every sector, and their demo people. */
@MamoriTest
class DemoOperatorsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void aboutThirtyDemoOperatorsCoverAllFifteenSectors() throws IOException {
    List<String> codes = demoOperatorCodes();
    List<String> sectors =
        jdbc.sql(
                """
                select distinct s.code from organisation o join sector s on s.id = o.sector_id
                where 'OPERATOR' = any (o.kinds) and o.code in (:codes)
                """)
            .param("codes", codes)
            .query(String.class)
            .list();
    long present =
        jdbc.sql(
                "select count(*) from organisation where 'OPERATOR' = any (kinds) and code in (:codes)")
            .param("codes", codes)
            .query(Long.class)
            .single();

    assertThat(codes).hasSizeGreaterThanOrEqualTo(28);
    assertThat(present).isEqualTo(codes.size());
    assertThat(sectors).hasSize(15);
  }

  @Test
  void theSmallWaterUtilityIsAnSmeMemberOfTheWaterCeptoarWithItsServices() {
    assertThat(
            jdbc.sql(
                    """
                    select o.name_ja, o.employees, o.size_class, c.code as ceptoar,
                           (select count(*) from operator_service s where s.organisation_id = o.id) as services
                    from organisation o
                    join ceptoar_membership m on m.operator_id = o.id
                    join organisation c on c.id = m.ceptoar_id
                    where o.code = 'minamikawa-water'
                    """)
                .query()
                .singleRow())
        .containsEntry("name_ja", "みなみ川町上下水道課")
        .containsEntry("employees", 12)
        .containsEntry("size_class", null)
        .containsEntry("ceptoar", "ceptoar-water")
        .containsEntry("services", 2L);
  }

  @Test
  void everyKindOfOrganisationHasAnExample() {
    for (OrganisationKind kind : OrganisationKind.values()) {
      assertThat(
              jdbc.sql("select count(*) from organisation where :kind = any (kinds)")
                  .param("kind", kind.name())
                  .query(Long.class)
                  .single())
          .as(kind.name())
          .isPositive();
    }
  }

  @Test
  void someDemoOperatorNamesKeepTheCircledKabushikiSign() {
    assertThat(
            jdbc.sql("select name_ja from organisation where code = 'asahino-power'")
                .query(String.class)
                .single())
        .isEqualTo("あさひ野電力㈱");
  }

  @Test
  void demoOperatorsWithoutACodeWereGivenOneFromTheirEnglishName() {
    assertThat(
            jdbc.sql("select name_ja from organisation where code = 'wakaba-chemical-co-ltd'")
                .query(String.class)
                .single())
        .isEqualTo("若葉ケミカル㈱");
  }

  @Test
  void theWaterUtilitysReporterSignsInActingForIt() throws Exception {
    Document home = home(SignIn.as(mvc, "operator@demo.example"));
    assertThat(home.select(".acting-for strong").text()).isEqualTo("みなみ川町上下水道課");

    Document approver = home(SignIn.as(mvc, "approver@demo.example"));
    assertThat(approver.select(".acting-for strong").text()).isEqualTo("みなみ川町上下水道課");
  }

  @Test
  void theDemoPeopleHoldTheirRolesInTheRightOrganisations() {
    assertThat(rolesOf("operator@demo.example", "minamikawa-water"))
        .containsExactlyInAnyOrder("reporter", "org-admin");
    assertThat(rolesOf("approver@demo.example", "minamikawa-water")).containsExactly("approver");
    assertThat(rolesOf("ceptoar@demo.example", "ceptoar-electricity")).containsExactly("relay");
    assertThat(rolesOf("ceptoar@demo.example", "asahino-power")).containsExactly("reporter");
  }

  @Test
  void theCeptoarLiaisonCanSwitchBetweenTwoOrganisations() throws Exception {
    Document home = home(SignIn.as(mvc, SignIn.CEPTOAR));
    assertThat(home.select("#acting-for-select option").eachText())
        .containsExactlyInAnyOrder("電力セプター", "あさひ野電力㈱");
  }

  /** The codes the demo file gives (two of its operators have none and get one made). */
  private static List<String> demoOperatorCodes() throws IOException {
    try (InputStream in = new ClassPathResource("demo/operators.csv").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .skip(1)
          .map(line -> line.split(",")[0])
          .filter(code -> !code.isBlank())
          .toList();
    }
  }

  private List<String> rolesOf(String email, String organisation) {
    return jdbc.sql(
            """
            select unnest(m.roles) from membership m join person p on p.id = m.person_id
            join organisation o on o.id = m.organisation_id
            where p.email = :email and o.code = :organisation
            """)
        .param("email", email)
        .param("organisation", organisation)
        .query(String.class)
        .list();
  }

  private Document home(org.springframework.test.web.servlet.request.RequestPostProcessor session)
      throws Exception {
    return Jsoup.parse(
        mvc.perform(get("/").with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
