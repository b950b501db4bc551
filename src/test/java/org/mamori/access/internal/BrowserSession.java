package org.mamori.access.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One browser over MockMvc: it keeps the session cookie and follows it when the session id changes
 * (as it does at each step of signing in), like a real browser.
 */
final class BrowserSession {

  private final MockMvc mvc;
  private Cookie session;

  BrowserSession(MockMvc mvc) {
    this.mvc = mvc;
  }

  /** Posts the sign-in form; the result says where it sends the browser next. */
  MvcResult signIn(String email, String password) throws Exception {
    return post("/sign-in", "email", email, "password", password);
  }

  /** Gets an address as given, already encoded (as in a redirect), like a browser does. */
  MvcResult get(String url) throws Exception {
    return perform(MockMvcRequestBuilders.get(URI.create(url)));
  }

  /** Posts a form with a CSRF token; {@code fields} are name, value, name, value, … */
  MvcResult post(String url, String... fields) throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.post(URI.create(url)).with(csrf());
    for (int i = 0; i < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    return perform(request);
  }

  /** A page that must render (200, HTML), parsed. */
  Document page(String url) throws Exception {
    MvcResult result = get(url);
    if (result.getResponse().getStatus() != 200) {
      throw new AssertionError(
          url
              + " answered "
              + result.getResponse().getStatus()
              + " "
              + result.getResponse().getRedirectedUrl());
    }
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  /**
   * The id of the server-side session the browser's cookie names (the cookie holds it in base64).
   */
  String sessionId() {
    return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
  }

  static Document html(MvcResult result) throws Exception {
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
    if (session != null) {
      request.cookie(session);
    }
    MvcResult result = mvc.perform(request).andReturn();
    Cookie changed = result.getResponse().getCookie("MAMORI_SESSION");
    if (changed != null) {
      session = changed.getMaxAge() == 0 ? null : changed;
    }
    return result;
  }
}
