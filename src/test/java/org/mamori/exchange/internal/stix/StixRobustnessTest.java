package org.mamori.exchange.internal.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever arrives, the validator answers with problems and never throws: objects and patterns are
 * mutated at random (fixed seeds, so a failure can be replayed) and fed to it.
 */
class StixRobustnessTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int ROUNDS = 3_000;

  private final StixValidator validator = new StixValidator();

  @Test
  void mutatedObjectsGiveProblemsNeverExceptions() {
    Random random = new Random(20_260_401L);
    List<ObjectNode> originals = new ArrayList<>(StixFixtures.objects(StixFixtures.EVERY_TYPE));
    originals.addAll(StixFixtures.objects(StixFixtures.ATTACK_ICS));
    for (int round = 0; round < ROUNDS; round++) {
      ObjectNode object = originals.get(random.nextInt(originals.size())).deepCopy();
      int mutations = 1 + random.nextInt(3);
      for (int i = 0; i < mutations; i++) {
        mutate(object, random);
      }
      String seen = object.toString();
      assertThatCode(
              () -> {
                for (StixProblem problem : validator.validate(object)) {
                  assertThat(problem.reason()).as(seen).isNotBlank().doesNotContain("{0}");
                }
              })
          .as(seen)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void mutatedBundlesGiveProblemsNeverExceptions() {
    Random random = new Random(7L);
    JsonNode original = StixFixtures.bundle(StixFixtures.OASIS_EXAMPLES);
    for (int round = 0; round < 300; round++) {
      ObjectNode bundle = (ObjectNode) original.deepCopy();
      for (int i = 0; i < 5; i++) {
        mutate(bundle, random);
      }
      assertThatCode(() -> validator.validateBundle(bundle))
          .as(bundle.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void mutatedPatternsParseOrFailWithAPosition() {
    Random random = new Random(42L);
    List<String> patterns =
        StixFixtures.objects(StixFixtures.EVERY_TYPE).stream()
            .filter(object -> object.has("pattern"))
            .map(object -> object.path("pattern").asString())
            .toList();
    List<String> seeds = new ArrayList<>(patterns);
    seeds.add(
        "([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY"
            + " [x:a IN (1, 2.5, true, h'ff', b'AA==')]) WITHIN 300 SECONDS"
            + " START t'2016-06-01T01:30:00Z' STOP t'2016-06-02T01:30:00Z'");
    String alphabet = "[]()':.,*=!<>-+\\/ tbhAND OR NOT x0123456789_'\u3000\uD83D\uDE00";
    for (int round = 0; round < ROUNDS * 3; round++) {
      StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
      int edits = 1 + random.nextInt(4);
      for (int i = 0; i < edits && text.length() > 0; i++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String pattern = text.toString();
      try {
        StixPattern.parse(pattern).simpleComparisons();
      } catch (StixPatternException e) {
        assertThat(e.position()).as(pattern).isBetween(0, pattern.length());
        assertThat(e.getMessage()).as(pattern).isNotBlank();
      }
    }
  }

  /** Replaces, removes or renames something somewhere in the tree. */
  private static void mutate(ObjectNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode object && !object.isEmpty()) {
      List<String> names = new ArrayList<>(object.propertyNames());
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(4)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name + (random.nextBoolean() ? "_ref" : "_refs"), object.get(name));
        default -> object.set(name, randomValue(random, 2));
      }
    } else if (target instanceof ArrayNode array && !array.isEmpty()) {
      int index = random.nextInt(array.size());
      if (random.nextBoolean()) {
        array.remove(index);
      } else {
        array.set(index, randomValue(random, 2));
      }
    } else if (target instanceof ObjectNode object) {
      object.set("x_" + random.nextInt(100), randomValue(random, 2));
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> into) {
    if (node.isContainer()) {
      into.add(node);
      for (JsonNode child : node) {
        collectContainers(child, into);
      }
    }
  }

  private static JsonNode randomValue(Random random, int depth) {
    return switch (random.nextInt(depth > 0 ? 12 : 10)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextInt(200) - 50);
      case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
      case 4 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
      case 5 -> NODES.stringNode("");
      case 6 -> NODES.stringNode("indicator--" + java.util.UUID.randomUUID());
      case 7 -> NODES.stringNode("2024-02-30T00:00:00Z");
      case 8 -> NODES.stringNode("[ipv4-addr:value = '" + random.nextInt() + "'");
      case 9 -> NODES.stringNode(Character.toString(random.nextInt(0x30000)));
      case 10 -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          array.add(randomValue(random, depth - 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          object.set(
              List.of("type", "id", "x_a_ref", "selectors", "tlp", "objects")
                  .get(random.nextInt(6)),
              randomValue(random, depth - 1));
        }
        yield object;
      }
    };
  }
}
