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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Advisories travel down the sharing map: at once where the map says so, else by a liaison. */
@MamoriTest
@RecordApplicationEvents
class AdvisoryRelayTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
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
  void ministriesPassItOnAtOnceAndACeptoarLiaisonRelaysItToTheMembers() throws Exception {
    String reference =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory("浄水場の遠隔監視への不正アクセスに注意", "AMBER")
                    .param("organisations", "minamikawa-water")
                    .with(hubLiaison)));

    Document issued = Pages.get(mvc, hubLiaison, "/advisories/" + reference);
    assertThat(issued.select("#timeline").text())
        .contains(
            "国土交通省 に届きました (国家サイバー統括室 から)",
            "国土交通省 から自動で次の組織へ伝達されました",
            "水道セプター に届きました (国土交通省 から)",
            "経済産業省 に届きました (国家サイバー統括室 から)",
            "電力セプター に届きました (経済産業省 から)",
            "みなみ川町上下水道課 に届きました (国家サイバー統括室 から) 宛先")
        .doesNotContain("中央広域水道企業団", "水道セプター から自動で");
    assertThat(events.stream(AdvisoryRelayed.class))
        .anyMatch(
            relayed ->
                relayed.reference().equals(reference)
                    && relayed.from().equals(people.organisation("mlit"))
                    && relayed.to().equals(people.organisation("ceptoar-water")));

    TestPeople.TestPerson liaison = people.create("ceptoar-water", "relay");
    RequestPostProcessor ceptoar = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);
    assertThat(Pages.get(mvc, ceptoar, "/advisories/" + reference).select("#relay li").eachText())
        .contains("中央広域水道企業団")
        .doesNotContain("みなみ川町上下水道課");
    mvc.perform(post("/advisories/" + reference + "/relay").with(ceptoar).with(csrf()))
        .andExpect(status().is3xxRedirection());

    Document relayed = Pages.get(mvc, ceptoar, "/advisories/" + reference);
    assertThat(relayed.select("#relay")).isEmpty();
    assertThat(relayed.select("#timeline").text())
        .contains("水道セプター の " + liaison.name() + " さんが次の組織へ伝達しました", "中央広域水道企業団 に届きました (水道セプター から)");
    assertThat(
            items.reachedOrganisations(
                new SharedItems.ItemRef(
                    SharedItems.Kind.ADVISORY, AdvisoryRequests.id(jdbc, reference))))
        .contains(people.organisation("chuo-water-authority"));
    RequestPostProcessor chuo =
        SignIn.as(
            mvc, people.create("chuo-water-authority", "reporter").email(), TestPeople.PASSWORD);
    assertThat(Pages.get(mvc, chuo, "/advisories/" + reference).select("h1").text())
        .isEqualTo("浄水場の遠隔監視への不正アクセスに注意");
    assertThat(
            people.auditEntries(
                "sharing.advisory.relayed", AdvisoryRequests.id(jdbc, reference).toString()))
        .isEqualTo(1);
  }

  @Test
  void anOrganisationThatHasNotReceivedItCannotRelayIt() throws Exception {
    String reference =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory("届いていない組織からの伝達", "GREEN")
                    .param("organisations", "minamikawa-water")
                    .with(hubLiaison)));
    RequestPostProcessor police =
        SignIn.as(mvc, people.create("npa", "relay").email(), TestPeople.PASSWORD);
    assertThat(Pages.get(mvc, police, "/advisories/" + reference).select("#relay")).isEmpty();
    mvc.perform(post("/advisories/" + reference + "/relay").with(police).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            items.reachedOrganisations(
                new SharedItems.ItemRef(
                    SharedItems.Kind.ADVISORY, AdvisoryRequests.id(jdbc, reference))))
        .doesNotContain(people.organisation("npa"));
  }

  @Test
  void anAmberStrictAdvisoryReachesOnlyItsAudience() throws Exception {
    String reference =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory("特定の事業者だけへの連絡", "AMBER_STRICT")
                    .param("organisations", "minamikawa-water")
                    .with(hubLiaison)));
    assertThat(
            items.reachedOrganisations(
                new SharedItems.ItemRef(
                    SharedItems.Kind.ADVISORY, AdvisoryRequests.id(jdbc, reference))))
        .containsExactly(people.organisation("minamikawa-water"));
    RequestPostProcessor mlit =
        SignIn.as(mvc, people.create("mlit", "relay").email(), TestPeople.PASSWORD);
    mvc.perform(get("/advisories/" + reference).with(mlit)).andExpect(status().isForbidden());
    assertThat(
            Pages.get(mvc, SignIn.as(mvc, "operator@demo.example"), "/advisories/" + reference)
                .select("#timeline")
                .text())
        .contains("みなみ川町上下水道課 に届きました (国家サイバー統括室 から)");
  }
}
