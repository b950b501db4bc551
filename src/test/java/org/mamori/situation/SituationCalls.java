package org.mamori.situation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What tests about situations do again and again: name a sector, and open a situation by call. */
public final class SituationCalls {

  private final MockMvc mvc;
  private final JdbcClient jdbc;

  public SituationCalls(MockMvc mvc, JdbcClient jdbc) {
    this.mvc = mvc;
    this.jdbc = jdbc;
  }

  /** The sector's id by its code ({@code electricity}, {@code water}, …). */
  public UUID sector(String code) {
    return jdbc.sql("select id from sector where code = :code")
        .param("code", code)
        .query(UUID.class)
        .single();
  }

  /**
   * A duty officer's call that takes effect on their word (a level that needs one person), over the
   * sectors named by code.
   *
   * @return the situation opened
   */
  public UUID open(
      RequestPostProcessor officer, String title, String level, String reason, String... sectors)
      throws Exception {
    mvc.perform(
            post("/situations/call")
                .with(officer)
                .with(csrf())
                .param("title", title)
                .param("level", level)
                .param(
                    "sectors",
                    Arrays.stream(sectors)
                        .map(code -> sector(code).toString())
                        .toArray(String[]::new))
                .param("reason", reason))
        .andExpect(status().is3xxRedirection());
    return jdbc.sql("select id from situation where title = :title")
        .param("title", title)
        .query(UUID.class)
        .single();
  }
}
