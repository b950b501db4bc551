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
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.mamori.FuzzTries;
import org.mamori.FuzzTries.Gen;
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
class OperatorImportFuzzTest {

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

  @Test
  void aFileIsRefusedWithAReasonOrImportedWhollyAsChecked() {
    FuzzTries.check(8, this::file, this::refusedOrImportedAsChecked);
  }

  private void refusedOrImportedAsChecked(CsvFile file) throws Exception {
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

  /** A file as an administrator might send it: mostly a table written out, at times junk. */
  private CsvFile file(Gen g) {
    if (g.weighted(9, 1) == 1) {
      g.label("random bytes");
      return new CsvFile("random bytes", g.bytes(300));
    }
    List<String> headings =
        switch (g.weighted(6, 2, 1)) {
          case 0 -> g.shuffled(HEADINGS);
          case 1 -> g.list(1, 14, gen -> gen.pick(HEADINGS));
          default -> g.list(1, 5, gen -> gen.string(12));
        };
    List<List<String>> rows = rows(g, headings);
    String encoding =
        List.of("UTF-8", "UTF-8 BOM", "Windows-31J", "UTF-16LE").get(g.weighted(4, 2, 2, 1));
    String newline = g.of("\n", "\r\n", "\r");
    boolean quoteAll = g.bool();
    List<Integer> flips =
        g.weighted(5, 1) == 0 ? List.of() : g.list(1, 3, gen -> gen.between(0, 100_000));
    g.label(encoding);
    StringBuilder text = new StringBuilder(line(headings, quoteAll));
    for (List<String> row : rows) {
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
            .formatted(encoding, rows.size(), flips.size(), abbreviated(text.toString())),
        bytes);
  }

  /**
   * Up to five rows under the headings: some files clean, others with a garbled cell in 20 or 4.
   */
  private List<List<String>> rows(Gen g, List<String> headings) {
    int garbledOneIn = g.of(0, 20, 4);
    int sector = headings.indexOf("分野");
    return g.list(
        0,
        5,
        gen -> {
          List<String> row = new ArrayList<>();
          for (String heading : headings) {
            boolean garble = garbledOneIn != 0 && gen.weighted(garbledOneIn - 1, 1) == 1;
            row.add(garble ? garbled(gen) : sound(gen, heading));
          }
          // a row in no sector is always an error: files mixing good and bad rows
          if (sector >= 0 && gen.weighted(3, 1) == 1) {
            row.set(sector, "存在しない分野");
          }
          return List.copyOf(row);
        });
  }

  /** A value the column takes. */
  private String sound(Gen g, String heading) {
    int n = g.between(0, 99_999);
    return switch (heading) {
      case "組織コード" -> g.bool() ? "fz-" + run + "-" + n : "";
      case "組織名" -> "試験事業者 fz" + run + "-" + n + "㈱①";
      case "組織名（英語）" -> g.bool() ? "Fuzz Operator " + n : "";
      case "分野" -> g.of("電力", "ガス", "水道", "鉄道", "医療", "情報通信");
      case "規模" -> g.of("大規模", "中小", "");
      case "従業員数" -> g.of("25", "1,200", "");
      case "資本金（円）" -> g.of("3,000,000,000", "50000000", "");
      case "都道府県" -> g.of("岐阜県", "東京都", "");
      case "ウェブサイト" -> g.of("https://example.jp/", "");
      case "代表メール" -> g.of("suido@test.example", "");
      case "代表電話" -> g.of("058-000-0001", "");
      case "セプター" -> "";
      case "サービス" -> g.of("配水管の維持管理", "発電;送配電", "");
      default -> g.string(10);
    };
  }

  /** A value no column takes, or one that breaks the file's shape. */
  private static String garbled(Gen g) {
    return switch (g.between(0, 4)) {
      case 0 -> g.of("存在しない分野", "巨大", "-3", "1e9", "３００", "99999999999999999999", "どこか");
      case 1 -> g.of("javascript:alert(1)", "not-mail", "=cmd|' /C calc'!A0", "\"quoted\"");
      case 2 -> g.of("a,b", "line\nbreak", "\u0000", "\uFEFF", "\"", "\r");
      case 3 -> g.string(20);
      default -> "長".repeat(g.between(300, 3_000));
    };
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
