package org.mamori.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs machine requests in with a personal API token, sent as {@code Authorization: Bearer
 * <token>} or as the password of HTTP Basic (any user name, for clients that only know Basic). A
 * request without credentials passes on as anonymous; one with a bad token is refused here.
 *
 * <p>Not a bean: Spring Boot would otherwise also run it for every browser request.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ApiTokenService tokens;
  private final ApiProblems problems;

  ApiTokenFilter(ApiTokenService tokens, ApiProblems problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiTokenService.Caller> caller = presented(header).flatMap(tokens::authenticate);
    if (caller.isEmpty()) {
      problems.unauthorized(
          request,
          response,
          true,
          "The token is unknown, expired or revoked, or its person may no longer act for its"
              + " organisation.");
      return;
    }
    boolean readOnly = caller.get().scope() == ApiTokens.Scope.READ;
    if (readOnly && !SAFE_METHODS.contains(request.getMethod())) {
      problems.forbidden(request, response, "This token may only read: use GET.");
      return;
    }
    List<String> authorities = new ArrayList<>(List.of(Authorities.MEMBER, Authorities.API_TOKEN));
    if (readOnly) {
      authorities.add(Authorities.READ_ONLY);
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        SignInCompletion.authenticated(
            caller.get().principal(), authorities.toArray(String[]::new)));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  /** The token in a Bearer header, or the password of a Basic one; empty for anything else. */
  static Optional<String> presented(String header) {
    String value = header.strip();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(value.substring(7).strip()).filter(t -> !t.isEmpty());
    }
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair =
            new String(
                Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(pair.substring(colon + 1));
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
