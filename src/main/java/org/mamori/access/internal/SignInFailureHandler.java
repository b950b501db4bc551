package org.mamori.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page with the reason in plain words and the e-mail address still filled in
 * (kept in the session, never in the URL).
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

  static final String LAST_EMAIL = "mamori.sign-in.email";

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    String email = request.getParameter("email");
    if (email != null) {
      request.getSession().setAttribute(LAST_EMAIL, email.strip());
    }
    String reason = "error";
    if (failure instanceof LockedException locked) {
      reason = "locked=" + URLEncoder.encode(locked.getMessage(), StandardCharsets.UTF_8);
    } else if (failure instanceof DisabledException) {
      reason = "disabled";
    }
    response.sendRedirect(request.getContextPath() + "/sign-in?" + reason);
  }
}
