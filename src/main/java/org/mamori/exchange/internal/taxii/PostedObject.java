package org.mamori.exchange.internal.taxii;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * An object offered to a collection: its parsed form, which is checked, and its JSON text in UTF-8,
 * which is stored. Posted over TAXII, the text is the object exactly as it came in the envelope, so
 * it need not be written out again (numbers and strings stay as the sender wrote them).
 */
public record PostedObject(JsonNode tree, byte[] json) {

  /** An object built in Mamori (a MISP import): its text is written from the tree. */
  public static PostedObject of(JsonNode tree) {
    return new PostedObject(tree, tree.toString().getBytes(StandardCharsets.UTF_8));
  }
}
