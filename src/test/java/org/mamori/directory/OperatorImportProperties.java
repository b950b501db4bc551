package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.jsoup.Jsoup;
import org.mamori.InSpring;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.shared.Actor;
import org.mamori.shared.PersonId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Fuzz properties of the operator CSV import, through the pages as an administrator uses them:
 * files with shuffled, missing and repeated headings, cells sound or garbled (quotes, commas, line
 * breaks, formulas, huge texts), in UTF-8 with or without its mark, Windows-31J, UTF-16 or with
 * bytes flipped. Every upload is refused on the form with a reason or checked line by line (never
 * 500); "import all" of a file with any error changes nothing; an import changes exactly the
 * organisations its check announced, or nothing. README "Fuzz tests" says how to run more tries.
 */
@MamoriTest
@AddLifecycleHook(InSpring.class)
class OperatorImportProperties {

  private static final List<String> HEADINGS =
      List.of(
          "組織コード", "組織名", "組織名（英語）", "分野", "規模", "従業員数", "資本金（円）", "都道府県", "ウェブサイト", "代表メール",
          "代表電話", "セプター", "サービス");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired OperatorImport imports;
  @Autowired TestPeople people;

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private RequestPostProcessor admin;

  /** A file as sent: its bytes, and how it was made (for the failure report). */
  record CsvFile(String how, byte[] bytes) {

    @Override
    public String toString() {
      return how + " (" + bytes.length + " bytes)";
    }
  }

  @Property(tries = 12)
  void aFileIsRefusedWithAReasonOrImportedWhollyAsChecked(@ForAll("files") CsvFile file)
      throws Exception {
    Directory before = directory();

    MockHttpServletResponse uploaded =
        mvc.perform(
                multipart("/directory/import")
                    .file(new MockMultipartFile("file", "fuzz.csv", "text/csv", file.bytes()))
                    .param("encoding", "AUTOMATIC")
                    .with(admin())
                    .with(csrf()))
            .andReturn()
            .getResponse();

    if (uploaded.getStatus() == 200) {
      // refused as a whole: the form again, saying why
      assertThat(
              Jsoup.parse(uploaded.getContentAsString(StandardCharsets.UTF_8))
                  .select(".error-summary li")
                  .text())
          .isNotBlank();
      assertThat(directory()).isEqualTo(before);
      return;
    }
    assertThat(uploaded.getStatus()).isEqualTo(302);
    String location = uploaded.getRedirectedUrl();
    UUID upload = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    assertThat(mvc.perform(get(location).with(admin())).andReturn().getResponse().getStatus())
        .isEqualTo(200);
    OperatorImport.Check check = imports.review(adminActor(), upload);

    if (check.hasErrors()) {
      importAs(location, "ALL");
      assertThat(directory()).as("import all with errors").isEqualTo(before);
      assertThat(completed(upload)).isFalse();
    }
    importAs(location, "VALID_ROWS_ONLY");
    if (check.changeCount() + check.unchangedCount() == 0) {
      assertThat(directory()).as("nothing to import").isEqualTo(before);
      assertThat(completed(upload)).isFalse();
    } else {
      assertThat(completed(upload)).isTrue();
      assertThat(directory())
          .isEqualTo(
              new Directory(
                  before.organisations() + check.newCount(),
                  before.versions() + check.updateCount()));
    }
  }

  /** How many organisations, and the sum of their versions (an update adds one). */
  record Directory(long organisations, long versions) {}

