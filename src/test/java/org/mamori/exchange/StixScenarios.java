package org.mamori.exchange;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jsoup.Jsoup;
import org.mamori.directory.Directory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Reports and advisories made through the browser forms, as people make them. */
final class StixScenarios {

  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final MockMvc mvc;

  StixScenarios(MockMvc mvc) {
    this.mvc = mvc;
  }

  /**
   * A case of three versions: a GREEN first report and follow-up, then a final report marked {@code
   * finalMarking}; indicators of several kinds.
   */
  String reportWithThreeVersions(RequestPostProcessor reporter, String summary, String finalMarking)
      throws Exception {
    String location =
        mvc.perform(
                version("/reports", "FIRST", summary, "unavailable", "stopped", "GREEN")
                    .param("indicators", "198.51.100.7\nhxxp://bad[.]example/login")
                    .with(reporter))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    if (location == null || !location.startsWith("/reports/R")) {
      throw new AssertionError("the report was not filed; redirected to " + location);
    }
    String reference = location.substring("/reports/".length());
    addVersion(
        reporter,
        reference,
        version(
                versions(reference),
                "FOLLOW_UP",
                summary + " 続報",
                "leak",
                "information-leaked",
                "GREEN")
            .param("indicators", "198.51.100.7\nevil.example\nattacker@evil.example")
            .param("details", "顧客情報が外に出たおそれがあります。"));
    addVersion(
        reporter,
        reference,
        version(
                versions(reference),
                "FINAL",
                summary + " 最終報",
                "leak",
                "information-leaked",
                finalMarking)
            .param("indicators", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            .param("responseStatus", "RECOVERED"));
    return reference;
  }

  /** A sanitised release of the report, to every sector, by a liaison who may publish one. */
  String sanitisedRelease(
      RequestPostProcessor liaison, String report, String title, Directory directory)
      throws Exception {
    MockHttpServletRequestBuilder release =
        post("/advisories")
            .with(csrf())
            .param("title", title)
            .param("body", "電力分野の事業者から、情報漏えいのおそれの報告がありました。")
            .param("indicators", "198.51.100.7\nevil.example")
            .param("tlp", "GREEN")
            .param("sourceReport", report);
    directory.sectors().forEach(s -> release.param("sectors", s.id().toString()));
    return advisoryReference(release.with(liaison));
  }

  /** An advisory to everyone, asking for acknowledgement within a week. */
  String advisory(RequestPostProcessor liaison, String title) throws Exception {
    return advisoryReference(
        post("/advisories")
            .with(csrf())
            .param("title", title)
            .param("body", "VPN 機器の脆弱性を悪用する攻撃を確認しています。\n更新を適用してください。")
            .param("indicators", "203.0.113.9\nhxxps://update-vpn[.]example/fix")
            .param("tlp", "GREEN")
            .param("everyone", "true")
            .param(
                "acknowledgeBy",
                FIELD.format(LocalDateTime.now(ZoneId.of("Asia/Tokyo")).plusDays(7)))
            .with(liaison));
  }

  private String advisoryReference(MockHttpServletRequestBuilder request) throws Exception {
    String location = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
    if (location == null || !location.startsWith("/advisories/A")) {
      throw new AssertionError("the advisory was not issued; redirected to " + location);
    }
    return location.substring("/advisories/".length());
  }

  private void addVersion(
      RequestPostProcessor reporter, String reference, MockHttpServletRequestBuilder version)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(version.with(reporter)).andReturn().getResponse();
    if (!("/reports/" + reference).equals(response.getRedirectedUrl())) {
      throw new AssertionError(
          "the version was not added to "
              + reference
              + ": "
              + response.getStatus()
              + " "
              + Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
                  .select("main")
                  .text());
    }
  }

  private static String versions(String reference) {
    return "/reports/" + reference + "/versions";
  }

  private static MockHttpServletRequestBuilder version(
      String path, String stage, String summary, String eventType, String impact, String tlp) {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    return post(path)
        .with(csrf())
        .param("stage", stage)
        .param("summary", summary)
        .param("eventType", eventType)
        .param("occurredAt", FIELD.format(now.minusHours(2)))
        .param("detectedAt", FIELD.format(now.minusHours(1)))
        .param("impact", impact)
        .param("causes", "unknown")
        .param("tlp", tlp)
        .param("_emergency", "on");
  }
}
