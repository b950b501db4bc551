package org.mamori.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals on the machine side as RFC 9457 problem documents (under {@code /taxii2/} as TAXII 2.1
 * error messages, which TAXII clients expect), with the challenges a client needs (RFC 6750 Bearer,
 * RFC 7617 Basic) on a 401.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "mamori";
  static final String TAXII = "application/taxii+json;version=2.1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    unauthorized(
        request,
        response,
        false,
        "A personal API token is required: send \"Authorization: Bearer mmr_...\".");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    forbidden(
        request,
        response,
        "The token's person may not do this for the organisation the token acts for.");
  }

  /**
   * @param tokenRejected a credential was presented but not accepted (RFC 6750 {@code
   *     invalid_token})
   */
  void unauthorized(
      HttpServletRequest request,
      HttpServletResponse response,
      boolean tokenRejected,
      String detail)
      throws IOException {
    response.addHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        "Bearer realm=\"" + REALM + "\"" + (tokenRejected ? ", error=\"invalid_token\"" : ""));
    response.addHeader(
        HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    write(request, response, HttpStatus.UNAUTHORIZED, detail);
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, detail);
  }

  private static boolean isTaxii(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/taxii2") || path.startsWith("/taxii2/");
  }

  private static void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    if (isTaxii(request)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("title", status.getReasonPhrase());
      error.put("description", detail);
      error.put("http_status", Integer.toString(status.value()));
      response.setStatus(status.value());
      response.setContentType(TAXII);
      response.getOutputStream().write(JSON.writeValueAsBytes(error));
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
