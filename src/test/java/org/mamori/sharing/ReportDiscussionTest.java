package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Comments and files on a report reach the same people the report does, under their marking. */
@MamoriTest
class ReportDiscussionTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;

  RequestPostProcessor reporter;
  RequestPostProcessor ministry;
  RequestPostProcessor elsewhere;
  String reference;

  @BeforeEach
  void aReportThatReachedTheMinistry() throws Exception {
    reporter = SignIn.as(mvc, "operator@demo.example");
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    ministry = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);
    TestPeople.TestPerson other = people.create("asahino-power", "reporter");
    elsewhere = SignIn.as(mvc, other.email(), TestPeople.PASSWORD);
    reference = ReportRequests.reference(new ReportRequests(mvc).file(reporter, "添付の確認用", "AMBER"));
  }

  @Test
  void aCommentFromTheMinistryIsReadByTheReporter() throws Exception {
    mvc.perform(
            post("/reports/" + reference + "/comments")
                .with(ministry)
                .with(csrf())
                .param("text", "同種の事案を確認中です。ログの提供をお願いします。")
                .param("tlp", "AMBER_STRICT"))
        .andExpect(status().is3xxRedirection());
    Document page = Pages.get(mvc, reporter, "/reports/" + reference);
    assertThat(page.select("#discussion").text())
        .contains("同種の事案を確認中です。ログの提供をお願いします。", "TLP:AMBER+STRICT", "国土交通省");
  }

  @Test
  void aFileIsJudgedByItsContentAndDownloadedAsAnAttachmentOnlyByThoseWhoMayRead()
      throws Exception {
    byte[] log =
        "2026-11-26 09:12 login failed admin from 198.51.100.7\n".getBytes(StandardCharsets.UTF_8);
    mvc.perform(
            multipart("/reports/" + reference + "/attachments")
                .file(
                    new MockMultipartFile(
                        "file", "..\\..\\認証ログ.txt", "application/x-msdownload", log))
                .param("tlp", "AMBER")
                .with(reporter)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    Document page = Pages.get(mvc, ministry, "/reports/" + reference);
    String link = page.select("#discussion a:contains(認証ログ.txt)").attr("href");
    assertThat(link).startsWith("/reports/" + reference + "/attachments/");

    MockHttpServletResponse download =
        mvc.perform(get(link).with(ministry)).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(download.getContentType()).startsWith("text/plain");
    assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
    assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getContentAsByteArray()).isEqualTo(log);

    mvc.perform(get(link).with(elsewhere)).andExpect(status().isForbidden());
  }

  @Test
  void aProgramFileIsRefusedWhateverItsName() throws Exception {
    byte[] program = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    String problem =
        mvc.perform(
                multipart("/reports/" + reference + "/attachments")
                    .file(new MockMultipartFile("file", "report.pdf", "application/pdf", program))
                    .param("tlp", "AMBER")
                    .with(reporter)
                    .with(csrf()))
            .andReturn()
            .getFlashMap()
            .get("problem")
            .toString();
    assertThat(problem).isEqualTo("attachment.type");
    assertThat(Pages.get(mvc, reporter, "/reports/" + reference).select("#discussion").text())
        .doesNotContain("report.pdf");
  }

  @Test
  void someoneTheReportDidNotReachCannotComment() throws Exception {
    mvc.perform(
            post("/reports/" + reference + "/comments")
                .with(elsewhere)
                .with(csrf())
                .param("text", "横から失礼します")
                .param("tlp", "AMBER"))
        .andExpect(status().isForbidden());
  }
}
