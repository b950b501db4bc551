package org.mamori.exchange.internal.taxii;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A TAXII request refused with an HTTP status and a reason (a message key in the taxii bundle),
 * answered as a TAXII error message in the client's language.
 */
class TaxiiException extends RuntimeException {

  private final HttpStatus status;
  private final String messageKey;
  private final List<Object> arguments;

  TaxiiException(HttpStatus status, String messageKey, Object... arguments) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  HttpStatus status() {
    return status;
  }

  String messageKey() {
    return messageKey;
  }

  Object[] arguments() {
    return arguments.toArray();
  }

  static TaxiiException badRequest(String messageKey, Object... arguments) {
    return new TaxiiException(HttpStatus.BAD_REQUEST, messageKey, arguments);
  }

  static TaxiiException notFound(String messageKey, Object... arguments) {
    return new TaxiiException(HttpStatus.NOT_FOUND, messageKey, arguments);
  }

  static TaxiiException forbidden(String messageKey, Object... arguments) {
    return new TaxiiException(HttpStatus.FORBIDDEN, messageKey, arguments);
  }
}
