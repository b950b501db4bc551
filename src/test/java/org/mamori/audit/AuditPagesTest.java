package org.mamori.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MamoriTest
class AuditPagesTest {

  @Autowired MockMvc mvc;

  @Test
  void onlyAuditorsReadVerifyOrExportTheTrail() throws Exception {
    for (String other : new String[] {SignIn.ADMIN, SignIn.ANALYST, SignIn.MINISTRY}) {
      RequestPostProcessor who = SignIn.as(mvc, other);
      mvc.perform(get("/audit").with(who)).andExpect(status().isForbidden());
      mvc.perform(get("/audit/export.csv").with(who)).andExpect(status().isForbidden());
      mvc.perform(post("/audit/verify").with(who).with(csrf())).andExpect(status().isForbidden());
    }
  }

  @Test
  void anAuditorSeesWhoSignedInAndForWhichOrganisation() throws Exception {
    SignIn.as(mvc, SignIn.MINISTRY);
    Document page = page(SignIn.as(mvc, SignIn.AUDITOR), "/audit?subjectType=person");
    assertThat(page.select("tbody").text())
        .contains("access.signed-in", "ministry@demo.example", "経済産業省");
  }

  @Test
  void verificationSaysTheChainIsIntact() throws Exception {
    String html =
        mvc.perform(post("/audit/verify").with(SignIn.as(mvc, SignIn.AUDITOR)).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(Jsoup.parse(html).select(".alert-success").text()).contains("改ざんは見つかりませんでした");
  }

  @Test
  void theCsvExportHasEveryColumnAndIsItselfAudited() throws Exception {
    RequestPostProcessor auditor = SignIn.as(mvc, SignIn.AUDITOR);
    byte[] csv =
        mvc.perform(get("/audit/export.csv?subjectType=person").with(auditor))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "\uFEFFposition,recorded_at,person,organisation,action,subject_type,subject_id,"
                + "summary,before_digest,after_digest,previous_mac,mac")
        .contains("access.signed-in", "+09:00");
    assertThat(page(auditor, "/audit?subjectType=audit-trail").select("tbody").text())
        .contains("audit.exported", "auditor@demo.example");
  }

  private Document page(RequestPostProcessor who, String url) throws Exception {
    return Pages.get(mvc, who, url);
  }
}
