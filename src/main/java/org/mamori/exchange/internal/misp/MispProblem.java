package org.mamori.exchange.internal.misp;

import java.util.List;

/**
 * One piece of MISP or STIX data that did not travel, and why; never silently dropped.
 *
 * @param subject the uuid or STIX id of what did not travel (an attribute, an object, an event)
 * @param reason why, with its message key
 * @param arguments the message's arguments, in the order {@link MispReason} lists them
 */
public record MispProblem(String subject, MispReason reason, List<String> arguments) {

  public MispProblem {
    arguments = List.copyOf(arguments);
  }

  static MispProblem of(String subject, MispReason reason, String... arguments) {
    return new MispProblem(subject, reason, List.of(arguments));
  }

  public String messageKey() {
    return reason.messageKey();
  }
}
