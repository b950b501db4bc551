package org.mamori.exchange.internal.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mamori.exchange.internal.stix.StixFixtures.example;
import static org.mamori.exchange.internal.stix.StixFixtures.exampleWithId;
import static org.mamori.exchange.internal.stix.StixFixtures.objects;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mamori.shared.Tlp;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class StixValidatorTest {

  private static final String TLP2_AMBER =
      "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
  private static final String TLP1_GREEN =
      "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

  private final StixValidator validator = new StixValidator();

  // ---------------------------------------------------------------- valid content passes

  @ParameterizedTest
  @ValueSource(
      strings = {StixFixtures.EVERY_TYPE, StixFixtures.ATTACK_ICS, StixFixtures.OASIS_EXAMPLES})
  void everyObjectOfTheFixturesIsValid(String fixture) {
    for (ObjectNode object : objects(fixture)) {
      assertThat(validator.validate(object)).as(object.path("id").stringValue()).isEmpty();
    }
  }

  @Test
  void theFixturesHaveAValidExampleOfEveryStixType() {
    Set<String> types = new HashSet<>();
    objects(StixFixtures.EVERY_TYPE).forEach(object -> types.add(object.path("type").asString()));
    assertThat(types)
        .containsAll(StixCatalogue.DOMAIN_TYPES)
        .containsAll(StixCatalogue.OBSERVABLE_TYPES)
        .contains(
            "relationship",
            "sighting",
            "marking-definition",
            "language-content",
            "extension-definition");
  }

  @Test
  void openVocabulariesAcceptValuesTheSpecificationDoesNotList() {
    ObjectNode indicator = example("indicator");
    indicator.putArray("indicator_types").add("made-up-type");
    ObjectNode yara = example("indicator");
    yara.put("pattern_type", "kql").put("pattern", "SecurityEvent | where EventID == 4625");
    ObjectNode identity = example("identity");
    identity.put("identity_class", "tribe").putArray("sectors").add("shrines");

    assertThat(validator.validate(indicator)).isEmpty();
    assertThat(validator.validate(yara)).isEmpty();
    assertThat(validator.validate(identity)).isEmpty();
  }

  @Test
  void wellFormedCustomPropertiesPass() {
    ObjectNode malware = example("malware");
    malware.put("x_mamori_sector", "water").put("x_mamori_seen_bin", "aGVsbG8=");
    malware
        .putObject("x_mamori_detail")
        .put("seen_by_ref", example("identity").path("id").asString());
    malware.putArray("x_mamori_related_refs").add(example("indicator").path("id").stringValue());

    assertThat(validator.validate(malware)).isEmpty();
  }

  @Test
  void anEmptyStringInACustomTopLevelReferenceMeansNoneAsMitreWritesIt() {
    ObjectNode custom = example("x-mamori-report").put("x_mitre_data_source_ref", "");

    assertThat(validator.validate(custom)).isEmpty();
  }

  // ---------------------------------------------------------------- object form and type

  @Test
  void somethingThatIsNotAnObjectIsRejected() {
    assertRejected(StixFixtures.JSON.createArrayNode(), "", StixRule.NOT_AN_OBJECT);
  }

  @Test
  void anObjectWithoutTypeIsRejected() {
    ObjectNode tool = example("tool");
    tool.remove("type");

    assertRejected(tool, "", StixRule.MISSING_PROPERTY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Indicator", "ab", "x--double", "trailing-", "1st-type", "ａｂｃ"})
  void typeNamesMustBeLowercaseWordsOfThreeTo250Characters(String type) {
    assertRejected(example("tool").put("type", type), "type", StixRule.BAD_TYPE_NAME);
  }

  @Test
  void unknownTypesAreRejectedButCustomOnesPass() {
    ObjectNode unknown = example("tool");
    unknown.put("type", "threat-intel").put("id", "threat-intel--" + uuidOf(unknown));
    ObjectNode custom = example("tool");
    custom.put("type", "x-acme-tool").put("id", "x-acme-tool--" + uuidOf(custom));

    assertRejected(unknown, "type", StixRule.UNKNOWN_TYPE);
    assertThat(validator.validate(custom)).isEmpty();
  }

  @Test
  void aTypeIsOnlyDeclaredByANewObjectExtension() {
    ObjectNode declared = example("mamori-case");
    String extension = declared.path("extensions").propertyNames().iterator().next();
    ((ObjectNode) declared.path("extensions").path(extension))
        .put("extension_type", "property-extension");

    assertRejected(declared, "type", StixRule.UNKNOWN_TYPE);
  }

  @Test
  void customObservableTypesNeedNoTimestamps() {
    assertThat(validator.validate(example("x-mamori-sensor"))).isEmpty();
  }

  @Test
  void onlyStix21IsAccepted() {
    ObjectNode stix20 = example("campaign").put("spec_version", "2.0");
    ObjectNode without = example("campaign");
    without.remove("spec_version");
    ObjectNode observable = example("mutex");
    observable.remove("spec_version");

    assertRejected(stix20, "spec_version", StixRule.UNSUPPORTED_SPEC_VERSION);
    assertRejected(without, "", StixRule.MISSING_PROPERTY);
    assertThat(validator.validate(observable)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "attack-pattern, name",
    "campaign, name",
    "course-of-action, name",
    "grouping, context",
    "grouping, object_refs",
    "identity, name",
    "incident, name",
    "indicator, pattern",
    "indicator, pattern_type",
    "indicator, valid_from",
    "infrastructure, name",
    "intrusion-set, name",
    "malware, is_family",
    "malware-analysis, product",
    "note, content",
    "note, object_refs",
    "observed-data, first_observed",
    "observed-data, last_observed",
    "observed-data, number_observed",
    "opinion, opinion",
    "opinion, object_refs",
    "report, name",
    "report, published",
    "report, object_refs",
    "threat-actor, name",
    "tool, name",
    "vulnerability, name",
    "relationship, relationship_type",
    "relationship, source_ref",
    "relationship, target_ref",
    "sighting, sighting_of_ref",
    "language-content, object_ref",
    "language-content, contents",
    "extension-definition, created_by_ref",
    "extension-definition, name",
    "extension-definition, schema",
    "extension-definition, version",
    "extension-definition, extension_types",
    "marking-definition, created",
    "autonomous-system, number",
    "directory, path",
    "domain-name, value",
    "email-addr, value",
    "email-message, is_multipart",
    "ipv4-addr, value",
    "ipv6-addr, value",
    "mac-addr, value",
    "mutex, name",
    "network-traffic, protocols",
    "software, name",
    "url, value",
    "tool, id",
    "tool, created",
    "tool, modified",
    "url, id"
  })
  void everyTypeNeedsItsRequiredProperties(String type, String property) {
    ObjectNode object = example(type);
    object.remove(property);

    assertThat(validator.validate(object))
        .extracting(StixProblem::messageKey, StixProblem::arguments)
        .contains(tuple(StixRule.MISSING_PROPERTY.key, List.of(property)));
  }

  @Test
  void nullValuesAreRejected() {
    assertRejected(example("tool").putNull("description"), "description", StixRule.NULL_VALUE);
  }

  @Test
  void listsMustNotBeEmpty() {
    ObjectNode tool = example("tool");
    tool.putArray("labels");
    tool.putArray("x_mamori_tags");

    assertRejected(tool, "labels", StixRule.EMPTY_LIST);
    assertRejected(tool, "x_mamori_tags", StixRule.EMPTY_LIST);
  }

  @Test
  void propertiesMustHaveTheirDataType() {
    ObjectNode tool = example("tool").put("name", 5).put("revoked", "yes");
    tool.putObject("aliases");
    ObjectNode location = example("location").put("latitude", "north");
    ObjectNode report = example("report");
    report.putArray("object_refs").add(3);

    assertRejected(tool, "name", StixRule.EXPECTED_STRING);
    assertRejected(tool, "revoked", StixRule.EXPECTED_BOOLEAN);
    assertRejected(tool, "aliases", StixRule.EXPECTED_LIST);
    assertRejected(location, "latitude", StixRule.EXPECTED_NUMBER);
    assertRejected(report, "object_refs[0]", StixRule.EXPECTED_STRING);
  }

  @Test
  void confidenceIsAWholeNumberFrom0To100() {
    assertRejected(example("tool").put("confidence", 101), "confidence", StixRule.OUT_OF_RANGE);
    assertRejected(
        example("tool").put("confidence", 50.5), "confidence", StixRule.EXPECTED_INTEGER);
    assertThat(validator.validate(example("tool").put("confidence", 0))).isEmpty();
  }

  @Test
  void numbersStayInTheirRanges() {
    assertRejected(example("location").put("latitude", 91), "latitude", StixRule.OUT_OF_RANGE);
    assertRejected(
        example("observed-data").put("number_observed", 0),
        "number_observed",
        StixRule.OUT_OF_RANGE);
    assertRejected(
        example("network-traffic").put("dst_port", 70000), "dst_port", StixRule.OUT_OF_RANGE);
    assertRejected(example("sighting").put("count", -1), "count", StixRule.OUT_OF_RANGE);
  }

  // ---------------------------------------------------------------- identifiers

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tool",
        "tool-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3",
        "tool--8e2e2d2b17d4-4cbf-938f-98ee46b3cd3ff",
        "tool--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f",
        "tool--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f",
        "tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3g",
        "Tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"
      })
  void idsAreTypeDashDashAnRfc4122Uuid(String id) {
    assertRejected(example("tool").put("id", id), "id", StixRule.BAD_IDENTIFIER);
  }

  @Test
  void idsMayUseUppercaseHexadecimal() {
    assertThat(
            validator.validate(
                example("tool").put("id", "tool--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F")))
        .isEmpty();
  }

  @Test
  void theIdBeginsWithTheObjectType() {
    assertRejected(
        example("tool").put("id", "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
        "id",
        StixRule.ID_TYPE_MISMATCH);
  }

  @Test
  void observablesMayUseNameBasedUuidsButAProcessIdIsRandom() {
    ObjectNode mutex = example("mutex").put("id", "mutex--1e4ffad7-0b88-51d4-ba4d-77d27490b956");
    ObjectNode process =
        example("process").put("id", "process--1e4ffad7-0b88-51d4-ba4d-77d27490b956");

    assertThat(validator.validate(mutex)).isEmpty();
    assertRejected(process, "id", StixRule.NEEDS_UUID4);
  }

  // ---------------------------------------------------------------- timestamps

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-30T00:00:00.000Z",
        "2023-02-29T00:00:00.000Z",
        "2024-01-01T24:00:00.000Z",
        "2024-01-01T09:00:00.000+09:00",
        "2024-01-01T09:00:00.000",
        "2024-01-01 09:00:00.000Z",
        "2024-1-01T09:00:00.000Z",
        "2024-01-01T09:00:00.Z"
      })
  void timestampsAreRealUtcTimesWithZ(String timestamp) {
    ObjectNode campaign = example("campaign").put("first_seen", timestamp);

    assertRejected(campaign, "first_seen", StixRule.BAD_TIMESTAMP);
  }

  @Test
  void leapDaysAndLeapSecondsAreTimestamps() {
    ObjectNode campaign =
        example("campaign")
            .put("first_seen", "2024-02-29T00:00:00Z")
            .put("last_seen", "2024-03-31T23:59:60.123456Z");

    assertThat(validator.validate(campaign)).isEmpty();
  }

  @Test
  void createdAndModifiedArePreciseToTheMillisecond() {
    ObjectNode tool =
        example("tool")
            .put("created", "2024-04-01T09:00:00Z")
            .put("modified", "2024-04-01T09:00:00.1Z");

    assertRejected(tool, "created", StixRule.NEEDS_MILLISECONDS);
    assertRejected(tool, "modified", StixRule.NEEDS_MILLISECONDS);
  }

  @Test
  void aVersionIsNotModifiedBeforeItWasCreated() {
    ObjectNode tool = example("tool").put("modified", "2024-03-31T23:59:59.999Z");

    assertRejected(tool, "modified", StixRule.EARLIER_THAN);
  }

  @Test
  void timeRangesRunForwards() {
    assertRejected(
        example("campaign").put("last_seen", "2023-12-31T00:00:00Z"),
        "last_seen",
        StixRule.EARLIER_THAN);
    assertRejected(
        example("indicator").put("valid_until", "2024-04-01T09:00:00.000Z"),
        "valid_until",
        StixRule.NOT_LATER_THAN);
    assertRejected(
        example("relationship").put("stop_time", "2024-04-01T09:00:00.000Z"),
        "stop_time",
        StixRule.NOT_LATER_THAN);
    assertRejected(
        example("observed-data").put("last_observed", "2024-03-01T00:00:00Z"),
        "last_observed",
        StixRule.EARLIER_THAN);
  }

  // ---------------------------------------------------------------- references

  @Test
  void createdByRefPointsAtAnIdentity() {
    ObjectNode tool =
        example("tool").put("created_by_ref", example("malware").path("id").asString());

    assertRejected(tool, "created_by_ref", StixRule.WRONG_REFERENCE_TARGET);
  }

  @Test
  void objectMarkingRefsPointAtMarkingDefinitions() {
    ObjectNode tool = example("tool");
    tool.putArray("object_marking_refs").add(TLP2_AMBER).add(example("identity").path("id"));

    assertRejected(tool, "object_marking_refs[1]", StixRule.WRONG_REFERENCE_TARGET);
  }

  @Test
  void everyRefPropertyHoldsIdentifiersAtAnyDepth() {
    ObjectNode tool = example("tool").put("x_mamori_owner_ref", "nobody");
    tool.put("created_by_ref", "");
    tool.putObject("x_mamori_detail").put("source_ref", 42);
    tool.put("x_mamori_team_refs", "identity--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");

    assertRejected(tool, "x_mamori_owner_ref", StixRule.BAD_IDENTIFIER);
    assertRejected(tool, "created_by_ref", StixRule.BAD_IDENTIFIER);
    assertRejected(tool, "x_mamori_detail.source_ref", StixRule.EXPECTED_STRING);
    assertRejected(tool, "x_mamori_team_refs", StixRule.EXPECTED_LIST);
  }

  @Test
  void relationshipsConnectObjectsNotMarkingsOrOtherRelationships() {
    ObjectNode relationship = example("relationship").put("target_ref", TLP2_AMBER);
    relationship.put("source_ref", example("relationship").path("id").asString());

    assertRejected(relationship, "target_ref", StixRule.REFERENCE_NOT_ALLOWED);
    assertRejected(relationship, "source_ref", StixRule.REFERENCE_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uses", "related-to", "x-mamori-reported-by", "targets2"})
  void relationshipTypesAreLowercaseWordsWithHyphens(String type) {
    assertThat(validator.validate(example("relationship").put("relationship_type", type)))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Uses", "related_to", "-uses", "uses--it", "使う", ""})
  void otherRelationshipTypesAreRejected(String type) {
    assertRejected(
        example("relationship").put("relationship_type", type),
        "relationship_type",
        StixRule.BAD_RELATIONSHIP_TYPE);
  }

  @Test
  void sightingsAreOfDomainObjectsSeenByIdentitiesOrLocations() {
    ObjectNode sighting =
        example("sighting").put("sighting_of_ref", example("ipv4-addr").path("id").asString());
    sighting.putArray("where_sighted_refs").add(example("tool").path("id"));
    sighting.putArray("observed_data_refs").add(example("report").path("id"));

    assertRejected(sighting, "sighting_of_ref", StixRule.REFERENCE_NOT_ALLOWED);
    assertRejected(sighting, "where_sighted_refs[0]", StixRule.WRONG_REFERENCE_TARGET);
    assertRejected(sighting, "observed_data_refs[0]", StixRule.WRONG_REFERENCE_TARGET);
  }

  @Test
  void observablesReferToTheKindsOfObservableTheSpecificationNames() {
    ObjectNode directory = example("directory");
    directory.putArray("contains_refs").add(example("ipv4-addr").path("id"));
    ObjectNode traffic =
        example("network-traffic").put("src_ref", example("file").path("id").asString());
    ObjectNode malware = example("malware");
    malware.putArray("sample_refs").add(example("indicator").path("id"));

    assertRejected(directory, "contains_refs[0]", StixRule.WRONG_REFERENCE_TARGET);
    assertRejected(traffic, "src_ref", StixRule.WRONG_REFERENCE_TARGET);
    assertRejected(malware, "sample_refs[0]", StixRule.WRONG_REFERENCE_TARGET);
  }

  // ---------------------------------------------------------------- common structures

  @Test
  void externalReferencesNeedMoreThanASourceName() {
    ObjectNode tool = example("tool");
    tool.putArray("external_references").addObject().put("source_name", "mamori");

    assertRejected(tool, "external_references[0]", StixRule.INCOMPLETE_EXTERNAL_REFERENCE);
  }

  @Test
  void externalReferencesToCveAndCapecUseTheirIdForms() {
    ObjectNode tool = example("tool");
    ArrayNode references = tool.putArray("external_references");
    references.addObject().put("source_name", "cve").put("external_id", "CVE-24-1");
    references.addObject().put("source_name", "capec").put("external_id", "98");
    references.addObject().put("source_name", "web").put("url", "not a url");
    references
        .addObject()
        .put("source_name", "web")
        .put("url", "https://example.org/")
        .putObject("hashes")
        .put("MD5", "1234");

    assertRejected(tool, "external_references[0].external_id", StixRule.BAD_EXTERNAL_ID);
    assertRejected(tool, "external_references[1].external_id", StixRule.BAD_EXTERNAL_ID);
    assertRejected(tool, "external_references[2].url", StixRule.BAD_URL);
    assertRejected(tool, "external_references[3].hashes.MD5", StixRule.BAD_HASH);
  }

  @Test
  void granularMarkingSelectorsAreWellFormedAndPointAtContent() {
    ObjectNode identity = example("identity");
    ArrayNode markings = identity.putArray("granular_markings");
    markings.addObject().put("marking_ref", TLP1_GREEN).putArray("selectors").add("Name!");
    markings.addObject().put("marking_ref", TLP1_GREEN).putArray("selectors").add("sectors.[5]");
    markings.addObject().put("marking_ref", TLP1_GREEN).putArray("selectors").add("roles");

    assertRejected(identity, "granular_markings[0].selectors[0]", StixRule.BAD_SELECTOR);
    assertRejected(identity, "granular_markings[1].selectors[0]", StixRule.SELECTOR_NOT_FOUND);
    assertRejected(identity, "granular_markings[2].selectors[0]", StixRule.SELECTOR_NOT_FOUND);
  }

  @Test
  void aGranularMarkingIsEitherAMarkingOrALanguage() {
    ObjectNode identity = example("identity");
    ArrayNode markings = identity.putArray("granular_markings");
    markings
        .addObject()
        .put("marking_ref", TLP1_GREEN)
        .put("lang", "en")
        .putArray("selectors")
        .add("name");
    markings.addObject().putArray("selectors").add("name");

    assertRejected(identity, "granular_markings[0]", StixRule.MARKING_REF_OR_LANG);
    assertRejected(identity, "granular_markings[1]", StixRule.MARKING_REF_OR_LANG);
  }

  @Test
  void extensionsAreKeyedByDefinitionIdOrExtName() {
    ObjectNode file = example("file");
    ObjectNode extensions = file.putObject("extensions");
    extensions.putObject("pebinary").put("pe_type", "exe");
    extensions.putObject("extension-definition--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
    extensions
        .putObject("extension-definition--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
        .put("extension_type", "new-thing");
    extensions.putObject("archive-ext");

    assertRejected(file, "extensions.pebinary", StixRule.BAD_EXTENSION_NAME);
    assertRejected(
        file,
        "extensions.extension-definition--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        StixRule.MISSING_PROPERTY);
    assertRejected(
        file,
        "extensions.extension-definition--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f.extension_type",
        StixRule.NOT_ALLOWED_VALUE);
    assertRejected(file, "extensions.archive-ext", StixRule.EMPTY_OBJECT);
  }

  @Test
  void anEmptyExtensionsDictionaryIsRejected() {
    ObjectNode tool = example("tool");
    tool.putObject("extensions");

    assertRejected(tool, "extensions", StixRule.EMPTY_OBJECT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"japanese", "ja_JP", "", "e"})
  void langIsAnRfc5646Tag(String tag) {
    assertRejected(example("tool").put("lang", tag), "lang", StixRule.BAD_LANGUAGE_TAG);
  }

  @Test
  void customPropertyNamesAreLowercaseAndNotReserved() {
    ObjectNode tool = example("tool").put("X_Mamori", 1).put("ab", 1).put("severity", "high");

    assertRejected(tool, "X_Mamori", StixRule.BAD_PROPERTY_NAME);
    assertRejected(tool, "ab", StixRule.BAD_PROPERTY_NAME);
    assertRejected(tool, "severity", StixRule.RESERVED_PROPERTY);
  }

  @Test
  void binaryAndHexPropertiesCarryTheirEncoding() {
    ObjectNode tool =
        example("tool").put("x_mamori_blob_bin", "not base64!").put("x_mamori_id_hex", "abc");
    ObjectNode artifact = example("artifact").put("payload_bin", "QUJD=");

    assertRejected(tool, "x_mamori_blob_bin", StixRule.BAD_BASE64);
    assertRejected(tool, "x_mamori_id_hex", StixRule.BAD_HEX);
    assertRejected(artifact, "payload_bin", StixRule.BAD_BASE64);
  }

  @Test
  void hashesHaveTheShapeOfTheirAlgorithm() {
    ObjectNode file = example("file");
    file.putObject("hashes").put("SHA-256", "abc").put("x-custom hash", "whatever");

    assertRejected(file, "hashes.SHA-256", StixRule.BAD_HASH);
    assertRejected(file, "hashes.x-custom hash", StixRule.BAD_DICTIONARY_KEY);
  }

  // ---------------------------------------------------------------- closed enumerations

  @Test
  void closedEnumerationsAreEnforced() {
    assertRejected(
        example("opinion").put("opinion", "maybe"), "opinion", StixRule.NOT_ALLOWED_VALUE);
    assertRejected(
        example("artifact").put("encryption_algorithm", "rot13"),
        "encryption_algorithm",
        StixRule.NOT_ALLOWED_VALUE);
    ObjectNode registry = example("windows-registry-key");
    ((ObjectNode) registry.path("values").get(0)).put("data_type", "REG_TEXT");
    assertRejected(registry, "values[0].data_type", StixRule.NOT_ALLOWED_VALUE);
    ObjectNode definition = example("extension-definition");
    definition.putArray("extension_types").add("new-thing");
    assertRejected(definition, "extension_types[0]", StixRule.NOT_ALLOWED_VALUE);
  }

  @Test
  void predefinedObservableExtensionsUseTheirEnumerations() {
    ObjectNode traffic = example("network-traffic");
    ((ObjectNode) traffic.path("extensions").path("socket-ext")).put("address_family", "AF_MARS");
    ObjectNode process = example("process");
    ObjectNode extensions = (ObjectNode) process.path("extensions");
    ((ObjectNode) extensions.path("windows-service-ext")).put("start_type", "WHENEVER");
    extensions.putObject("windows-process-ext").put("integrity_level", "max");

    assertRejected(traffic, "extensions.socket-ext.address_family", StixRule.NOT_ALLOWED_VALUE);
    assertRejected(
        process, "extensions.windows-service-ext.start_type", StixRule.NOT_ALLOWED_VALUE);
    assertRejected(
        process, "extensions.windows-process-ext.integrity_level", StixRule.NOT_ALLOWED_VALUE);
  }

  // ---------------------------------------------------------------- domain objects

  @Test
  void aStixIndicatorPatternMustParse() {
    ObjectNode indicator = example("indicator").put("pattern", "[ipv4-addr:value = '10.0.0.1'");
    ObjectNode other = example("indicator").put("pattern_type", "snort").put("pattern", "[oops");

    List<StixProblem> problems = validator.validate(indicator);

    assertThat(problems)
        .extracting(StixProblem::path, StixProblem::messageKey, StixProblem::arguments)
        .containsExactly(tuple("pattern", StixRule.PATTERN_UNEXPECTED_END.key, List.of("30")));
    assertThat(validator.validate(other)).isEmpty();
  }

  @Test
  void aMalwareFamilyHasAName() {
    ObjectNode malware = example("malware");
    malware.remove("name");

    assertRejected(malware, "", StixRule.REQUIRED_WHEN);
  }

  @Test
  void aMalwareAnalysisHasAResultOrTheObservablesItFound() {
    ObjectNode analysis = example("malware-analysis");
    analysis.remove("result");
    analysis.remove("analysis_sco_refs");

    assertRejected(analysis, "", StixRule.NEEDS_ONE_OF);
  }

  @Test
  void aLocationHasARegionACountryOrBothCoordinates() {
    ObjectNode nowhere = example("location");
    List.of("region", "country", "latitude", "longitude", "precision").forEach(nowhere::remove);
    ObjectNode half = example("location");
    half.remove("longitude");
    ObjectNode vague = example("location");
    vague.remove("latitude");
    vague.remove("longitude");

    assertRejected(nowhere, "", StixRule.NEEDS_ONE_OF);
    assertRejected(half, "latitude", StixRule.REQUIRES);
    assertRejected(vague, "precision", StixRule.REQUIRES);
  }

  @Test
  void observedDataCarriesObjectsOrReferencesNotBoth() {
    ObjectNode both = example("observed-data");
    both.putObject("objects").putObject("0").put("type", "ipv4-addr");
    ObjectNode neither = example("observed-data");
    neither.remove("object_refs");
    ObjectNode domain = example("observed-data");
    domain.putArray("object_refs").add(example("tool").path("id"));

    assertRejected(both, "object_refs", StixRule.MUTUALLY_EXCLUSIVE);
    assertRejected(neither, "", StixRule.NEEDS_ONE_OF);
    assertRejected(domain, "object_refs[0]", StixRule.REFERENCE_NOT_ALLOWED);
  }

  @Test
  void languageContentIsKeyedByLanguageAndTranslatesAnObject() {
    ObjectNode content = example("language-content");
    content.putObject("contents").putObject("english").put("name", "x");
    ObjectNode ofBundle =
        example("language-content")
            .put("object_ref", "bundle--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");

    assertRejected(content, "contents.english", StixRule.BAD_LANGUAGE_TAG);
    assertRejected(ofBundle, "object_ref", StixRule.REFERENCE_NOT_ALLOWED);
  }

  @Test
  void extensionPropertiesBelongToTopLevelPropertyExtensions() {
    ObjectNode definition = example("extension-definition");
    definition.putArray("extension_properties").add("x_mamori_case");

    assertRejected(definition, "extension_properties", StixRule.ONLY_WITH_EXTENSION_TYPE);
  }

  // ---------------------------------------------------------------- marking-definitions

  @Test
  void tlpMarkingsNameAKnownLevel() {
    ObjectNode tlp2 = exampleWithId(TLP2_AMBER);
    ((ObjectNode) tlp2.path("extensions").path(TlpMarkings.TLP2_EXTENSION)).put("tlp_2_0", "pink");
    ObjectNode tlp1 = exampleWithId(TLP1_GREEN);
    ((ObjectNode) tlp1.path("definition")).put("tlp", "clear");

    assertRejected(
        tlp2, "extensions." + TlpMarkings.TLP2_EXTENSION + ".tlp_2_0", StixRule.NOT_ALLOWED_VALUE);
    assertRejected(tlp1, "definition.tlp", StixRule.NOT_ALLOWED_VALUE);
  }

  @Test
  void aPredefinedTlpIdCannotCarryAnotherLevel() {
    ObjectNode downgraded = exampleWithId(TLP2_AMBER);
    ((ObjectNode) downgraded.path("extensions").path(TlpMarkings.TLP2_EXTENSION))
        .put("tlp_2_0", "clear");
    ObjectNode redAsWhite =
        exampleWithId(TLP1_GREEN)
            .put("id", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");
    ((ObjectNode) redAsWhite.path("definition")).put("tlp", "white");

    assertThat(validator.validate(downgraded))
        .extracting(StixProblem::messageKey, StixProblem::arguments)
        .contains(tuple(StixRule.TLP_CONTRADICTS_ID.key, List.of(TLP2_AMBER, "TLP:AMBER")));
    assertRejected(redAsWhite, "", StixRule.TLP_CONTRADICTS_ID);
  }

  @Test
  void tlpWordsNameTheirLevels() {
    assertThat(TlpMarkings.levelNamed("white")).contains(Tlp.CLEAR);
    assertThat(TlpMarkings.levelNamed("amber+strict")).contains(Tlp.AMBER_STRICT);
    assertThat(TlpMarkings.levelNamed("AMBER")).isEmpty();
  }

  @Test
  void aMarkingWithoutExtensionsHasADefinition() {
    ObjectNode statement = exampleWithId(TLP1_GREEN).put("definition_type", "statement");
    ObjectNode bare = exampleWithId(TLP1_GREEN);
    bare.remove("definition");

    assertRejected(statement, "definition", StixRule.MISSING_PROPERTY);
    assertRejected(bare, "", StixRule.MISSING_PROPERTY);
  }

  @Test
  void aMarkingDefinitionDoesNotMarkItself() {
    ObjectNode marking = exampleWithId(TLP1_GREEN);
    marking.putArray("object_marking_refs").add(TLP1_GREEN);

    assertRejected(marking, "object_marking_refs[0]", StixRule.MARKS_ITSELF);
  }

  // ---------------------------------------------------------------- observables

  @ParameterizedTest
  @ValueSource(strings = {"256.1.1.1", "10.0.0.0/33", "10.0.0", "010.0.0.1", "::1", "a.b.c.d"})
  void ipv4AddressesAreDottedQuads(String address) {
    assertRejected(example("ipv4-addr").put("value", address), "value", StixRule.BAD_IP_ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "::",
        "::1",
        "2001:db8::/32",
        "fe80::1:2:3:4",
        "::ffff:192.0.2.1",
        "1:2:3:4:5:6:7:8"
      })
  void ipv6AddressesInAnyRfc4291Form(String address) {
    assertThat(validator.validate(example("ipv6-addr").put("value", address))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1:2:3:4:5:6:7:8:9",
        "2001::db8::1",
        "12345::",
        "2001:db8::/129",
        "g::1",
        "1.2.3.4"
      })
  void otherIpv6TextIsRejected(String address) {
    assertRejected(example("ipv6-addr").put("value", address), "value", StixRule.BAD_IP_ADDRESS);
  }

  @Test
  void macAddressesAreLowercaseWithColons() {
    assertRejected(
        example("mac-addr").put("value", "00-1A-2B-3C-4D-5E"), "value", StixRule.BAD_MAC_ADDRESS);
  }

  @Test
  void anArtifactCarriesItsPayloadOrAUrlWithHashes() {
    ObjectNode both = example("artifact").put("url", "https://files.example/a.zip");
    ObjectNode unhashed = example("artifact");
    unhashed.remove("payload_bin");
    unhashed.put("url", "https://files.example/a.zip");
    ObjectNode keyOnly = example("artifact");
    keyOnly.remove("encryption_algorithm");

    assertRejected(both, "url", StixRule.MUTUALLY_EXCLUSIVE);
    assertRejected(unhashed, "url", StixRule.REQUIRES);
    assertRejected(keyOnly, "decryption_key", StixRule.REQUIRES);
  }

  @Test
  void anEmailBodyMatchesWhetherItIsMultipart() {
    ObjectNode multipart = example("email-message").put("body", "text");
    ObjectNode part = example("email-message");
    ((ObjectNode) part.path("body_multipart").get(0))
        .put("body_raw_ref", example("artifact").path("id").asString());
    ObjectNode single = example("email-message").put("is_multipart", false);

    assertRejected(multipart, "body", StixRule.FORBIDDEN_WHEN);
    assertRejected(part, "body_multipart[0]", StixRule.NEEDS_ONE_OF);
    assertRejected(single, "body_multipart", StixRule.FORBIDDEN_WHEN);
  }

  @Test
  void aFileHasHashesOrAName() {
    ObjectNode file = example("file");
    file.remove("hashes");
    file.remove("name");

    assertRejected(file, "", StixRule.NEEDS_ONE_OF);
  }

  @Test
  void networkTrafficHasAnEndpointAndNoEndWhileActive() {
    ObjectNode endless = example("network-traffic");
    endless.remove("src_ref");
    endless.remove("dst_ref");
    ObjectNode active = example("network-traffic").put("is_active", true);

    assertRejected(endless, "", StixRule.NEEDS_ONE_OF);
    assertRejected(active, "end", StixRule.FORBIDDEN_WHEN);
  }

  @Test
  void observablesWithOnlyOptionalPropertiesStillDescribeSomething() {
    for (String type :
        List.of("process", "user-account", "windows-registry-key", "x509-certificate")) {
      ObjectNode empty = StixFixtures.JSON.createObjectNode();
      empty.put("type", type).put("spec_version", "2.1").set("id", example(type).path("id"));

      assertRejected(empty, "", StixRule.NEEDS_ONE_OF);
    }
  }

  @Test
  void registryHivesAreWrittenInFull() {
    assertRejected(
        example("windows-registry-key").put("key", "hklm\\Software\\Demo"),
        "key",
        StixRule.ABBREVIATED_HIVE);
  }

  @Test
  void softwareCpeIsACpe23Name() {
    assertRejected(
        example("software").put("cpe", "cpe:/o:microsoft:windows_10"), "cpe", StixRule.BAD_CPE);
  }

  // ---------------------------------------------------------------- problems speak both languages

  @Test
  void problemsCarryAnEnglishReasonAndAJapaneseMessage() {
    StixProblem problem =
        validator.validate(example("tool").put("confidence", 101)).stream()
            .findFirst()
            .orElseThrow();
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/messages_exchange");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);

    assertThat(problem.reason()).isEqualTo("The value must be between 0 and 100.");
    assertThat(problem.toString()).isEqualTo("confidence: The value must be between 0 and 100.");
    assertThat(messages.getMessage(problem, Locale.JAPANESE)).isEqualTo("値は 0 以上 100 以下にしてください。");
    assertThat(messages.getMessage(problem, Locale.ENGLISH)).isEqualTo(problem.reason());
  }

  private void assertRejected(JsonNode object, String path, StixRule rule) {
    assertThat(validator.validate(object))
        .extracting(StixProblem::path, StixProblem::messageKey)
        .contains(tuple(path, rule.key));
  }

  private static String uuidOf(ObjectNode object) {
    String id = object.path("id").stringValue();
    return id.substring(id.indexOf("--") + 2);
  }
}
