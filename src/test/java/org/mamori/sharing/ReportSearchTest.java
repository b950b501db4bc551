package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Searching in Japanese, and exporting what one may read. */
@MamoriTest
class ReportSearchTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;

  @Test
  void searchingForAWordFindsItInsideJapaneseTextWithNoSpaces() throws Exception {
    RequestPostProcessor reporter = SignIn.as(mvc, "operator@demo.example");
    String found =
        ReportRequests.reference(
            new ReportRequests(mvc).file(reporter, "広域停電により配水ポンプが停止した件", "AMBER"));
    String other =
        ReportRequests.reference(new ReportRequests(mvc).file(reporter, "断水の予兆を検知した件", "AMBER"));
    Document results = Pages.get(mvc, reporter, "/reports?box=OURS&q=停電");
    assertThat(results.select("tbody a").eachText()).contains(found).doesNotContain(other);
    assertThat(Pages.get(mvc, reporter, "/reports?box=OURS&q=停電 配水").select("tbody a").eachText())
        .contains(found);
    assertThat(Pages.get(mvc, reporter, "/reports?box=OURS&q=停電 断水").select("tbody a").eachText())
        .doesNotContain(found, other);
  }

  @Test
  void theExportHoldsOnlyWhatTheReaderMayReadAndOpensInExcel() throws Exception {
    RequestPostProcessor reporter = SignIn.as(mvc, "operator@demo.example");
    String amber =
        ReportRequests.reference(new ReportRequests(mvc).file(reporter, "輸出確認用の非公開報告", "AMBER"));
    String green =
        ReportRequests.reference(new ReportRequests(mvc).file(reporter, "輸出確認用の共有可能な報告", "GREEN"));
    TestPeople.TestPerson other = people.create("asahino-power", "reporter");
    byte[] csv =
        mvc.perform(
                get("/reports/export.csv?box=ALL&q=輸出確認用")
                    .with(SignIn.as(mvc, other.email(), TestPeople.PASSWORD)))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("\uFEFFreference,")
        .contains(green, "TLP:GREEN")
        .doesNotContain(amber);
  }
}