  private Directory directory() {
    return jdbc.sql("select count(*), coalesce(sum(version), 0) from organisation")
        .query((rs, i) -> new Directory(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  private boolean completed(UUID upload) {
    return jdbc.sql("select completed_at is not null from operator_import where id = :id")
        .param("id", upload)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private void importAs(String location, String scope) throws Exception {
    MockHttpServletResponse imported =
        mvc.perform(post(location).param("scope", scope).with(admin()).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(imported.getStatus()).isEqualTo(302);
  }

  @Provide("files")
  Arbitrary<CsvFile> files() {
    Arbitrary<List<String>> headings =
        Arbitraries.oneOf(
            Arbitraries.just(HEADINGS),
            Arbitraries.of(HEADINGS).list().ofMinSize(1).ofMaxSize(14),
            Arbitraries.strings().ofMaxLength(12).list().ofMinSize(1).ofMaxSize(5));
    Arbitrary<List<List<String>>> rows = cell().list().ofSize(13).list().ofMaxSize(5);
    return Combinators.combine(
            headings,
            rows,
            Arbitraries.of("UTF-8", "UTF-8 BOM", "Windows-31J", "UTF-16LE"),
            Arbitraries.of("\n", "\r\n", "\r"),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 100_000).list().ofMaxSize(3))
        .as(
            (heads, cells, encoding, newline, quoteAll, flips) -> {
              StringBuilder text = new StringBuilder(line(heads, quoteAll));
              for (List<String> row : cells) {
                text.append(newline)
                    .append(
                        line(
                            row.subList(0, heads.size() > 13 ? 13 : Math.min(13, heads.size())),
                            quoteAll));
              }
              byte[] bytes = encode(text.toString(), encoding);
              for (int flip : flips) {
                if (bytes.length > 0) {
                  bytes[flip % bytes.length] ^= (byte) (1 + flip % 255);
                }
              }
              return new CsvFile(
                  encoding
                      + ", "
                      + cells.size()
                      + " rows, "
                      + flips.size()
                      + " bytes flipped: "
                      + abbreviated(text.toString()),
                  bytes);
            });
  }

  /** A cell: sound for some column, or garbled. */
  private Arbitrary<String> cell() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 9_999).map(n -> "試験事業者 fz" + run + "-" + n + "㈱①"),
        Arbitraries.integers().between(0, 9_999).map(n -> "fz-" + run + "-" + n),
        Arbitraries.of("電力", "ガス", "水道", "鉄道", "医療", "航空", "空港", "存在しない分野"),
        Arbitraries.of("大規模", "中小", "large", "巨大"),
        Arbitraries.of("1,200", "25", "-3", "1e9", "３００", "99999999999999999999"),
        Arbitraries.of("岐阜県", "東京都", "どこか"),
        Arbitraries.of(
            "https://example.jp/", "javascript:alert(1)", "suido@test.example", "not-mail"),
        Arbitraries.of(
            "=cmd|' /C calc'!A0", "\"quoted\"", "a,b", "line\nbreak", "\u0000", "\uFEFF"),
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.integers().between(300, 3_000).map("長"::repeat),
        Arbitraries.just(""));
  }

  private static String line(List<String> cells, boolean quoteAll) {
    List<String> written = new ArrayList<>();
    for (String cell : cells) {
      boolean quote = quoteAll || cell.contains(",") || cell.contains("\"") || cell.contains("\n");
      written.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    return String.join(",", written);
  }

  private static byte[] encode(String text, String encoding) {
    return switch (encoding) {
      case "UTF-8 BOM" -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
      case "Windows-31J" -> text.getBytes(Charset.forName("Windows-31J"));
      case "UTF-16LE" -> text.getBytes(StandardCharsets.UTF_16LE);
      default -> text.getBytes(StandardCharsets.UTF_8);
    };
  }

  private RequestPostProcessor admin() throws Exception {
    if (admin == null) {
      admin = SignIn.as(mvc, SignIn.ADMIN);
    }
    return admin;
  }

  private Actor adminActor() {
    PersonId person =
        new PersonId(
            jdbc.sql("select id from person where email = :email")
                .param("email", SignIn.ADMIN)
                .query(UUID.class)
                .single());
    return new Actor(person, people.organisation("national-hub"));
  }

  private static String abbreviated(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
