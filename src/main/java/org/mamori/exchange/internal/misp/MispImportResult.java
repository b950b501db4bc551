package org.mamori.exchange.internal.misp;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MISP event as STIX 2.1.
 *
 * @param eventUuid the MISP event's uuid, also the uuid of its report or grouping
 * @param modified the event's MISP timestamp: the version this import is
 * @param objects every STIX object of the event, ready for validation and the store; the TLP
 *     marking-definitions and extension definitions it refers to included
 * @param problems what could not be mapped, one entry per attribute or object; the rest imports
 */
public record MispImportResult(
    String eventUuid, Instant modified, List<ObjectNode> objects, List<MispProblem> problems) {

  public MispImportResult {
    objects = List.copyOf(objects);
    problems = List.copyOf(problems);
  }
}
