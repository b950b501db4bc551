package org.mamori.exchange.internal.misp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mamori.shared.Tlp;
import tools.jackson.databind.JsonNode;

/**
 * A MISP Tag list read as STIX: the tlp taxonomy becomes one TLP level (the strictest when there
 * are several), every other tag a label. Tags MISP itself would not share (local ones, or ones not
 * exportable) stay behind; TLP tags always count, as they can only restrict.
 */
record MispTags(Optional<Tlp> tlp, List<String> labels) {

  private static final Map<String, Tlp> TLP_TAGS =
      Map.of(
          "tlp:white", Tlp.CLEAR,
          "tlp:clear", Tlp.CLEAR,
          "tlp:green", Tlp.GREEN,
          "tlp:amber", Tlp.AMBER,
          "tlp:amber+strict", Tlp.AMBER_STRICT,
          "tlp:red", Tlp.RED);

  static MispTags of(JsonNode holder) {
    Tlp strictest = null;
    List<String> labels = new ArrayList<>();
    for (JsonNode tag : MispFields.list(holder, "Tag")) {
      String name = MispFields.text(tag, "name");
      Tlp level = TLP_TAGS.get(name.toLowerCase(Locale.ROOT));
      if (level != null) {
        strictest = strictest == null || level.isStricterThan(strictest) ? level : strictest;
      } else if (!name.isEmpty() && shared(tag)) {
        labels.add(name);
      }
    }
    return new MispTags(Optional.ofNullable(strictest), List.copyOf(labels));
  }

  /** The tlp taxonomy tag MISP writes for a level. */
  static String tagOf(Tlp tlp) {
    return "tlp:" + tlp.name().toLowerCase(Locale.ROOT).replace('_', '+');
  }

  private static boolean shared(JsonNode tag) {
    return !MispFields.flag(tag, "local")
        && !MispFields.text(tag, "exportable").equalsIgnoreCase("false")
        && !MispFields.text(tag, "exportable").equals("0");
  }
}
