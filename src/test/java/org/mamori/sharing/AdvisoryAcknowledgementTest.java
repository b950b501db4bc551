package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.mamori.shared.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Acknowledgements of receipt (受領確認): on time or late, counted for the issuer, reminded. */
@MamoriTest
@RecordApplicationEvents
class AdvisoryAcknowledgementTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired SharedItems items;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  RequestPostProcessor hubLiaison;
  RequestPostProcessor water;

  @BeforeEach
  void people() throws Exception {
    hubLiaison =
        SignIn.as(mvc, people.create("national-hub", "relay").email(), TestPeople.PASSWORD);
    water = SignIn.as(mvc, "operator@demo.example");
  }

  @Test
  void aRecipientAcknowledgesOnTimeAndTheIssuerSeesWhoHasAndHowManyHaveNot() throws Exception {
    String reference = issue("受領確認のお願い (期限内)");
    int recipients = recipients(reference).size();
    assertThat(
            Pages.get(mvc, water, "/advisories?box=RECEIVED")
                .select("tr:contains(" + reference + ")")
                .text())
        .contains("受領確認が必要です");
    Document before = Pages.get(mvc, water, "/advisories/" + reference);
    assertThat(before.select("#acknowledgement button").text()).isEqualTo("受領を確認する");

    acknowledge(water, reference).andExpect(flash().attribute("done", "acknowledged"));

    Document after = Pages.get(mvc, water, "/advisories/" + reference);
    assertThat(after.select("#acknowledgement").text())
        .contains("水道 報告 (Water utility reporter) さんが受領を確認しました")
        .doesNotContain("期限後");
    assertThat(after.select("#acknowledgement button")).isEmpty();
    assertThat(
            Pages.get(mvc, water, "/advisories?box=RECEIVED")
                .select("tr:contains(" + reference + ")")
                .text())
        .doesNotContain("受領確認が必要です");

    Document issuer = Pages.get(mvc, hubLiaison, "/advisories/" + reference);
    assertThat(issuer.select("#status-counts").text())
        .isEqualTo("1 件確認済み、" + (recipients - 1) + " 件未確認");
    assertThat(issuer.select("#status tr:contains(みなみ川町上下水道課)").text())
        .contains("水道 報告 (Water utility reporter)")
        .doesNotContain("期限後", "未確認");
    assertThat(issuer.select("#status tr:contains(中央広域水道企業団)").text()).contains("未確認");
    assertThat(
            Pages.get(mvc, hubLiaison, "/advisories?box=ISSUED")
                .select("tr:contains(" + reference + ")")
                .text())
        .contains("1 件確認済み、" + (recipients - 1) + " 件未確認");

    UUID id = AdvisoryRequests.id(jdbc, reference);
    assertThat(events.stream(AcknowledgementRecorded.class))
        .anyMatch(
            a ->
                a.advisory().equals(id)
                    && a.organisation().equals(people.organisation("minamikawa-water"))
                    && !a.late());
    assertThat(people.auditEntries("sharing.advisory.acknowledged", id.toString())).isEqualTo(1);
  }

  @Test
  void anAcknowledgementAfterTheDeadlineIsFlaggedLate() throws Exception {
    String reference = issue("受領確認のお願い (期限後)");
    jdbc.sql("update advisory set acknowledge_by = now() - interval '1 hour' where reference = :r")
        .param("r", reference)
        .update();
    acknowledge(water, reference);
    assertThat(Pages.get(mvc, water, "/advisories/" + reference).select("#acknowledgement").text())
        .contains("期限後");
    Document issuer = Pages.get(mvc, hubLiaison, "/advisories/" + reference);
    assertThat(issuer.select("#status tr:contains(みなみ川町上下水道課)").text()).contains("期限後");
    assertThat(issuer.select("#status").text()).contains("うち 1 件は期限後の確認です。");
    assertThat(events.stream(AcknowledgementRecorded.class))
        .anyMatch(a -> a.reference().equals(reference) && a.late());
  }

  @Test
  void anOrganisationAcknowledgesOnceAndOnlyWhereItIsAsked() throws Exception {
    String reference = issue("二度目の受領確認");
    acknowledge(water, reference);
    acknowledge(SignIn.as(mvc, "approver@demo.example"), reference)
        .andExpect(flash().attribute("problem", "advisory.acknowledge.already"));
    assertThat(
            Pages.get(mvc, hubLiaison, "/advisories/" + reference).select("#status-counts").text())
        .startsWith("1 件確認済み");

    RequestPostProcessor power =
        SignIn.as(mvc, people.create("asahino-power", "reporter").email(), TestPeople.PASSWORD);
    acknowledge(power, reference)
        .andExpect(flash().attribute("problem", "advisory.acknowledge.notRecipient"));

    String notAsked =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory("受領確認を求めない情報提供", "GREEN")
                    .param("organisations", "minamikawa-water")
                    .with(hubLiaison)));
    assertThat(Pages.get(mvc, water, "/advisories/" + notAsked).select("#acknowledgement"))
        .isEmpty();
    acknowledge(water, notAsked)
        .andExpect(flash().attribute("problem", "advisory.acknowledge.notAsked"));
    assertThat(Pages.get(mvc, hubLiaison, "/advisories/" + notAsked).select("#status").text())
        .contains("受領確認を求めていません", "みなみ川町上下水道課");
  }

  @Test
  void theIssuerRemindsEveryoneWhoHasNotAcknowledgedYet() throws Exception {
    String reference = issue("催促の確認");
    acknowledge(water, reference);
    Set<OrganisationId> recipients = recipients(reference);

    mvc.perform(post("/advisories/" + reference + "/reminders").with(water).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/advisories/" + reference + "/reminders").with(hubLiaison).with(csrf()))
        .andExpect(flash().attribute("done", "reminded"));

    assertThat(events.stream(AdvisoryReminderSent.class))
        .anySatisfy(
            sent -> {
              assertThat(sent.reference()).isEqualTo(reference);
              assertThat(sent.notYetAcknowledged())
                  .hasSize(recipients.size() - 1)
                  .contains(people.organisation("chuo-water-authority"))
                  .doesNotContain(people.organisation("minamikawa-water"));
            });
    Document issuer = Pages.get(mvc, hubLiaison, "/advisories/" + reference);
    assertThat(issuer.select("#reminders").text()).contains((recipients.size() - 1) + " 組織に催促しました");
    assertThat(issuer.select("#status tr:contains(中央広域水道企業団)").text()).contains("最後の催促");
    assertThat(issuer.select("#status tr:contains(みなみ川町上下水道課)").text()).doesNotContain("最後の催促");
    assertThat(
            people.auditEntries(
                "sharing.advisory.reminded", AdvisoryRequests.id(jdbc, reference).toString()))
        .isEqualTo(1);
  }

  private String issue(String title) throws Exception {
    return AdvisoryRequests.reference(
        mvc.perform(
            AdvisoryRequests.advisory(title, "GREEN")
                .param("sectors", AdvisoryRequests.sector(directory, "water"))
                .param("acknowledgeBy", AdvisoryRequests.inDays(2))
                .with(hubLiaison)));
  }

  private ResultActions acknowledge(RequestPostProcessor who, String reference) throws Exception {
    return mvc.perform(post("/advisories/" + reference + "/acknowledgement").with(who).with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  private Set<OrganisationId> recipients(String reference) {
    return items.reachedOrganisations(
        new SharedItems.ItemRef(SharedItems.Kind.ADVISORY, AdvisoryRequests.id(jdbc, reference)));
  }
}
