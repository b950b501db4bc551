package org.mamori.exchange.internal.store;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a posted STIX object may be stored. The TAXII server stores an object only when
 * this finds nothing wrong with it, and records the problems as the object's failure otherwise.
 */
public interface ObjectCheck {

  /**
   * What is wrong with the object, in plain words in the language given; empty when it may be
   * stored. Safe to call from several threads at once.
   */
  List<String> problems(JsonNode object, Locale locale);
}
