package org.mamori.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a person whose sign-in is not complete to the step still missing: the two-step code, or
 * setting two-step sign-in up. Everyone else goes where they were heading.
 */
@Component
class TwoStepGate implements AuthenticationSuccessHandler, AccessDeniedHandler {

  static final String CODE_PAGE = "/sign-in/two-step";
  static final String SETUP_PAGE = "/account/two-step/setup";

  private final SavedRequestAwareAuthenticationSuccessHandler whereTheyWereGoing =
      new SavedRequestAwareAuthenticationSuccessHandler();
  private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, jakarta.servlet.ServletException {
    String missing = missingStep(authentication);
    if (missing != null) {
      response.sendRedirect(request.getContextPath() + missing);
      return;
    }
    whereTheyWereGoing.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, jakarta.servlet.ServletException {
    String missing = missingStep(SecurityContextHolder.getContext().getAuthentication());
    if (missing != null && !request.getRequestURI().endsWith(missing)) {
      response.sendRedirect(request.getContextPath() + missing);
      return;
    }
    forbidden.handle(request, response, denied);
  }

  private static String missingStep(Authentication authentication) {
    if (authentication == null) {
      return null;
    }
    for (var authority : authentication.getAuthorities()) {
      if (Authorities.TWO_STEP_PENDING.equals(authority.getAuthority())) {
        return CODE_PAGE;
      }
      if (Authorities.TWO_STEP_SETUP_REQUIRED.equals(authority.getAuthority())) {
        return SETUP_PAGE;
      }
    }
    return null;
  }
}
