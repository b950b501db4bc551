package org.mamori.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.SessionFixationProtectionStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Changes what a browser session is signed in as, outside Spring Security's own login filters. */
@Component
class SessionSignIns {

  private final SecurityContextRepository contexts;

  SessionSignIns(SecurityContextRepository contexts) {
    this.contexts = contexts;
  }

  /**
   * Puts the authentication into a new session (the old one ends), so a session id known before the
   * step (session fixation) is worth nothing after it. A new session, not a new id: with sessions
   * in the database, a request still holding the old session would write its old id back.
   */
  void replace(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    new SessionFixationProtectionStrategy().onAuthentication(authentication, request, response);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  /** Ends the session, as signing out does. */
  void signOut(HttpServletRequest request, HttpServletResponse response) {
    new SecurityContextLogoutHandler()
        .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
  }
}
