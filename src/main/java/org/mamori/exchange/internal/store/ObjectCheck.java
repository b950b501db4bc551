package org.mamori.exchange.internal.store;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a posted STIX object may be stored. The TAXII server stores an object only when
 * this finds nothing wrong with it, and records the problems as the object's failure otherwise.
 */
public interface ObjectCheck {

  /**
   * What is wrong with the object, in plain words in the current request's language; empty when it
   * may be stored.
   */
  List<String> problems(JsonNode object);
}
