package org.mamori.sharing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Files reports through the browser form, as people do. */
public final class ReportRequests {

  public static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final MockMvc mvc;

  ReportRequests(MockMvc mvc) {
    this.mvc = mvc;
  }

  /** A first report with the six required answers and the marking given. */
  ResultActions file(RequestPostProcessor who, String summary, String tlp) throws Exception {
    return mvc.perform(firstReport(summary, tlp).with(who));
  }

  public static MockHttpServletRequestBuilder firstReport(String summary, String tlp) {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    return post("/reports")
        .with(csrf())
        .param("stage", "FIRST")
        .param("summary", summary)
        .param("eventType", "unavailable")
        .param("occurredAt", FIELD.format(now.minusHours(2)))
        .param("detectedAt", FIELD.format(now.minusHours(1)))
        .param("impact", "degraded")
        .param("causes", "unknown")
        .param("tlp", tlp)
        .param("indicators", "198.51.100.7\nhxxp://bad[.]example/login")
        .param("_emergency", "on");
  }

  /** The reference a filing redirected to. */
  public static String reference(ResultActions filed) {
    String location = filed.andReturn().getResponse().getRedirectedUrl();
    if (location == null || !location.startsWith("/reports/R")) {
      throw new AssertionError("the report was not filed; redirected to " + location);
    }
    return location.substring("/reports/".length());
  }
}
