package org.mamori;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs in through the real sign-in form. Sessions live in the database (Spring Session), so what a
 * test carries to later requests is the session cookie.
 */
public final class SignIn {

  /** The password of every demo person (see README). */
  public static final String DEMO_PASSWORD = "mamori-demo-2026";

  public static final String ADMIN = "admin@demo.example";
  public static final String DUTY_OFFICER = "duty@demo.example";
  public static final String ANALYST = "analyst@demo.example";
  public static final String AUDITOR = "auditor@demo.example";
  public static final String MINISTRY = "ministry@demo.example";
  public static final String CEPTOAR = "ceptoar@demo.example";

  private SignIn() {}

  public static RequestPostProcessor as(MockMvc mvc, String email) throws Exception {
    return as(mvc, email, DEMO_PASSWORD);
  }

  public static RequestPostProcessor as(MockMvc mvc, String email, String password)
      throws Exception {
    return carrying(session(mvc, email, password));
  }

  /** Requests that carry the session cookie, as the signed-in browser's do. */
  public static RequestPostProcessor carrying(Cookie session) {
    return request -> {
      request.setCookies(session);
      return request;
    };
  }

  /** The session cookie a browser keeps after signing in, for clients other than MockMvc. */
  public static Cookie session(MockMvc mvc, String email, String password) throws Exception {
    Cookie session =
        mvc.perform(post("/sign-in").param("email", email).param("password", password).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getCookie("MAMORI_SESSION");
    if (session == null) {
      throw new AssertionError("no session cookie after signing in as " + email);
    }
    return session;
  }
}
