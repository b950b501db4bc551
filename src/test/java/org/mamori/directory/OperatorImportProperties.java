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
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
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

  @Property(tries = 8)
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
      Statistics.collect("file refused", "no changes");
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
    Statistics.collect(
        check.hasErrors() ? "lines with errors" : "no errors",
        check.changeCount() > 0 ? "changes" : "no changes");

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
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.shuffle(HEADINGS)),
            Tuple.of(2, Arbitraries.of(HEADINGS).list().ofMinSize(1).ofMaxSize(14)),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(12).list().ofMinSize(1).ofMaxSize(5)));
    Arbitrary<CsvFile> sound =
        Combinators.combine(
                headings.flatMap(heads -> rows(heads).map(rows -> new Table(heads, rows))),
                Arbitraries.frequency(
                    Tuple.of(4, "UTF-8"),
                    Tuple.of(2, "UTF-8 BOM"),
                    Tuple.of(2, "Windows-31J"),
                    Tuple.of(1, "UTF-16LE")),
                Arbitraries.of("\n", "\r\n", "\r"),
                Arbitraries.of(true, false),
                Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.just(List.<Integer>of())),
                    Tuple.of(
                        1,
                        Arbitraries.integers()
                            .between(0, 100_000)
                            .list()
                            .ofMinSize(1)
                            .ofMaxSize(3))))
            .as(
                (table, encoding, newline, quoteAll, flips) -> {
                  StringBuilder text = new StringBuilder(line(table.headings(), quoteAll));
                  for (List<String> row : table.rows()) {
                    text.append(newline).append(line(row, quoteAll));
                  }
                  byte[] bytes = encode(text.toString(), encoding);
                  for (int flip : flips) {
                    if (bytes.length > 0) {
                      bytes[flip % bytes.length] ^= (byte) (1 + flip % 255);
                    }
                  }
                  return new CsvFile(
                      "%s, %d rows, %d bytes flipped: %s"
                          .formatted(
                              encoding,
                              table.rows().size(),
                              flips.size(),
                              abbreviated(text.toString())),
                      bytes);
                });
    return Arbitraries.frequencyOf(
        Tuple.of(9, sound),
        Tuple.of(
            1,
            Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(300)
                .map(b -> new CsvFile("random bytes", b))));
  }

  /** A file's headings and rows, before it is written out. */
  record Table(List<String> headings, List<List<String>> rows) {}

  /**
   * Up to five rows under the headings: some files clean, others with a garbled cell in 20 or 4.
   */
  private Arbitrary<List<List<String>>> rows(List<String> headings) {
    return Arbitraries.of(0, 20, 4)
        .flatMap(
            garbledOneIn -> {
              List<Arbitrary<String>> cells = new ArrayList<>();
              for (String heading : headings) {
                cells.add(
                    garbledOneIn == 0
                        ? sound(heading)
                        : Arbitraries.frequencyOf(
                            Tuple.of(garbledOneIn - 1, sound(heading)), Tuple.of(1, garbled())));
              }
              int sector = headings.indexOf("分野");
              Arbitrary<List<String>> row = Combinators.combine(cells).as(List::copyOf);
              // a row in no sector is always an error: files mixing good and bad rows
              Arbitrary<List<String>> badRow =
                  row.map(
                      cellsOfRow -> {
                        List<String> bad = new ArrayList<>(cellsOfRow);
                        bad.set(sector, "存在しない分野");
                        return List.copyOf(bad);
                      });
              return (sector < 0
                      ? row
                      : Arbitraries.frequencyOf(Tuple.of(3, row), Tuple.of(1, badRow)))
                  .list()
                  .ofMaxSize(5);
            });
  }

  /** A value the column takes. */
  private Arbitrary<String> sound(String heading) {
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 99_999);
    return switch (heading) {
      case "組織コード" -> Arbitraries.oneOf(n.map(i -> "fz-" + run + "-" + i), Arbitraries.just(""));
      case "組織名" -> n.map(i -> "試験事業者 fz" + run + "-" + i + "㈱①");
      case "組織名（英語）" -> Arbitraries.oneOf(n.map(i -> "Fuzz Operator " + i), Arbitraries.just(""));
      case "分野" -> Arbitraries.of("電力", "ガス", "水道", "鉄道", "医療", "情報通信");
      case "規模" -> Arbitraries.of("大規模", "中小", "");
      case "従業員数" -> Arbitraries.of("25", "1,200", "");
      case "資本金（円）" -> Arbitraries.of("3,000,000,000", "50000000", "");
      case "都道府県" -> Arbitraries.of("岐阜県", "東京都", "");
      case "ウェブサイト" -> Arbitraries.of("https://example.jp/", "");
      case "代表メール" -> Arbitraries.of("suido@test.example", "");
      case "代表電話" -> Arbitraries.of("058-000-0001", "");
      case "セプター" -> Arbitraries.just("");
      case "サービス" -> Arbitraries.of("配水管の維持管理", "発電;送配電", "");
      default -> Arbitraries.strings().ofMaxLength(10);
    };
  }

  /** A value no column takes, or one that breaks the file's shape. */
  private Arbitrary<String> garbled() {
    return Arbitraries.oneOf(
        Arbitraries.of("存在しない分野", "巨大", "-3", "1e9", "３００", "99999999999999999999", "どこか"),
        Arbitraries.of("javascript:alert(1)", "not-mail", "=cmd|' /C calc'!A0", "\"quoted\""),
        Arbitraries.of("a,b", "line\nbreak", "\u0000", "\uFEFF", "\"", "\r"),
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.integers().between(300, 3_000).map("長"::repeat));
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
