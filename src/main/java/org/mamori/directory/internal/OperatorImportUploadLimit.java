package org.mamori.directory.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the import page explain a file beyond the web server's upload limit. The server refuses to
 * read such a request's form fields at all, so the CSRF check (which reads one) would fail first
 * and the person would see "forbidden". This filter, ahead of Spring Security, notices the refusal
 * and offers only the address's parameters (the form puts its CSRF token there too); the upload
 * itself still fails, inside the import controller, which says "too large".
 */
@Component
class OperatorImportUploadLimit extends OncePerRequestFilter implements Ordered {

  static final String PATH = "/directory/import";

  @Override
  public int getOrder() {
    // Before Spring Security's filter chain (order -100 in Spring Boot).
    return -110;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return !"POST".equals(request.getMethod())
        || !(request.getContextPath() + PATH).equals(request.getRequestURI())
        || contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest passed = request;
    try {
      request.getParts();
    } catch (IllegalStateException failure) {
      if (!isSizeLimit(failure)) {
        throw failure;
      }
      passed = new AddressParametersOnly(request, failure);
    }
    chain.doFilter(passed, response);
  }

  /** Recognises the server's size refusal the way Spring's multipart support does. */
  private static boolean isSizeLimit(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message =
          cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("exceed") && message.contains("size")) {
        return true;
      }
    }
    return false;
  }

  /** The request with the query string's parameters only; its parts fail as the server's did. */
  private static final class AddressParametersOnly extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;
    private final IllegalStateException failure;

    AddressParametersOnly(HttpServletRequest request, IllegalStateException failure) {
      super(request);
      this.parameters = queryParameters(request.getQueryString());
      this.failure = failure;
    }

    @Override
    public @Nullable String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
      return parameters.get(name);
    }

    @Override
    public Collection<Part> getParts() {
      throw new IllegalStateException(failure.getMessage(), failure);
    }

    @Override
    public Part getPart(String name) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }

    private static Map<String, String[]> queryParameters(@Nullable String query) {
      Map<String, List<String>> found = new LinkedHashMap<>();
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int equals = pair.indexOf('=');
          String name = decode(equals < 0 ? pair : pair.substring(0, equals));
          String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
          found.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
      }
      Map<String, String[]> parameters = new LinkedHashMap<>();
      found.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
      return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String text) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
  }
}
