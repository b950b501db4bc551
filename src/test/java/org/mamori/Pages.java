package org.mamori;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Reads a page as someone, expecting it to be shown (200, HTML), for assertions with jsoup. */
public final class Pages {

  private Pages() {}

  public static Document get(MockMvc mvc, RequestPostProcessor who, String url, Object... variables)
      throws Exception {
    return Jsoup.parse(
        mvc.perform(MockMvcRequestBuilders.get(url, variables).with(who))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/html"))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
