package org.mamori;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Personal API tokens made through the account page, as a person would make one. */
public final class Tokens {

  private Tokens() {}

  /** A 30-day token acting for the organisation; returns its secret, shown once. */
  public static String create(
      MockMvc mvc, RequestPostProcessor who, String organisationId, String scope) throws Exception {
    String html =
        mvc.perform(
                post("/account/tokens")
                    .with(who)
                    .with(csrf())
                    .param("name", "test token")
                    .param("organisation", organisationId)
                    .param("scope", scope)
                    .param("days", "30"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String secret = Jsoup.parse(html).select("#secret").val();
    if (secret.isBlank()) {
      throw new AssertionError("no token was shown");
    }
    return secret;
  }
}
