package org.mamori.exchange.internal.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.shared.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MispExportTest {

  private static final List<String> ATTRIBUTE_FIELDS =
      List.of("uuid", "type", "category", "value", "to_ids", "comment");
  private static final List<String> MEMBER_FIELDS =
      List.of("uuid", "object_relation", "type", "category", "value", "to_ids", "comment");

  private final MispImport mispImport = new MispImport();
  private final MispExport mispExport = new MispExport();

  @Test
  void aRoundTripKeepsEveryMappedAttributeWithItsTypeValueIdsFlagCommentCategoryAndUuid() {
    JsonNode original = MispEvents.fixture("water-phishing.json").get("Event");
    MispImportResult imported = mispImport.convert(original);

    JsonNode exported = mispExport.export(imported.objects()).event().get("Event");

    Map<String, JsonNode> attributes = byUuid(exported.get("Attribute"));
    List<String> notMapped = new ArrayList<>();
    imported.problems().forEach(problem -> notMapped.add(problem.subject()));
    for (JsonNode attribute : original.get("Attribute")) {
      String uuid = attribute.get("uuid").asString();
      if (notMapped.contains(uuid)) {
        assertThat(attributes).doesNotContainKey(uuid);
        continue;
      }
      JsonNode back = attributes.get(uuid);
      assertThat(back).as(attribute.get("type").asString()).isNotNull();
      for (String field : ATTRIBUTE_FIELDS) {
        assertThat(back.get(field).asString())
            .as(uuid + " " + field)
            .isEqualTo(attribute.get(field).asString());
      }
      assertThat(back.path("deleted").asBoolean(false))
          .as(uuid + " deleted")
          .isEqualTo(attribute.get("deleted").asBoolean());
    }
    assertThat(attributes).hasSize(original.get("Attribute").size() - 1);
  }

  @Test
  void aRoundTripKeepsEveryMappedAttributeOfEveryMappedObject() {
    JsonNode original = MispEvents.fixture("water-phishing.json").get("Event");
    MispImportResult imported = mispImport.convert(original);

    JsonNode exported = mispExport.export(imported.objects()).event().get("Event");

    Map<String, JsonNode> objects = byUuid(exported.get("Object"));
    List<String> notMapped = new ArrayList<>();
    imported.problems().forEach(problem -> notMapped.add(problem.subject()));
    for (JsonNode object : original.get("Object")) {
      String uuid = object.get("uuid").asString();
      if (notMapped.contains(uuid)) {
        assertThat(objects).doesNotContainKey(uuid);
        continue;
      }
      JsonNode back = objects.get(uuid);
      assertThat(back.get("name")).isEqualTo(object.get("name"));
      assertThat(back.get("meta-category")).isEqualTo(object.get("meta-category"));
      assertThat(back.get("template_uuid")).isEqualTo(object.get("template_uuid"));
      assertThat(back.get("template_version")).isEqualTo(object.get("template_version"));
      assertThat(back.get("comment")).isEqualTo(object.get("comment"));
      Map<String, JsonNode> members = byUuid(back.get("Attribute"));
      for (JsonNode attribute : object.get("Attribute")) {
        String memberUuid = attribute.get("uuid").asString();
        if (notMapped.contains(memberUuid)) {
          assertThat(members).doesNotContainKey(memberUuid);
          continue;
        }
        for (String field : MEMBER_FIELDS) {
          assertThat(members.get(memberUuid).get(field).asString())
              .as(object.get("name").asString() + " " + field)
              .isEqualTo(attribute.get(field).asString());
        }
        assertThat(tagNames(members.get(memberUuid))).isEqualTo(tagNames(attribute));
      }
    }
    assertThat(objects).hasSize(4);
  }

  @Test
  void aRoundTripKeepsTheLinksBetweenObjects() {
    JsonNode original = MispEvents.fixture("water-phishing.json").get("Event");

    JsonNode exported =
        mispExport.export(mispImport.convert(original).objects()).event().get("Event");

    List<String> expected = new ArrayList<>();
    for (JsonNode object : original.get("Object")) {
      for (JsonNode reference : object.path("ObjectReference")) {
        if (!reference.get("relationship_type").asString().equals("paid-to")) {
          expected.add(described(reference));
        }
      }
    }
    List<String> references = new ArrayList<>();
    for (JsonNode object : exported.get("Object")) {
      object.path("ObjectReference").forEach(reference -> references.add(described(reference)));
    }
    assertThat(references).hasSize(2).containsExactlyElementsOf(expected);
  }

  private static String described(JsonNode reference) {
    return String.join(
        " ",
        reference.get("uuid").asString(),
        reference.get("object_uuid").asString(),
        reference.get("relationship_type").asString(),
        reference.get("referenced_uuid").asString(),
        reference.get("comment").asString());
  }

  @Test
  void aRoundTripKeepsTheEventItsAuthorAndItsTlp() {
    JsonNode original = MispEvents.fixture("water-phishing.json").get("Event");

    JsonNode exported =
        mispExport.export(mispImport.convert(original).objects()).event().get("Event");

    for (String field :
        List.of(
            "uuid",
            "info",
            "date",
            "timestamp",
            "publish_timestamp",
            "threat_level_id",
            "analysis")) {
      assertThat(exported.get(field).asString())
          .as(field)
          .isEqualTo(original.get(field).asString());
    }
    assertThat(exported.get("published").asBoolean()).isTrue();
    assertThat(exported.get("Orgc").get("name")).isEqualTo(original.get("Orgc").get("name"));
    assertThat(exported.get("Orgc").get("uuid")).isEqualTo(original.get("Orgc").get("uuid"));
    assertThat(tagNames(exported))
        .containsExactly("tlp:amber", "type:OSINT", "misp-galaxy:sector=\"Water\"");
    JsonNode red = byUuid(exported.get("Attribute")).get("e6f8ed18-c7b7-4a95-a5bc-44ab02629774");
    assertThat(tagNames(red)).containsExactly("tlp:red");
    JsonNode tagged = byUuid(exported.get("Attribute")).get("919e9bc7-f4a0-4d92-a721-3dfe89328293");
    assertThat(tagNames(tagged)).containsExactly("kill-chain:Delivery");
  }

  @Test
  void theExportedEventIsOneMispImportsAgainToTheSameStix() {
    MispImportResult first = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    ObjectNode exported = mispExport.export(first.objects()).event();
    MispImportResult again = mispImport.convert(exported);

    assertThat(again.problems()).isEmpty();
    assertThat(again.objects()).containsExactlyInAnyOrderElementsOf(first.objects());
  }

  @Test
  void theEventIsForTheReceivingOrganisationOnlyAndItsPartsInherit() {
    JsonNode exported =
        mispExport
            .export(mispImport.convert(MispEvents.fixture("water-phishing.json")).objects())
            .event()
            .get("Event");

    assertThat(exported.get("distribution").asString()).isEqualTo("0");
    assertThat(exported.get("Attribute"))
        .allSatisfy(
            attribute -> assertThat(attribute.get("distribution").asString()).isEqualTo("5"));
  }

  @Test
  void aGroupingIsAnUnpublishedEventAndWithoutAMarkingThereIsNoTlpTag() {
    ObjectNode event = MispEvents.withAttribute("domain", "water-update.example", true);
    ((ObjectNode) MispEvents.eventOf(event)).put("published", false);

    JsonNode exported = mispExport.export(mispImport.convert(event).objects()).event().get("Event");

    assertThat(exported.get("published").asBoolean()).isFalse();
    assertThat(exported.has("publish_timestamp")).isFalse();
    assertThat(tagNames(exported)).isEmpty();
  }

  @Test
  void otherProducersIndicatorsBecomeTheAttributesTheirPatternsAre() {
    List<ObjectNode> stix =
        List.of(
            report(
                "indicator--0d7f4a58-6b2e-4c1a-9f3d-8e5b2a1c7d90",
                "indicator--1e8a5b69-7c3f-4d2b-8a4e-9f6c3b2d8ea1"),
            indicator(
                "indicator--0d7f4a58-6b2e-4c1a-9f3d-8e5b2a1c7d90",
                "[ipv4-addr:value = '203.0.113.9']"),
            indicator(
                "indicator--1e8a5b69-7c3f-4d2b-8a4e-9f6c3b2d8ea1",
                "[file:hashes.'SHA-256' = 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb'"
                    + " AND file:name = 'payload.bin']"));

    MispExportResult result = mispExport.export(stix);

    JsonNode attributes = result.event().get("Event").get("Attribute");
    assertThat(attributes.get(0).get("type").asString()).isEqualTo("ip-dst");
    assertThat(attributes.get(0).get("value").asString()).isEqualTo("203.0.113.9");
    assertThat(attributes.get(0).get("to_ids").asBoolean()).isTrue();
    assertThat(attributes.get(0).get("category").asString()).isEqualTo("Network activity");
    assertThat(attributes.get(0).get("uuid").asString())
        .isEqualTo("0d7f4a58-6b2e-4c1a-9f3d-8e5b2a1c7d90");
    assertThat(attributes.get(1).get("type").asString()).isEqualTo("filename|sha256");
    assertThat(attributes.get(1).get("value").asString())
        .isEqualTo("payload.bin|ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void anObservableWithMoreThanOneTypeHoldsBecomesAMispObject() {
    ObjectNode file = observable("file--2f9b6c7a-8d4e-4e3c-9b5f-a07d4c3e9fb2");
    file.put("name", "payload.bin");
    file.putObject("hashes")
        .put("MD5", "0cc175b9c0f1b6a831c399e269772661")
        .put("SHA-256", "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
    ObjectNode observed =
        stixObject("observed-data", "observed-data--3a0c7d8b-9e5f-4f4d-8c6a-b18e5d4fa0c3");
    observed.put("first_observed", "2025-11-20T12:00:00.000Z");
    observed.put("last_observed", "2025-11-20T12:00:00.000Z");
    observed.put("number_observed", 1);
    observed.putArray("object_refs").add(file.get("id").asString());

    MispExportResult result =
        mispExport.export(List.of(report(observed.get("id").asString()), observed, file));

    JsonNode object = result.event().get("Event").get("Object").get(0);
    assertThat(object.get("name").asString()).isEqualTo("file");
    assertThat(object.get("uuid").asString()).isEqualTo("3a0c7d8b-9e5f-4f4d-8c6a-b18e5d4fa0c3");
    List<String> members = new ArrayList<>();
    object
        .get("Attribute")
        .forEach(
            member ->
                members.add(
                    member.get("object_relation").asString()
                        + "="
                        + member.get("value").asString()));
    assertThat(members)
        .containsExactlyInAnyOrder(
            "filename=payload.bin",
            "md5=0cc175b9c0f1b6a831c399e269772661",
            "sha256=ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
    assertThat(object.get("Attribute"))
        .allSatisfy(member -> assertThat(member.get("to_ids").asBoolean()).isFalse());
  }

  @Test
  void whatMispCannotHoldIsListedAsAProblem() {
    ObjectNode malware = stixObject("malware", "malware--4b1d8e9c-af60-4a5e-9d7b-c29f6e5ab1d4");
    malware.put("name", "WaterBot");
    malware.put("is_family", true);
    String either = "indicator--5c2e9fad-b071-4b6f-8e8c-d3a07f6bc2e5";
    String missing = "indicator--6d3fa0be-c182-4c70-9f9d-e4b18a7cd3f6";

    MispExportResult result =
        mispExport.export(
            List.of(
                report(malware.get("id").asString(), either, missing),
                malware,
                indicator(
                    either,
                    "[ipv4-addr:value = '203.0.113.9' OR ipv4-addr:value = '203.0.113.10']")));

    assertThat(result.problems())
        .extracting(MispProblem::subject, MispProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(missing, MispReason.REFERENCE_MISSING),
            org.assertj.core.groups.Tuple.tuple(
                malware.get("id").asString(), MispReason.TYPE_NOT_EXPRESSIBLE),
            org.assertj.core.groups.Tuple.tuple(either, MispReason.PATTERN_NOT_EXPRESSIBLE));
    assertThat(result.event().get("Event").get("Attribute")).isEmpty();
  }

  @Test
  void withoutAReportThereIsNothingToExport() {
    assertThatThrownBy(
            () ->
                mispExport.export(
                    List.of(
                        indicator(
                            "indicator--0d7f4a58-6b2e-4c1a-9f3d-8e5b2a1c7d90",
                            "[url:value = 'https://x.example/']"))))
        .isInstanceOfSatisfying(
            MispFormatException.class,
            failure -> assertThat(failure.problem().reason()).isEqualTo(MispReason.NO_REPORT));
  }

  @Test
  void anAttributeMarkedOtherThanTheEventCarriesItsOwnTlpTag() {
    ObjectNode report = report("indicator--0d7f4a58-6b2e-4c1a-9f3d-8e5b2a1c7d90");
    report.putArray("object_marking_refs").add(TlpMarkings.idOf(Tlp.GREEN));
    ObjectNode indicator =
        indicator(
            "indicator--0d7f4a58-6b2e-4c1a-9f3d-8e5b2a1c7d90", "[domain-name:value = 'x.example']");
    indicator
        .putArray("object_marking_refs")
        .add("marking-definition--826578e1-40ad-459f-bc73-ede076f81f37");

    JsonNode event = mispExport.export(List.of(report, indicator)).event().get("Event");

    assertThat(tagNames(event)).containsExactly("tlp:green");
    assertThat(tagNames(event.get("Attribute").get(0))).containsExactly("tlp:amber+strict");
  }

  private static ObjectNode report(String... refs) {
    ObjectNode report = stixObject("report", "report--7e4fb1cf-d293-4d81-8a0e-f5c29b8de4a7");
    report.put("name", "Mamori の速報");
    report.put("published", "2025-11-20T12:00:00.000Z");
    for (String ref : refs) {
      report.withArrayProperty("object_refs").add(ref);
    }
    return report;
  }

  private static ObjectNode indicator(String id, String pattern) {
    ObjectNode indicator = stixObject("indicator", id);
    indicator.put("pattern", pattern);
    indicator.put("pattern_type", "stix");
    indicator.put("valid_from", "2025-11-20T12:00:00.000Z");
    return indicator;
  }

  private static ObjectNode stixObject(String type, String id) {
    ObjectNode object = MispEvents.JSON.createObjectNode();
    object.put("type", type);
    object.put("spec_version", "2.1");
    object.put("id", id);
    object.put("created", "2025-11-20T12:00:00.000Z");
    object.put("modified", "2025-11-20T12:00:00.000Z");
    return object;
  }

  private static ObjectNode observable(String id) {
    ObjectNode object = MispEvents.JSON.createObjectNode();
    object.put("type", StixIds.typeOf(id));
    object.put("spec_version", "2.1");
    object.put("id", id);
    return object;
  }

  private static Map<String, JsonNode> byUuid(JsonNode list) {
    Map<String, JsonNode> byUuid = new HashMap<>();
    list.forEach(element -> byUuid.put(element.get("uuid").asString(), element));
    return byUuid;
  }

  private static List<String> tagNames(JsonNode holder) {
    List<String> names = new ArrayList<>();
    holder.path("Tag").forEach(tag -> names.add(tag.get("name").asString()));
    return names;
  }
}
