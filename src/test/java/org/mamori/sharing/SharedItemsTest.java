package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.mamori.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What other modules may learn of a report depends on who is asking. */
@MamoriTest
class SharedItemsTest {

  @Autowired MockMvc mvc;
  @Autowired SharedItems items;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void aNoticeTellsOnlyThoseWhoMayReadTheReport() throws Exception {
    String reference =
        ReportRequests.reference(
            new ReportRequests(mvc)
                .file(SignIn.as(mvc, "operator@demo.example"), "通知の確認用の報告", "AMBER"));
    SharedItems.ItemRef item =
        new SharedItems.ItemRef(
            SharedItems.Kind.REPORT,
            jdbc.sql("select id from report where reference = :r")
                .param("r", reference)
                .query(java.util.UUID.class)
                .single());

    TestPeople.TestPerson ministry = people.create("mlit", "relay");
    TestPeople.TestPerson elsewhere = people.create("asahino-power", "reporter");
    assertThat(items.reachedOrganisations(item)).contains(people.organisation("mlit"));
    assertThat(items.noticeFor(item, new Actor(ministry.id(), people.organisation("mlit"))))
        .hasValueSatisfying(
            notice -> {
              assertThat(notice.title()).isEqualTo("通知の確認用の報告");
              assertThat(notice.path()).isEqualTo("/reports/" + reference);
            });
    assertThat(
            items.noticeFor(item, new Actor(elsewhere.id(), people.organisation("asahino-power"))))
        .isEmpty();
  }
}
