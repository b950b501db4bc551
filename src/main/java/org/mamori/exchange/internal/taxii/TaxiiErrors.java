package org.mamori.exchange.internal.taxii;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every failure under {@code /taxii2/} answered as a TAXII error message with the TAXII media type,
 * whatever raised it: Mamori's own refusals, unknown paths, wrong methods, and anything unexpected
 * (500, with an error id that is also in the log).
 */
class TaxiiErrors implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(TaxiiErrors.class);

  private final MessageSource messages;

  TaxiiErrors(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * Before Spring's own resolvers (Boot's error attributes recorder aside, which answers nothing).
   */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  static boolean isTaxii(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/taxii2") || path.startsWith("/taxii2/");
  }

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request,
      HttpServletResponse response,
      @Nullable Object handler,
      Exception failure) {
    if (!isTaxii(request) || response.isCommitted()) {
      return null;
    }
    Locale locale = RequestContextUtils.getLocale(request);
    HttpStatus status;
    String description;
    String errorId = null;
    if (failure instanceof TaxiiException refusal) {
      status = refusal.status();
      description = text(refusal.messageKey(), refusal.arguments(), locale);
    } else if (failure instanceof NoResourceFoundException
        || failure instanceof NoHandlerFoundException) {
      status = HttpStatus.NOT_FOUND;
      description = text("taxii.error.notFound", new Object[0], locale);
    } else if (failure instanceof HttpRequestMethodNotSupportedException method) {
      status = HttpStatus.METHOD_NOT_ALLOWED;
      String allowed =
          method.getSupportedHttpMethods() == null
              ? ""
              : method.getSupportedHttpMethods().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining(", "));
      response.setHeader(HttpHeaders.ALLOW, allowed);
      description = text("taxii.error.method", new Object[] {request.getMethod(), allowed}, locale);
    } else if (failure instanceof AccessDeniedException) {
      status = HttpStatus.FORBIDDEN;
      description = text("taxii.error.forbidden", new Object[0], locale);
    } else {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      errorId = UUID.randomUUID().toString();
      log.error(
          "TAXII request {} {} failed (error id {})",
          request.getMethod(),
          request.getRequestURI(),
          errorId,
          failure);
      description = text("taxii.error.internal", new Object[] {errorId}, locale);
    }
    try {
      write(response, status, description, errorId);
    } catch (IOException unwritable) {
      log.warn("Could not answer a failed TAXII request: {}", unwritable.getMessage());
    }
    return new ModelAndView();
  }

  static void write(
      HttpServletResponse response, HttpStatus status, String description, @Nullable String errorId)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(TaxiiMedia.TAXII_VALUE);
    response
        .getOutputStream()
        .write(
            TaxiiJson.bytes(
                new TaxiiJson.Error(
                    status.getReasonPhrase(),
                    description,
                    errorId,
                    Integer.toString(status.value()))));
  }

  private String text(String key, Object[] arguments, Locale locale) {
    return messages.getMessage(key, arguments, locale);
  }
}
