package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each step of signing in starts a new session. A request that still holds the session from before
 * (a page's late favicon or stylesheet request) saves it after the step: that must neither sign the
 * person out nor make the old session id a signed-in one.
 */
@MamoriTest
class SessionFixationTest {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired SessionRepository<? extends Session> sessions;

  @Autowired TestPeople people;

  @Test
  void aLateRequestWithTheSessionFromBeforeSignInUndoesNothing() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession browser = new BrowserSession(mvc);
    browser.page("/sign-in");
    String before = browser.sessionId();
    Session stale = sessions.findById(before);

    assertThat(browser.signIn(person.email(), TestPeople.PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/");
    assertThat(browser.sessionId()).isNotEqualTo(before);
    saveLate(stale);

    assertThat(browser.get("/account").getResponse().getStatus()).isEqualTo(200);
    assertThat(sessions.findById(before)).isNull();
  }

  @Test
  void theSameHoldsForTheTwoStepCode() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession setUp = new BrowserSession(mvc);
    setUp.signIn(person.email(), TestPeople.PASSWORD);
    byte[] secret = Base32.decode(setUp.page("/account/two-step/setup").select("#secret").text());
    setUp.post("/account/two-step/setup", "code", AuthenticatorApp.currentCode(secret));

    BrowserSession browser = new BrowserSession(mvc);
    browser.signIn(person.email(), TestPeople.PASSWORD);
    String pending = browser.sessionId();
    Session stale = sessions.findById(pending);
    assertThat(
            browser
                .post("/sign-in/two-step", "code", AuthenticatorApp.nextCode(secret))
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/");
    saveLate(stale);

    assertThat(browser.get("/account").getResponse().getStatus()).isEqualTo(200);
    assertThat(sessions.findById(pending)).isNull();
  }

  @SuppressWarnings("unchecked")
  private void saveLate(Session stale) {
    stale.setLastAccessedTime(Instant.now());
    ((SessionRepository<Session>) sessions).save(stale);
  }
}
