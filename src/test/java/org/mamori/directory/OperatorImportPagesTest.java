package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatObject;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.access.Passwords;
import org.mamori.shared.Actor;
import org.mamori.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The operator import, through the real sign-in, as an administrator would use it. */
@MamoriTest
class OperatorImportPagesTest {

  private static final String HEADINGS =
      "組織コード,組織名,組織名（英語）,分野,規模,従業員数,資本金（円）,都道府県,ウェブサイト,代表メール,代表電話,セプター,サービス";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Enrolment enrolment;
  @Autowired Passwords passwords;
  @Autowired Directory directory;
  @LocalServerPort int port;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aUtf8FileKeepsCircledCharactersAndIsImported() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String location = upload(admin, "operators-utf8-bom.csv", resource("operators-utf8-bom.csv"));

    Document check = page(admin, location);
    assertThat(check.select("main p").text()).contains("UTF-8");
    assertLine(check, 2, "NEW").satisfies(l -> assertThat(l.text()).contains("テスト水道①㈱"));
    assertLine(check, 3, "NEW")
        .satisfies(l -> assertThat(l.select(".code").text()).contains("test-utf8-gas", "(自動)"));

    Document done = importAndFollow(admin, location, "ALL");

    assertThat(done.select("#result").text()).contains("新規 2 件");
    assertThat(organisation("test-utf8-water"))
        .containsEntry("name_ja", "テスト水道①㈱")
        .containsEntry("name_en", "Test Water One")
        .containsEntry("prefecture", "岐阜県")
        .containsEntry("employees", 25);
    assertThat(services("test-utf8-water")).containsExactly("第①浄水場の運転管理", "配水管の維持管理");
    assertThat(ceptoars("test-utf8-water")).containsExactly("ceptoar-water");
    assertThat(mainContact("test-utf8-water"))
        .containsExactly("suido@test-utf8.example", "058-000-0001");
    assertThat(organisation("test-utf8-gas")).containsEntry("capital_yen", 3_000_000_000L);
  }

  @Test
  void aWindows31jFileIsRecognisedAndKeepsCircledCharacters() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String location =
        upload(admin, "operators-windows-31j.csv", resource("operators-windows-31j.csv"));

    Document check = page(admin, location);
    assertThat(check.select("main p").text()).contains("Windows-31J");
    assertLine(check, 2, "NEW");
    assertThat(page(admin, location + "?lang=en").select("#count-new").text()).isEqualTo("1 line");

    importAndFollow(admin, location, "ALL");

    assertThat(organisation("test-sjis-power"))
        .containsEntry("name_ja", "試験電力①㈱")
        .containsEntry("capital_yen", 1_000_000L)
        .containsEntry("website", "https://www.shiken-power.example");
    assertThat(services("test-sjis-power")).containsExactly("小売電気事業", "第②発電所の運転");
    assertThat(ceptoars("test-sjis-power")).containsExactly("ceptoar-electricity");
  }

  @Test
  void aWindows31jFileReadAsUtf8IsRefusedAndNothingIsStored() throws Exception {
    String fileName = "sjis-" + run + ".csv";
    Document form =
        Jsoup.parse(
            uploadResult(
                    SignIn.as(mvc, SignIn.ADMIN),
                    fileName,
                    resource("operators-windows-31j.csv"),
                    "UTF_8")
                .getResponse()
                .getContentAsString());

    assertThat(form.select(".error-summary a[href=#file]").text()).contains("UTF-8 として読めませんでした");
    assertThat(form.select("input[value=UTF_8]").hasAttr("checked")).isTrue();
    assertThat(uploadsNamed(fileName)).isZero();
  }

  @Test
  void eachKindOfBadRowIsReportedInPlainWordsWithItsLine() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String location = upload(admin, "bad-rows.csv", resource("operators-bad-rows.csv"));
    Document check = page(admin, location);

    Map<Integer, String> reasons =
        Map.ofEntries(
            Map.entry(3, "組織名を書いてください。"),
            Map.entry(4, "分野「宇宙」が見つかりません。"),
            Map.entry(5, "組織コード「Test_Bad!」は使えません。"),
            Map.entry(6, "規模「特大」は使えません。"),
            Map.entry(7, "従業員数「たくさん」を人数として読めません。"),
            Map.entry(8, "資本金「1.5億」を金額として読めません。"),
            Map.entry(9, "都道府県「東京県」が見つかりません。"),
            Map.entry(10, "ウェブサイト「www.example.jp」をアドレスとして読めません。"),
            Map.entry(11, "代表メール「info-at-example」をメールアドレスとして読めません"),
            Map.entry(12, "代表電話「でんわ」を電話番号として読めません"),
            Map.entry(13, "セプター「存在しないセプター」が見つかりません。"),
            Map.entry(14, "「経済産業省」はセプターではありません。"),
            Map.entry(15, "組織コード「meti」は、事業者ではない組織「経済産業省」のコードです。"),
            Map.entry(16, "組織コード「test-bad-ok」は 2 行目でも使われています。"),
            Map.entry(17, "「国土交通省」という組織がすでに登録されています (組織コード: mlit)。"),
            Map.entry(18, "分野「宇宙」が見つかりません。"),
            Map.entry(20, "分野「宙」が見つかりません。"),
            Map.entry(21, "見出しのない列に値があります。"),
            Map.entry(23, "「組織名」の値が長すぎます。200 文字以内にしてください。"),
            Map.entry(25, "同じ組織名が 24 行目にもあります。"),
            Map.entry(26, "分野を書いてください。"));
    reasons.forEach(
        (line, reason) -> {
          assertLine(check, line, "ERROR")
              .satisfies(l -> assertThat(l.select(".reasons").text()).contains(reason));
          assertThat(check.select("#errors li:contains(" + line + " 行目:)").text())
              .as("error summary for line %d", line)
              .contains(reason);
        });
    assertLine(check, 2, "NEW");
    assertLine(check, 24, "NEW")
        .satisfies(l -> assertThat(l.select(".code").text()).contains("gas-operator", "(自動)"));
    assertThat(check.select("#line-19, #line-22")).isEmpty();
    assertThat(check.select("#count-error").text()).isEqualTo("21 行");
    assertThat(check.select("#count-new").text()).isEqualTo("2 行");
    assertThat(check.select("#import-all")).isEmpty();
    assertThat(check.select("#import-valid").text()).contains("2 件");

    Document english = page(admin, location + "?lang=en");
    assertThat(english.select("#line-4 .reasons").text())
        .isEqualTo(
            "There is no sector \"宇宙\". Write a sector name, like Electric power or 水道,"
                + " or a sector code.");
  }

  @Test
  void nothingIsImportedWhileAnyRowIsInvalid() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String location =
        upload(
            admin,
            "mixed.csv",
            csv(row(code("good"), "良い行㈱", "ガス"), row(code("bad"), "悪い行㈱", "宇宙")));

    Document refused = importAndFollow(admin, location, "ALL");

    assertThat(refused.select("#refusal").text()).contains("エラーのある行が 1 行あるため");
    assertThat(exists(code("good"))).isFalse();
    assertThat(exists(code("bad"))).isFalse();
    assertThat(refused.select("#import-valid")).hasSize(1);
  }

  @Test
  void validRowsOnlyImportsExactlyTheGoodRows() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    long created = auditEntries("directory.organisation.created");
    String location =
        upload(
            admin,
            "valid-only.csv",
            csv(
                row(code("one"), "一番目㈱", "ガス"),
                row(code("two"), "二番目㈱", "宇宙"),
                row(code("three"), "三番目㈱", "水道")));

    Document done = importAndFollow(admin, location, "VALID_ROWS_ONLY");

    assertThat(done.select("#result").text()).contains("新規 2 件", "取り込まなかった行: 1 行");
    assertThat(exists(code("one"))).isTrue();
    assertThat(exists(code("two"))).isFalse();
    assertThat(exists(code("three"))).isTrue();
    assertThat(auditEntries("directory.organisation.created")).isEqualTo(created + 2);
    UUID upload = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    assertThat(
            jdbc.sql("select count(*) from audit_entry where action = :action and subject_id = :id")
                .param("action", "directory.operator-import.completed")
                .param("id", upload.toString())
                .query(Long.class)
                .single())
        .isOne();
    assertThat(page(admin, location).select("h1").text()).isEqualTo("取り込みが終わりました");
  }

  @Test
  void aRowWhoseCodeExistsUpdatesThatOperator() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String code = code("update");
    importAndFollow(
        admin,
        upload(
            admin,
            "first.csv",
            csv(
                code
                    + ",更新前㈱,Before,ガス,,50,,東京都,,before@test.example,03-0000-0000,"
                    + "ガスセプター,導管;供給")),
        "ALL");
    String id = organisation(code).get("id").toString();
    String changed = csv(code + ",更新後㈱,After,ガス,,500,,大阪府,,after@test.example,,,供給;保安");

    String location = upload(admin, "second.csv", changed);
    Document check = page(admin, location);
    assertLine(check, 2, "UPDATE");
    assertThat(check.select("#count-update").text()).isEqualTo("1 行");
    importAndFollow(admin, location, "ALL");

    assertThat(organisation(code))
        .containsEntry("name_ja", "更新後㈱")
        .containsEntry("name_en", "After")
        .containsEntry("employees", 500)
        .containsEntry("prefecture", "大阪府");
    assertThat(mainContact(code)).containsExactly("after@test.example", null);
    assertThat(services(code)).containsExactly("供給", "保安");
    assertThat(ceptoars(code)).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from audit_entry where action = :action and subject_id = :id")
                .param("action", "directory.organisation.updated")
                .param("id", id)
                .query(Long.class)
                .single())
        .isOne();

    Document again = page(admin, upload(admin, "third.csv", changed));
    assertLine(again, 2, "UNCHANGED");
    assertThat(again.select("#import-all")).isEmpty();
    assertThat(again.text()).contains("新しく登録・更新される事業者はありません");
  }

  @Test
  void aBlankSizeComesFromTheSectorsThresholds() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String location =
        upload(
            admin,
            "sizes.csv",
            csv(
                // medical: SME up to 100 employees; electricity: the default, up to 300
                code("clinic") + ",大きな病院㈱,,医療,,150,,,,,,,",
                code("power") + ",小さな電力㈱,,電力,,150,,,,,,,",
                code("small-clinic") + ",小さな病院㈱,,医療,,80,,,,,,,",
                code("declared") + ",大規模と申告㈱,,電力,大規模,10,,,,,,,",
                code("unknown") + ",規模不明㈱,,電力,,,,,,,,,"));

    Document check = page(admin, location);

    assertThat(check.select("#line-2 .size").text()).isEqualTo("大規模 (基準から判定)");
    assertThat(check.select("#line-3 .size").text()).isEqualTo("中小 (基準から判定)");
    assertThat(check.select("#line-4 .size").text()).isEqualTo("中小 (基準から判定)");
    assertThat(check.select("#line-5 .size").text()).isEqualTo("大規模");
    assertThat(check.select("#line-6 .size").text()).isEmpty();
    importAndFollow(admin, location, "ALL");
    assertThat(organisation(code("clinic"))).containsEntry("size_class", null);
    assertThat(organisation(code("declared"))).containsEntry("size_class", "LARGE");
  }

  @Test
  void theTemplateParsesBackWithNoErrorsInBothEncodings() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    for (String encoding : List.of("utf-8", "windows-31j")) {
      MvcResult download =
          mvc.perform(get("/directory/import/template.csv").param("encoding", encoding).with(admin))
              .andExpect(status().isOk())
              .andReturn();
      byte[] template = download.getResponse().getContentAsByteArray();
      assertThat(download.getResponse().getContentType())
          .isEqualToIgnoringCase("text/csv;charset=" + encoding);
      assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment");
      String text = new String(template, Charset.forName(encoding));
      assertThat(text).contains("組織コード,組織名,組織名（英語）,分野", "見本ガス㈱");
      assertThat(template[0] == (byte) 0xEF).isEqualTo(encoding.equals("utf-8"));

      String location = upload(admin, "template-" + encoding + ".csv", template);
      Document check = page(admin, location);

      assertThat(check.select("#count-error").text()).isEqualTo("0 行");
      assertThat(check.select("#line-2").attr("data-status")).isIn("NEW", "UPDATE", "UNCHANGED");
      assertThat(check.select("#ignored-columns")).as("no ignored columns").isEmpty();
      cancel(admin, location);
    }
  }

  @Test
  void onlyPlatformAdministratorsImport() throws Exception {
    String location =
        upload(SignIn.as(mvc, SignIn.ADMIN), "theirs.csv", csv(row(code("x"), "他人㈱", "ガス")));
    for (String email : List.of(SignIn.MINISTRY, SignIn.CEPTOAR, "operator@demo.example")) {
      RequestPostProcessor other = SignIn.as(mvc, email);
      mvc.perform(get("/directory/import").with(other)).andExpect(status().isForbidden());
      mvc.perform(get("/directory/import/template.csv").with(other))
          .andExpect(status().isForbidden());
      mvc.perform(
              multipart("/directory/import")
                  .file(file("x.csv", csv(row(code("y"), "不正㈱", "ガス")).getBytes()))
                  .param("encoding", "AUTOMATIC")
                  .with(other)
                  .with(csrf()))
          .andExpect(status().isForbidden());
      mvc.perform(get(location).with(other)).andExpect(status().isForbidden());
      mvc.perform(post(location).param("scope", "ALL").with(other).with(csrf()))
          .andExpect(status().isForbidden());
      mvc.perform(post(location + "/cancel").with(other).with(csrf()))
          .andExpect(status().isForbidden());
    }
    assertThat(exists(code("x"))).isFalse();
    assertThat(exists(code("y"))).isFalse();
  }

  @Test
  void anotherAdministratorCannotOpenOrFinishSomeoneElsesUpload() throws Exception {
    String location =
        upload(SignIn.as(mvc, SignIn.ADMIN), "mine.csv", csv(row(code("mine"), "私の㈱", "ガス")));
    String email = "admin-" + run + "@test.example";
    PersonId second =
        enrolment.enrol(
            Actor.SYSTEM, email, "第二 管理者", directory.nationalHub().id(), Set.of("platform-admin"));
    passwords.set(Actor.SYSTEM, second, "second-admin-password");
    RequestPostProcessor other = SignIn.as(mvc, email, "second-admin-password");

    mvc.perform(get(location).with(other)).andExpect(status().isNotFound());
    mvc.perform(post(location).param("scope", "ALL").with(other).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post(location + "/cancel").with(other).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(exists(code("mine"))).isFalse();
  }

  @Test
  void cancellingForgetsTheUploadAndChangesNothing() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String fileName = "cancel-" + run + ".csv";
    String location = upload(admin, fileName, csv(row(code("cancel"), "取消㈱", "ガス")));

    mvc.perform(post(location + "/cancel").with(admin).with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(uploadsNamed(fileName)).isZero();
    assertThat(exists(code("cancel"))).isFalse();
    mvc.perform(get(location).with(admin)).andExpect(status().isNotFound());
  }

  @Test
  void tooLargeAFileOrTooManyRowsIsRefusedAndNothingIsStored() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    byte[] large = new byte[(int) OperatorImport.MAX_BYTES + 1];
    Arrays.fill(large, (byte) 'a');
    StringBuilder many = new StringBuilder(HEADINGS).append('\n');
    for (int i = 0; i <= OperatorImport.MAX_ROWS; i++) {
      many.append(",事業者").append(i).append(",ガス,,,,,,,,,,\n");
    }

    String tooLarge = errorOnUpload(admin, "large-" + run + ".csv", large);
    String tooMany = errorOnUpload(admin, "many-" + run + ".csv", many.toString().getBytes());

    assertThat(tooLarge).isEqualTo("ファイルが大きすぎます。5 MB 以下のファイルにしてください。ファイルは保存していません。");
    assertThat(tooMany).contains("行が多すぎます (10,001 行)", "10,000 行まで");
    assertThat(uploadsNamed("large-" + run + ".csv")).isZero();
    assertThat(uploadsNamed("many-" + run + ".csv")).isZero();
  }

  @Test
  void aFileBeyondTheServersOwnLimitIsStillExplainedOnTheForm() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String base = "http://localhost:" + port;
    String signInCsrf =
        Jsoup.parse(send(http, HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET()))
            .select("input[name=_csrf]")
            .val();
    String credentials =
        "email="
            + URLEncoder.encode(SignIn.ADMIN, StandardCharsets.UTF_8)
            + "&password="
            + SignIn.DEMO_PASSWORD
            + "&_csrf="
            + signInCsrf;
    send(
        http,
        HttpRequest.newBuilder(URI.create(base + "/sign-in"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(credentials)));
    String action =
        Jsoup.parse(
                send(http, HttpRequest.newBuilder(URI.create(base + "/directory/import")).GET()))
            .select("form[enctype=multipart/form-data]")
            .attr("action");
    // Just past the server's 10 MB limit, so the server reads the rest instead of hanging up.
    byte[] huge = new byte[10 * 1024 * 1024 + 64 * 1024];
    Arrays.fill(huge, (byte) 'a');
    String boundary = "mamori-" + run;

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, huge)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(response.body()).select(".error-summary a[href=#file]").text())
        .contains("ファイルが大きすぎます", "5 MB");
  }

  // ---------------------------------------------------------------------------------------------

  private String code(String name) {
    return "t-" + run + "-" + name;
  }

  private static String row(String code, String nameJa, String sector) {
    return code + "," + nameJa + ",," + sector + ",,,,,,,,,";
  }

  private static String csv(String... rows) {
    return HEADINGS + "\n" + String.join("\n", rows) + "\n";
  }

  private String upload(RequestPostProcessor session, String fileName, String content)
      throws Exception {
    return upload(session, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  private String upload(RequestPostProcessor session, String fileName, byte[] content)
      throws Exception {
    MvcResult result = uploadResult(session, fileName, content, "AUTOMATIC");
    assertThat(result.getResponse().getStatus())
        .as("upload of %s: %s", fileName, result.getResponse().getContentAsString())
        .isEqualTo(302);
    String location = result.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/directory/import/");
    return location;
  }

  private MvcResult uploadResult(
      RequestPostProcessor session, String fileName, byte[] content, String encoding)
      throws Exception {
    return mvc.perform(
            multipart("/directory/import")
                .file(file(fileName, content))
                .param("encoding", encoding)
                .with(session)
                .with(csrf()))
        .andReturn();
  }

  private String errorOnUpload(RequestPostProcessor session, String fileName, byte[] content)
      throws Exception {
    String html =
        mvc.perform(
                multipart("/directory/import")
                    .file(file(fileName, content))
                    .param("encoding", "AUTOMATIC")
                    .with(session)
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return Jsoup.parse(html).select(".error-summary a[href=#file]").text();
  }

  private static MockMultipartFile file(String fileName, byte[] content) {
    return new MockMultipartFile("file", fileName, "text/csv", content);
  }

  private Document importAndFollow(RequestPostProcessor session, String location, String scope)
      throws Exception {
    mvc.perform(post(location).param("scope", scope).with(session).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(location))
        .andReturn();
    // The flash attributes ride in the session; the next request shows them.
    return page(session, location);
  }

  private void cancel(RequestPostProcessor session, String location) throws Exception {
    mvc.perform(post(location + "/cancel").with(session).with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  private Document page(RequestPostProcessor who, String url) throws Exception {
    return Pages.get(mvc, who, url);
  }

  private static org.assertj.core.api.ObjectAssert<Element> assertLine(
      Document check, int line, String status) {
    Element row = check.selectFirst("#line-" + line);
    assertThat(row).as("line %d", line).isNotNull();
    assertThat(row.attr("data-status")).as("status of line %d", line).isEqualTo(status);
    return assertThatObject(row);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = new ClassPathResource("import/" + name).getInputStream()) {
      return in.readAllBytes();
    }
  }

  private Map<String, Object> organisation(String code) {
    return jdbc.sql("select * from organisation where code = :code")
        .param("code", code)
        .query()
        .singleRow();
  }

  private boolean exists(String code) {
    return jdbc.sql("select count(*) from organisation where code = :code")
            .param("code", code)
            .query(Long.class)
            .single()
        > 0;
  }

  private List<String> services(String code) {
    return jdbc.sql(
            """
            select s.name_ja from operator_service s join organisation o on o.id = s.organisation_id
            where o.code = :code order by s.position
            """)
        .param("code", code)
        .query(String.class)
        .list();
  }

  private List<String> ceptoars(String code) {
    return jdbc.sql(
            """
            select c.code from ceptoar_membership m join organisation o on o.id = m.operator_id
            join organisation c on c.id = m.ceptoar_id where o.code = :code order by c.code
            """)
        .param("code", code)
        .query(String.class)
        .list();
  }

  private List<String> mainContact(String code) {
    return jdbc.sql(
            """
            select c.email, c.phone from organisation_contact c
            join organisation o on o.id = c.organisation_id
            where o.code = :code and c.label = '代表'
            """)
        .param("code", code)
        .query((rs, i) -> Arrays.asList(rs.getString("email"), rs.getString("phone")))
        .single();
  }

  private long uploadsNamed(String fileName) {
    return jdbc.sql("select count(*) from operator_import where file_name = :name")
        .param("name", fileName)
        .query(Long.class)
        .single();
  }

  private long auditEntries(String action) {
    return jdbc.sql("select count(*) from audit_entry where action = :action")
        .param("action", action)
        .query(Long.class)
        .single();
  }

  private static String send(HttpClient http, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static byte[] multipartBody(String boundary, byte[] file) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"encoding\"\r\n\r\nAUTOMATIC\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }
}
