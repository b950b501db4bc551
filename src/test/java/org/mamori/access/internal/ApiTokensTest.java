package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MamoriTest
class ApiTokensTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Autowired TestPeople people;

  @Test
  void aNewTokenIsShownOnceStoredOnlyAsItsHashAndListed() throws Exception {
    TestPeople.TestPerson person = people.create("ceptoar-electricity", "relay");
    BrowserSession browser = signedIn(person);
    Document form = browser.page("/account/tokens");
    assertThat(form.select("#days").val()).isEqualTo("90");
    assertThat(form.select("#scope-read").hasAttr("checked")).isTrue();

    String secret = create(browser, "監視システム連携", "ceptoar-electricity", "READ", "30");
    assertThat(secret).matches("mmr_[0-9A-Za-z]{40}");
    String stored =
        jdbc.sql("select token_hash || token_prefix || name from api_token where person_id = :p")
            .param("p", person.id().value())
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain(secret).contains(SecretTokens.hash(secret));

    Document list = browser.page("/account/tokens");
    assertThat(list.select("#tokens tbody tr")).hasSize(1);
    String row = list.select("#tokens tbody tr").text();
    assertThat(row)
        .contains("監視システム連携", "電力セプター", secret.substring(0, 10) + "…", "読むだけ")
        .contains("まだ使われていません", "使用できます")
        .doesNotContain(secret);
    assertThat(list.html()).doesNotContain(secret);
    assertThat(people.auditEntries("access.token.created", tokenId(person).toString()))
        .isEqualTo(1);
  }

  @Test
  void aTokenWorksAsBearerAndAsTheBasicPasswordAndActsForItsOrganisation() throws Exception {
    TestPeople.TestPerson person = people.create("meti", "relay");
    people.join(person, "ceptoar-electricity", "reporter");
    String secret = create(signedIn(person), "連携", "ceptoar-electricity", "READ", "7");

    JsonNode me = json(mvc.perform(get("/api/me").header("Authorization", "Bearer " + secret)));
    assertThat(me.get("email").asString()).isEqualTo(person.email());
    assertThat(me.get("displayName").asString()).isEqualTo(person.name());
    assertThat(me.get("organisation").get("code").asString()).isEqualTo("ceptoar-electricity");
    assertThat(me.get("organisation").get("nameEn").asString()).isEqualTo("Electric power CEPTOAR");
    // What the person may do for the token's organisation, not for their other one.
    assertThat(me.get("capabilities").toString()).isEqualTo("[\"REPORT\"]");
    assertThat(me.get("scope").asString()).isEqualTo("READ");

    String basic =
        Base64.getEncoder().encodeToString(("anyone:" + secret).getBytes(StandardCharsets.UTF_8));
    JsonNode viaBasic = json(mvc.perform(get("/api/me").header("Authorization", "Basic " + basic)));
    assertThat(viaBasic.get("personId").asString()).isEqualTo(person.id().toString());
  }

  @Test
  void noTokenOrABadOneIsAnswered401WithAChallengeAndAProblem() throws Exception {
    MvcResult anonymous = mvc.perform(get("/api/me")).andReturn();
    assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
    assertThat(anonymous.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE))
        .contains("Bearer realm=\"mamori\"");
    assertProblem(anonymous, 401);

    MvcResult bad =
        mvc.perform(get("/api/me").header("Authorization", "Bearer mmr_" + "x".repeat(40)))
            .andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(401);
    assertThat(bad.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE))
        .contains("Bearer realm=\"mamori\", error=\"invalid_token\"")
        .anyMatch(h -> h.startsWith("Basic realm=\"mamori\""));
    assertProblem(bad, 401);
    // A browser session is no key to the API.
    BrowserSession browser = signedIn(people.create("national-hub", "analyst"));
    assertThat(browser.get("/api/me").getResponse().getStatus()).isEqualTo(401);
  }

  @Test
  void expiredAndRevokedTokensNoLongerWork() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession browser = signedIn(person);
    String expiring = create(browser, "期限切れ", "national-hub", "READ", "1");
    String revoking = create(browser, "取り消し", "national-hub", "READ", "1");
    assertThat(status(expiring)).isEqualTo(200);
    assertThat(status(revoking)).isEqualTo(200);

    jdbc.sql("update api_token set expires_at = now() - interval '1 second' where token_hash = :h")
        .param("h", SecretTokens.hash(expiring))
        .update();
    assertThat(status(expiring)).isEqualTo(401);

    UUID id =
        jdbc.sql("select id from api_token where token_hash = :h")
            .param("h", SecretTokens.hash(revoking))
            .query(UUID.class)
            .single();
    assertThat(browser.post("/account/tokens/" + id + "/revoke").getResponse().getRedirectedUrl())
        .isEqualTo("/account/tokens");
    assertThat(status(revoking)).isEqualTo(401);
    assertThat(people.auditEntries("access.token.revoked", id.toString())).isEqualTo(1);
    Document list = browser.page("/account/tokens");
    assertThat(list.select("#tokens tr:contains(取り消し) .token-status").text()).isEqualTo("無効にしました");
    assertThat(list.select("#tokens tr:contains(期限切れ) .token-status").text()).isEqualTo("期限切れ");
    assertThat(list.select("#tokens tr:contains(取り消し) form")).isEmpty();
  }

  @Test
  void aReadOnlyTokenMayOnlyRead() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    BrowserSession browser = signedIn(person);
    String reader = create(browser, "読むだけ", "national-hub", "READ", "5");
    String writer = create(browser, "読み書き", "national-hub", "WRITE", "5");
    MvcResult refused =
        mvc.perform(post("/api/me").header("Authorization", "Bearer " + reader)).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertProblem(refused, 403);
    // The write token gets through to the API, which has no POST here.
    assertThat(
            mvc.perform(post("/api/me").header("Authorization", "Bearer " + writer))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(405);
    assertThat(
            json(mvc.perform(get("/api/me").header("Authorization", "Bearer " + writer)))
                .get("scope")
                .asString())
        .isEqualTo("WRITE");
  }

  @Test
  void aTokenReachesNothingOfOtherOrganisationsOrOtherPeople() throws Exception {
    TestPeople.TestPerson person = people.create("ceptoar-electricity", "relay");
    BrowserSession browser = signedIn(person);
    // Not a member of METI: no token may act for it.
    Document refused =
        BrowserSession.html(
            browser.post(
                "/account/tokens",
                "name",
                "なりすまし",
                "organisation",
                people.organisation("meti").toString(),
                "scope",
                "WRITE",
                "days",
                "30"));
    assertThat(refused.select(".error-summary a[href=#organisation]").text())
        .isEqualTo("あなたが所属している組織から選んでください。");
    assertThat(refused.select("#name").val()).isEqualTo("なりすまし");
    assertThat(count(person)).isZero();

    String secret = create(browser, "自分の", "ceptoar-electricity", "WRITE", "30");
    UUID id = tokenId(person);
    // Someone else cannot see or revoke it.
    TestPeople.TestPerson other = people.create("ceptoar-electricity", "relay");
    BrowserSession otherBrowser = signedIn(other);
    assertThat(otherBrowser.page("/account/tokens").select("#tokens")).isEmpty();
    assertThat(otherBrowser.post("/account/tokens/" + id + "/revoke").getResponse().getStatus())
        .isEqualTo(404);
    assertThat(status(secret)).isEqualTo(200);

    // Once the person leaves the organisation, the token stops working.
    people.leave(person, "ceptoar-electricity");
    assertThat(status(secret)).isEqualTo(401);
  }

  @Test
  void wrongAnswersComeBackWithEveryProblemNamedAndTheInputKept() throws Exception {
    BrowserSession browser = signedIn(people.create("national-hub", "analyst"));
    Document page =
        BrowserSession.html(
            browser.post(
                "/account/tokens",
                "name",
                " ",
                "organisation",
                people.organisation("national-hub").toString(),
                "scope",
                "READ",
                "days",
                "366"));
    assertThat(page.select(".error-summary a[href=#name]").text()).isEqualTo("トークンの名前を入力してください。");
    assertThat(page.select(".error-summary a[href=#days]").text())
        .isEqualTo("有効期間は1日から365日までの数で入力してください。");
    assertThat(page.select("#days").val()).isEqualTo("366");
    Document notANumber =
        BrowserSession.html(
            browser.post("/account/tokens", "name", "x", "scope", "READ", "days", "たくさん"));
    assertThat(notANumber.select(".error-summary a[href=#days]")).hasSize(1);
  }

  @Test
  void lastUseIsNotedAtMostOnceAMinute() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "analyst");
    String secret = create(signedIn(person), "記録", "national-hub", "READ", "3");
    assertThat(lastUsed(secret)).isNull();
    assertThat(status(secret)).isEqualTo(200);
    OffsetDateTime first = lastUsed(secret);
    assertThat(first).isNotNull();
    assertThat(status(secret)).isEqualTo(200);
    assertThat(lastUsed(secret)).isEqualTo(first);
  }

  @Test
  void prometheusIsForPlatformAdministratorsTokensOnly() throws Exception {
    assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus())
        .isEqualTo(401);
    String analyst =
        create(
            signedIn(people.create("national-hub", "analyst")), "監視", "national-hub", "READ", "1");
    assertThat(
            mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + analyst))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    BrowserSession admin = new BrowserSession(mvc);
    admin.signIn(SignIn.ADMIN, SignIn.DEMO_PASSWORD);
    String adminToken = create(admin, "監視 " + UUID.randomUUID(), "national-hub", "READ", "1");
    MvcResult metrics =
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + adminToken))
            .andReturn();
    assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
    assertThat(metrics.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");
    assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus())
        .isEqualTo(200);
  }

  @Test
  void theApiIsDescribedForSignedInMembers() throws Exception {
    assertThat(new BrowserSession(mvc).get("/v3/api-docs").getResponse().getRedirectedUrl())
        .endsWith("/sign-in");
    BrowserSession browser = signedIn(people.create("national-hub", "analyst"));
    MvcResult docs = browser.get("/v3/api-docs");
    assertThat(docs.getResponse().getStatus()).isEqualTo(200);
    JsonNode api = JSON.readTree(docs.getResponse().getContentAsString());
    JsonNode me = api.get("paths").get("/api/me").get("get");
    assertThat(me.get("summary").asString()).isEqualTo("Who this token acts as");
    // The caller is no request parameter.
    assertThat(me.get("parameters")).isNull();
    assertThat(api.get("components").get("securitySchemes").get("token").get("scheme").asString())
        .isEqualTo("bearer");
    assertThat(browser.get("/api-docs").getResponse().getRedirectedUrl())
        .contains("swagger-ui/index.html");
  }

  private BrowserSession signedIn(TestPeople.TestPerson person) throws Exception {
    BrowserSession browser = new BrowserSession(mvc);
    assertThat(browser.signIn(person.email(), TestPeople.PASSWORD).getResponse().getRedirectedUrl())
        .isEqualTo("/");
    return browser;
  }

  /** Creates a token through the page and returns its secret, read from the page shown once. */
  private String create(
      BrowserSession browser, String name, String organisationCode, String scope, String days)
      throws Exception {
    MvcResult result =
        browser.post(
            "/account/tokens",
            "name",
            name,
            "organisation",
            people.organisation(organisationCode).toString(),
            "scope",
            scope,
            "days",
            days);
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    Document page = BrowserSession.html(result);
    assertThat(page.select("h1").text()).isEqualTo("トークンを作りました");
    return page.select("#secret").val();
  }

  private int status(String secret) throws Exception {
    return mvc.perform(get("/api/me").header("Authorization", "Bearer " + secret))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private OffsetDateTime lastUsed(String secret) {
    return jdbc.sql("select last_used_at from api_token where token_hash = :h")
        .param("h", SecretTokens.hash(secret))
        .query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
        .single()
        .orElse(null);
  }

  private UUID tokenId(TestPeople.TestPerson person) {
    return jdbc.sql("select id from api_token where person_id = :p")
        .param("p", person.id().value())
        .query(UUID.class)
        .single();
  }

  private long count(TestPeople.TestPerson person) {
    return jdbc.sql("select count(*) from api_token where person_id = :p")
        .param("p", person.id().value())
        .query(Long.class)
        .single();
  }

  private static JsonNode json(org.springframework.test.web.servlet.ResultActions actions)
      throws Exception {
    MvcResult result = actions.andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return JSON.readTree(result.getResponse().getContentAsString());
  }

  private static void assertProblem(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
  }
}
