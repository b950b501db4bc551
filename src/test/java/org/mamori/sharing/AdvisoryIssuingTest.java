package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issuing advisories: who may, to whom they resolve, and a form that keeps what was typed. */
@MamoriTest
@RecordApplicationEvents
class AdvisoryIssuingTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired SharedItems items;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  RequestPostProcessor hubLiaison;

  @BeforeEach
  void people() throws Exception {
    hubLiaison =
        SignIn.as(mvc, people.create("national-hub", "relay").email(), TestPeople.PASSWORD);
  }

  @Test
  void aHubAdvisoryToASectorReachesItsOperatorsAndTheNamedOrganisations() throws Exception {
    String reference =
        issue(
            hubLiaison,
            AdvisoryRequests.advisory("水道分野への注意喚起", "AMBER")
                .param("sectors", AdvisoryRequests.sector(directory, "water"))
                .param("organisations", "asahino-power")
                .param("acknowledgeBy", AdvisoryRequests.inDays(3)));
    assertThat(reference).matches("A\\d{4}-\\d{5}");

    UUID id = AdvisoryRequests.id(jdbc, reference);
    assertThat(reached(id))
        .contains(
            people.organisation("minamikawa-water"),
            people.organisation("chuo-water-authority"),
            people.organisation("asahino-power"))
        .doesNotContain(
            people.organisation("aoigahama-energy"), people.organisation("national-hub"));
    assertThat(events.stream(AdvisoryIssued.class))
        .anySatisfy(
            issued -> {
              assertThat(issued.reference()).isEqualTo(reference);
              assertThat(issued.issuer()).isEqualTo(people.organisation("national-hub"));
              assertThat(issued.acknowledgeBy()).isNotNull();
            });
    assertThat(events.stream(AdvisoryRelayed.class))
        .anyMatch(
            relayed ->
                relayed.reference().equals(reference)
                    && relayed.to().equals(people.organisation("minamikawa-water"))
                    && relayed.from().equals(people.organisation("national-hub")));
    assertThat(people.auditEntries("sharing.advisory.issued", id.toString())).isEqualTo(1);

    Document page = Pages.get(mvc, hubLiaison, "/advisories/" + reference);
    assertThat(page.select("h1").text()).isEqualTo("水道分野への注意喚起");
    assertThat(page.select("#audience").text()).contains("水道", "あさひ野電力㈱");
    assertThat(page.select("#status tr:contains(みなみ川町上下水道課)").text()).contains("宛先", "未確認");
  }

  @Test
  void kindsAndOrganisationsNamedInEitherLanguageAreResolvedWithoutTheIssuer() throws Exception {
    String reference =
        issue(
            SignIn.as(mvc, SignIn.MINISTRY),
            AdvisoryRequests.advisory("制御システムの設定確認のお願い", "GREEN")
                .param("kinds", "SECURITY_AGENCY")
                .param("organisations", "みなみ川町上下水道課\nMinistry of Economy, Trade and Industry"));
    assertThat(reached(AdvisoryRequests.id(jdbc, reference)))
        .contains(
            people.organisation("jpcert"),
            people.organisation("ipa"),
            people.organisation("minamikawa-water"),
            people.organisation("ceptoar-electricity"))
        .doesNotContain(people.organisation("meti"), people.organisation("national-hub"));
  }

  @Test
  void aMissingTitleIsNamedAndEverythingTypedIsKept() throws Exception {
    Document form =
        refused(
            AdvisoryRequests.advisory("", "書きかけの本文", "GREEN")
                .param("organisations", "minamikawa-water")
                .param("sectors", AdvisoryRequests.sector(directory, "gas")));
    assertThat(form.select(".error-summary a[href=#title]").text()).isEqualTo("件名を入力してください。");
    assertThat(form.select("#body").text()).isEqualTo("書きかけの本文");
    assertThat(form.select("#organisations").text()).isEqualTo("minamikawa-water");
    assertThat(form.select("input[name=sectors][checked]").val())
        .isEqualTo(AdvisoryRequests.sector(directory, "gas"));
    assertThat(form.select("input[name=tlp][checked]").val()).isEqualTo("GREEN");
  }

  @Test
  void anAdvisoryForNobodyAnUnknownOrganisationOrAPastDeadlineIsRefusedWithTheReason()
      throws Exception {
    assertThat(
            refused(AdvisoryRequests.advisory("宛先なし", "GREEN"))
                .select(".error-summary a[href=#everyone]")
                .text())
        .isEqualTo("だれに送るかを選んでください。");
    assertThat(
            refused(
                    AdvisoryRequests.advisory("宛先の誤り", "GREEN")
                        .param("organisations", "minamikawa-water\nno-such-utility"))
                .select(".error-summary a[href=#organisations]")
                .text())
        .contains("no-such-utility")
        .doesNotContain("minamikawa-water");
    assertThat(
            refused(
                    AdvisoryRequests.advisory("期限切れ", "GREEN")
                        .param("everyone", "true")
                        .param("acknowledgeBy", AdvisoryRequests.inDays(-1)))
                .select(".error-summary a[href=#acknowledgeBy]")
                .text())
        .isEqualTo("受領確認の期限には、これから先の日時を入力してください。");
  }

  @Test
  void operatorsAndPeopleWithoutRelayCannotIssue() throws Exception {
    RequestPostProcessor operator = SignIn.as(mvc, "operator@demo.example");
    mvc.perform(get("/advisories/new").with(operator)).andExpect(status().isForbidden());
    mvc.perform(
            AdvisoryRequests.advisory("事業者からの発出", "GREEN").param("everyone", "true").with(operator))
        .andExpect(status().isForbidden());
    assertThat(Pages.get(mvc, operator, "/advisories").select("a[href=/advisories/new]")).isEmpty();

    mvc.perform(get("/advisories/new").with(SignIn.as(mvc, SignIn.ANALYST)))
        .andExpect(status().isForbidden());
    RequestPostProcessor police =
        SignIn.as(mvc, people.create("npa", "relay").email(), TestPeople.PASSWORD);
    mvc.perform(get("/advisories/new").with(police)).andExpect(status().isForbidden());
    assertThat(Pages.get(mvc, hubLiaison, "/advisories").select("a[href=/advisories/new]"))
        .isNotEmpty();
  }

  private String issue(RequestPostProcessor who, MockHttpServletRequestBuilder request)
      throws Exception {
    return AdvisoryRequests.reference(mvc.perform(request.with(who)));
  }

  private Document refused(MockHttpServletRequestBuilder request) throws Exception {
    return Jsoup.parse(
        mvc.perform(request.with(hubLiaison))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private java.util.Set<org.mamori.shared.OrganisationId> reached(UUID advisory) {
    return items.reachedOrganisations(new SharedItems.ItemRef(SharedItems.Kind.ADVISORY, advisory));
  }
}
