package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.directory.Directory;
import org.mamori.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every read path of advisories asks the one TLP decision: pages, lists, the API, notices. */
@MamoriTest
class AdvisoryTlpTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired SharedItems items;
  @Autowired JdbcClient jdbc;

  RequestPostProcessor hubLiaison;
  TestPeople.TestPerson powerReporter;
  RequestPostProcessor power;
  RequestPostProcessor water;

  @BeforeEach
  void people() throws Exception {
    hubLiaison =
        SignIn.as(mvc, people.create("national-hub", "relay").email(), TestPeople.PASSWORD);
    powerReporter = people.create("asahino-power", "reporter");
    power = SignIn.as(mvc, powerReporter.email(), TestPeople.PASSWORD);
    water = SignIn.as(mvc, "operator@demo.example");
  }

  @Test
  void anotherSectorCannotReadAnAmberAdvisoryOnAnyReadPath() throws Exception {
    String reference = toWater("水道分野限定の注意喚起", "AMBER");

    mvc.perform(get("/advisories/" + reference).with(power)).andExpect(status().isForbidden());
    for (String box : new String[] {"RECEIVED", "ISSUED", "ALL"}) {
      assertThat(Pages.get(mvc, power, "/advisories?box=" + box).text()).doesNotContain(reference);
    }
    String token =
        Tokens.create(mvc, power, people.organisation("asahino-power").toString(), "READ");
    mvc.perform(get("/api/advisories/" + reference).header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    assertThat(
            mvc.perform(get("/api/advisories?box=ALL").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain(reference);
    SharedItems.ItemRef item = item(reference);
    assertThat(
            items.noticeFor(
                item, new Actor(powerReporter.id(), people.organisation("asahino-power"))))
        .isEmpty();

    assertThat(Pages.get(mvc, water, "/advisories?box=RECEIVED").text()).contains(reference);
    assertThat(
            items.noticeFor(
                item,
                new Actor(
                    directory.personByEmail("operator@demo.example").orElseThrow().id(),
                    people.organisation("minamikawa-water"))))
        .hasValueSatisfying(
            notice -> {
              assertThat(notice.title()).isEqualTo("水道分野限定の注意喚起");
              assertThat(notice.path()).isEqualTo("/advisories/" + reference);
            });
  }

  @Test
  void aRedAdvisoryIsReadOnlyByTheNamedPeople() throws Exception {
    String reference =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory("指名した担当者だけへの連絡", "RED")
                    .param("organisations", "minamikawa-water")
                    .param("redRecipients", "operator@demo.example")
                    .with(hubLiaison)));
    assertThat(Pages.get(mvc, water, "/advisories/" + reference).select("h1").text())
        .isEqualTo("指名した担当者だけへの連絡");
    assertThat(Pages.get(mvc, hubLiaison, "/advisories/" + reference).select("h1").text())
        .isEqualTo("指名した担当者だけへの連絡");
    RequestPostProcessor approver = SignIn.as(mvc, "approver@demo.example");
    mvc.perform(get("/advisories/" + reference).with(approver)).andExpect(status().isForbidden());
    assertThat(Pages.get(mvc, approver, "/advisories?box=RECEIVED").text())
        .doesNotContain(reference);
    mvc.perform(get("/advisories/" + reference).with(SignIn.as(mvc, SignIn.DUTY_OFFICER)))
        .andExpect(status().isForbidden());
  }

  @Test
  void aGreenAdvisoryIsReadableByEveryMemberButReceivedOnlyByItsRecipients() throws Exception {
    String reference = toWater("水道分野向けの一般的な注意喚起", "GREEN");
    Document page = Pages.get(mvc, power, "/advisories/" + reference);
    assertThat(page.select("h1").text()).isEqualTo("水道分野向けの一般的な注意喚起");
    assertThat(page.select("#audience, #timeline, #status, #acknowledgement")).isEmpty();
    assertThat(Pages.get(mvc, power, "/advisories?box=RECEIVED").text()).doesNotContain(reference);
    assertThat(Pages.get(mvc, power, "/advisories?box=ALL").text()).contains(reference);
    assertThat(Pages.get(mvc, water, "/advisories?box=RECEIVED").text()).contains(reference);
  }

  @Test
  void aRecipientLearnsHowTheAdvisoryCameToItButNotWhoElseReceivedIt() throws Exception {
    String reference =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory("二つの事業者への個別の連絡", "AMBER")
                    .param("organisations", "minamikawa-water\nchuo-water-authority")
                    .with(hubLiaison)));
    Document page = Pages.get(mvc, water, "/advisories/" + reference);
    assertThat(page.select("#audience").text()).contains("みなみ川町上下水道課");
    assertThat(page.select("#timeline").text()).contains("みなみ川町上下水道課 に届きました (国家サイバー統括室 から)");
    assertThat(page.select("#audience, #timeline").text()).doesNotContain("中央広域水道企業団", "国土交通省");
    assertThat(Pages.get(mvc, hubLiaison, "/advisories/" + reference).select("#audience").text())
        .contains("みなみ川町上下水道課", "中央広域水道企業団");
  }

  @Test
  void aRecipientMayNarrowTheSharingButOnlyTheIssuerMayWidenIt() throws Exception {
    String reference = toWater("水道分野向けの注意喚起 (範囲変更)", "GREEN");
    assertThat(Pages.get(mvc, power, "/advisories/" + reference).select("h1").text())
        .isEqualTo("水道分野向けの注意喚起 (範囲変更)");

    Document atWater = Pages.get(mvc, water, "/advisories/" + reference);
    assertThat(atWater.select("#marking option").eachAttr("value"))
        .containsExactly("AMBER", "AMBER_STRICT", "RED");
    mark(reference, water, "AMBER");
    assertThat(Pages.get(mvc, water, "/advisories/" + reference).select(".tlp").first().text())
        .isEqualTo("TLP:AMBER");
    mvc.perform(get("/advisories/" + reference).with(power)).andExpect(status().isForbidden());

    mark(reference, water, "GREEN");
    assertThat(Pages.get(mvc, water, "/advisories/" + reference).select(".tlp").first().text())
        .isEqualTo("TLP:AMBER");

    assertThat(
            Pages.get(mvc, hubLiaison, "/advisories/" + reference)
                .select("#marking option")
                .eachAttr("value"))
        .contains("CLEAR", "GREEN");
    mark(reference, hubLiaison, "GREEN");
    assertThat(Pages.get(mvc, power, "/advisories/" + reference).select(".tlp").first().text())
        .isEqualTo("TLP:GREEN");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'sharing.advisory.marked'"
                        + " and summary like :reference")
                .param("reference", reference + "%")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  private void mark(String reference, RequestPostProcessor who, String tlp) throws Exception {
    mvc.perform(
            post("/advisories/" + reference + "/marking").with(who).with(csrf()).param("tlp", tlp))
        .andExpect(status().is3xxRedirection());
  }

  private String toWater(String title, String tlp) throws Exception {
    return AdvisoryRequests.reference(
        mvc.perform(
            AdvisoryRequests.advisory(title, tlp)
                .param("sectors", AdvisoryRequests.sector(directory, "water"))
                .param("acknowledgeBy", AdvisoryRequests.inDays(2))
                .with(hubLiaison)));
  }

  private SharedItems.ItemRef item(String reference) {
    return new SharedItems.ItemRef(SharedItems.Kind.ADVISORY, AdvisoryRequests.id(jdbc, reference));
  }
}
