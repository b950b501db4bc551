package org.mamori.exchange.internal.stix;

import java.util.ArrayList;
import java.util.List;

/** What validating one object found: its problems and the identifiers it refers to. */
final class Findings {

  /** A well-formed identifier found in a {@code _ref} or {@code _refs} property. */
  record Reference(Where where, String id) {}

  private final List<StixProblem> problems = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();

  void add(Where where, StixRule rule, Object... arguments) {
    problems.add(StixProblem.of(where.toString(), rule, arguments));
  }

  void add(StixProblem problem) {
    problems.add(problem);
  }

  void refersTo(Where where, String id) {
    references.add(new Reference(where, id));
  }

  List<StixProblem> problems() {
    return problems;
  }

  List<Reference> references() {
    return references;
  }
}
