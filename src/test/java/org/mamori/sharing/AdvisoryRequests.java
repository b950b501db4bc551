package org.mamori.sharing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.shared.SectorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Issues advisories through the browser form, as liaisons do. */
public final class AdvisoryRequests {

  private AdvisoryRequests() {}

  /** An advisory with the required answers, for no audience yet: add one with the params. */
  public static MockHttpServletRequestBuilder advisory(String title, String tlp) {
    return advisory(title, "VPN 機器の認証回避の脆弱性を悪用する攻撃を確認しています。更新を適用してください。", tlp);
  }

  public static MockHttpServletRequestBuilder advisory(String title, String body, String tlp) {
    return post("/advisories")
        .with(csrf())
        .param("title", title)
        .param("body", body)
        .param("tlp", tlp);
  }

  /** A deadline for acknowledging receipt, as the date-time field gives it (Japan time). */
  public static String inDays(int days) {
    return ReportRequests.FIELD.format(LocalDateTime.now(ZoneId.of("Asia/Tokyo")).plusDays(days));
  }

  public static String sector(Directory directory, String code) {
    return directory.sectors().stream()
        .filter(s -> s.code().equals(code))
        .map(s -> s.id())
        .map(SectorId::toString)
        .findFirst()
        .orElseThrow();
  }

  /** The reference an issue redirected to. */
  public static String reference(ResultActions issued) {
    @Nullable String location = issued.andReturn().getResponse().getRedirectedUrl();
    if (location == null || !location.startsWith("/advisories/A")) {
      throw new AssertionError("the advisory was not issued; redirected to " + location);
    }
    return location.substring("/advisories/".length());
  }

  static UUID id(JdbcClient jdbc, String reference) {
    return jdbc.sql("select id from advisory where reference = :reference")
        .param("reference", reference)
        .query(UUID.class)
        .single();
  }
}
