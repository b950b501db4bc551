package org.mamori.exchange.internal.web;

import java.util.List;
import java.util.Locale;
import org.mamori.exchange.internal.misp.MispProblem;
import org.springframework.context.MessageSource;

/**
 * A piece of MISP data that did not travel, in plain words.
 *
 * @param subject the uuid or file name of what did not travel; blank when it is the whole upload
 * @param code the message key, for programs
 * @param message what happened, in the reader's language
 */
record MispProblemText(String subject, String code, String message) {

  static List<MispProblemText> of(
      List<MispProblem> problems, MessageSource messages, Locale locale) {
    return problems.stream()
        .map(
            problem ->
                new MispProblemText(
                    problem.subject(),
                    problem.messageKey(),
                    messages.getMessage(
                        problem.messageKey(), problem.arguments().toArray(), locale)))
        .toList();
  }
}
