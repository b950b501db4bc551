package org.mamori.exchange.internal.misp;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One report as a MISP event.
 *
 * @param event {@code {"Event": {...}}}, as MISP's REST API and feeds write it
 * @param problems the STIX objects that have no MISP counterpart and were left out
 */
public record MispExportResult(ObjectNode event, List<MispProblem> problems) {

  public MispExportResult {
    problems = List.copyOf(problems);
  }
}
