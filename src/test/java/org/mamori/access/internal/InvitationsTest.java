package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MamoriTest
class InvitationsTest {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Autowired TestPeople people;

  @Test
  void anOrganisationAdministratorCreatesASevenDayLinkForAMember() throws Exception {
    TestPeople.TestPerson member = people.create("meti", "reporter");
    BrowserSession ministry = signedIn(SignIn.MINISTRY);
    String query = query("meti", member);
    Document confirm = ministry.page("/account/invitations/new" + query);
    assertThat(confirm.select("dl").text()).contains(member.name(), member.email(), "経済産業省");
    assertThat(confirm.text()).contains("7日間");

    MvcResult created =
        ministry.post(
            "/account/invitations",
            "organisation",
            people.organisation("meti").toString(),
            "person",
            member.id().toString());
    Document page = BrowserSession.html(created);
    String link = page.select("#link").val();
    assertThat(link).matches("http://localhost:8080/setup/[0-9A-Za-z]{40}");
    assertThat(page.text()).contains("有効期限:", "JST");
    assertThat(people.auditEntries("access.setup-link.created", member.id().toString()))
        .isEqualTo(1);

    String path = link.substring("http://localhost:8080".length());
    BrowserSession invited = new BrowserSession(mvc);
    assertThat(
            invited
                .post(
                    path,
                    "password",
                    "chosen by the member",
                    "confirmation",
                    "chosen by the member")
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/sign-in?password-set");
    assertThat(
            invited.signIn(member.email(), "chosen by the member").getResponse().getRedirectedUrl())
        .isEqualTo("/");
  }

  @Test
  void peopleWhoManageNothingThereMayNotInvite() throws Exception {
    TestPeople.TestPerson member = people.create("meti", "reporter");
    BrowserSession ceptoar = signedIn(SignIn.CEPTOAR);
    assertThat(
            ceptoar
                .get("/account/invitations/new" + query("meti", member))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            ceptoar
                .post(
                    "/account/invitations",
                    "organisation",
                    people.organisation("meti").toString(),
                    "person",
                    member.id().toString())
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(people.auditEntries("access.setup-link.created", member.id().toString())).isZero();
  }

  @Test
  void anAdministratorCannotInviteSomeoneOfAnotherOrganisation() throws Exception {
    TestPeople.TestPerson outsider = people.create("ceptoar-electricity", "reporter");
    BrowserSession ministry = signedIn(SignIn.MINISTRY);
    // Naming their own organisation does not help: the person is not in it.
    assertThat(
            ministry
                .get("/account/invitations/new" + query("meti", outsider))
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(
            ministry
                .get("/account/invitations/new" + query("ceptoar-electricity", outsider))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void aMemberWhoAlsoBelongsElsewhereIsLeftToAPlatformAdministrator() throws Exception {
    TestPeople.TestPerson both = people.create("meti", "reporter");
    people.join(both, "national-hub", "analyst");
    BrowserSession ministry = signedIn(SignIn.MINISTRY);
    Document page = ministry.page("/account/invitations/new" + query("meti", both));
    assertThat(page.select("#invitation-refused").text()).contains("ほかの組織にも所属");
    assertThat(page.select("form[action=/account/invitations]")).isEmpty();
    assertThat(
            ministry
                .post(
                    "/account/invitations",
                    "organisation",
                    people.organisation("meti").toString(),
                    "person",
                    both.id().toString())
                .getResponse()
                .getStatus())
        .isEqualTo(403);

    BrowserSession admin = signedIn(SignIn.ADMIN);
    assertThat(
            admin
                .page("/account/invitations/new" + query("meti", both))
                .select("form[action=/account/invitations]"))
        .hasSize(1);
  }

  private BrowserSession signedIn(String email) throws Exception {
    BrowserSession browser = new BrowserSession(mvc);
    assertThat(browser.signIn(email, SignIn.DEMO_PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/");
    return browser;
  }

  private String query(String organisationCode, TestPeople.TestPerson person) {
    return "?organisation=" + people.organisation(organisationCode) + "&person=" + person.id();
  }
}
