package org.mamori.exchange.internal.stix;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mamori.shared.Tlp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * TLP in STIX 2.1. Mamori always writes the OASIS TLP 2.0 marking-definitions (fixed ids, property
 * extension {@value #TLP2_EXTENSION}); on input it also understands the STIX 2.1 predefined TLP 1.0
 * markings and OpenCTI's own AMBER+STRICT, so every marking seen in the wild lands on one level.
 */
public final class TlpMarkings {

  public static final String TLP2_EXTENSION =
      "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

  /** When OASIS published the TLP 2.0 marking-definitions: their {@code created}. */
  public static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";

  private static final Map<Tlp, String> TLP2_IDS = new EnumMap<>(Tlp.class);
  private static final Map<String, Tlp> ACCEPTED =
      Map.ofEntries(
          // TLP 2.0 (OASIS)
          Map.entry("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp.CLEAR),
          Map.entry("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.GREEN),
          Map.entry("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp.AMBER),
          Map.entry("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.AMBER_STRICT),
          Map.entry("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp.RED),
          // TLP 1.0 (STIX 2.1 predefined): WHITE is TLP 2.0's CLEAR
          Map.entry("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR),
          Map.entry("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN),
          Map.entry("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER),
          Map.entry("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED),
          // OpenCTI's own AMBER+STRICT, from before OASIS published one
          Map.entry("marking-definition--826578e1-40ad-459f-bc73-ede076f81f37", Tlp.AMBER_STRICT));

  static {
    TLP2_IDS.put(Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    TLP2_IDS.put(Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
    TLP2_IDS.put(Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
    TLP2_IDS.put(Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
    TLP2_IDS.put(Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
  }

  private TlpMarkings() {}

  /** The OASIS TLP 2.0 marking-definition id Mamori writes for a level. */
  public static String idOf(Tlp tlp) {
    return TLP2_IDS.get(tlp);
  }

  /** The level a marking-definition id stands for, if it is a TLP marking Mamori knows. */
  public static Optional<Tlp> levelOf(String markingDefinitionId) {
    return Optional.ofNullable(ACCEPTED.get(markingDefinitionId));
  }

  /**
   * The level a marking-definition's content names: a TLP 2.0 {@code tlp_2_0} value ({@code
   * "amber+strict"}) or a TLP 1.0 {@code definition.tlp} value, where {@code "white"} is CLEAR.
   */
  public static Optional<Tlp> levelNamed(String word) {
    return switch (word) {
      case "clear", "white" -> Optional.of(Tlp.CLEAR);
      case "green" -> Optional.of(Tlp.GREEN);
      case "amber" -> Optional.of(Tlp.AMBER);
      case "amber+strict" -> Optional.of(Tlp.AMBER_STRICT);
      case "red" -> Optional.of(Tlp.RED);
      default -> Optional.empty();
    };
  }

  /**
   * The strictest TLP level among an object's marking references; empty when none of them is a TLP
   * marking (the caller then applies its collection's default, never CLEAR).
   */
  public static Optional<Tlp> strictestOf(Iterable<String> markingRefs) {
    Tlp strictest = null;
    for (String ref : markingRefs) {
      Tlp level = ACCEPTED.get(ref);
      if (level != null && (strictest == null || level.isStricterThan(strictest))) {
        strictest = level;
      }
    }
    return Optional.ofNullable(strictest);
  }

  /** The OASIS TLP 2.0 marking-definition object for a level, as Mamori includes it in bundles. */
  public static ObjectNode definition(JsonMapper json, Tlp tlp) {
    ObjectNode definition = json.createObjectNode();
    definition.put("type", "marking-definition");
    definition.put("spec_version", "2.1");
    definition.put("id", idOf(tlp));
    definition.put("created", TLP2_CREATED);
    definition.put("name", tlp.label());
    ObjectNode extension = definition.putObject("extensions").putObject(TLP2_EXTENSION);
    extension.put("extension_type", "property-extension");
    extension.put("tlp_2_0", tlp.name().toLowerCase(Locale.ROOT).replace('_', '+'));
    return definition;
  }
}
