package org.mamori.exchange.internal.misp;

import java.util.List;

/** The input is not a MISP event (or feed) at all, so nothing of it is imported. */
public class MispFormatException extends RuntimeException {

  private final transient MispProblem problem;

  MispFormatException(String subject, MispReason reason, String... arguments) {
    super(reason.messageKey() + " " + List.of(arguments));
    this.problem = MispProblem.of(subject, reason, arguments);
  }

  public MispProblem problem() {
    return problem;
  }
}
