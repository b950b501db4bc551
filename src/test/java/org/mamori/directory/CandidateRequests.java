package org.mamori.directory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.mamori.Pages;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests the candidate-review tests make again and again. */
final class CandidateRequests {

  private final MockMvc mvc;

  CandidateRequests(MockMvc mvc) {
    this.mvc = mvc;
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Adds a candidate through the form and returns its id, taken from where the form leads. */
  UUID propose(RequestPostProcessor session, String nameJa, String ministryId) throws Exception {
    String location =
        mvc.perform(
                post("/directory/candidates")
                    .with(session)
                    .with(csrf())
                    .param("nameJa", nameJa)
                    .param("nameEn", "")
                    .param("description", "")
                    .param("ministry", ministryId))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    Objects.requireNonNull(location);
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  ResultActions advance(RequestPostProcessor session, UUID id, String to, LocalDate on, String note)
      throws Exception {
    return mvc.perform(
        post("/directory/candidates/{id}/advance", id)
            .with(session)
            .with(csrf())
            .param("to", to)
            .param("on", on.toString())
            .param("note", note));
  }

  ResultActions score(
      RequestPostProcessor session, UUID id, String criterion, String score, String rationale)
      throws Exception {
    return mvc.perform(
        post("/directory/candidates/{id}/scores/{criterion}", id, criterion)
            .with(session)
            .with(csrf())
            .param("score", score)
            .param("rationale", rationale));
  }

  ResultActions withdraw(RequestPostProcessor session, UUID id, LocalDate on, String reason)
      throws Exception {
    return mvc.perform(
        post("/directory/candidates/{id}/withdraw", id)
            .with(session)
            .with(csrf())
            .param("on", on.toString())
            .param("reason", reason));
  }

  ResultActions designate(
      RequestPostProcessor session,
      UUID id,
      String code,
      String nameJa,
      LocalDate on,
      String splitFrom)
      throws Exception {
    return mvc.perform(
        post("/directory/candidates/{id}/designate", id)
            .with(session)
            .with(csrf())
            .param("code", code)
            .param("nameJa", nameJa)
            .param("nameEn", "")
            .param("on", on.toString())
            .param("splitFrom", splitFrom)
            .param("noteJa", "分野追加の検討を経て指定")
            .param("noteEn", ""));
  }

  Document page(RequestPostProcessor session, String url, Object... variables) throws Exception {
    return Pages.get(mvc, session, url, variables);
  }

  static Document html(ResultActions result) throws Exception {
    return Jsoup.parse(
        result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }
}
