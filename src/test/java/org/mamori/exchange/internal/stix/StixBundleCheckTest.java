package org.mamori.exchange.internal.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mamori.exchange.internal.stix.StixFixtures.example;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class StixBundleCheckTest {

  private static final String BUNDLE_ID = "bundle--5330e3e3-8f58-4d21-9f4b-793a054c0d33";

  private final StixValidator validator = new StixValidator();

  @Test
  void aValidBundleIsValidThroughout() {
    BundleCheck check = validator.validateBundle(StixFixtures.bundle(StixFixtures.EVERY_TYPE));

    assertThat(check.valid()).isTrue();
    assertThat(check.rejected()).isEmpty();
    assertThat(check.referencesResolve()).isTrue();
    assertThat(check.objects()).hasSize(StixFixtures.objects(StixFixtures.EVERY_TYPE).size());
  }

  @Test
  void onlyTheBadObjectIsRejectedWithItsIndexIdAndReason() {
    ObjectNode bad = example("tool").put("confidence", 300);
    ObjectNode bundle = bundleOf(example("identity"), bad, example("campaign"));

    BundleCheck check = validator.validateBundle(bundle);

    assertThat(check.valid()).isFalse();
    assertThat(check.rejected())
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.index()).isEqualTo(1);
              assertThat(rejected.id()).isEqualTo(bad.path("id").stringValue());
              assertThat(rejected.problems())
                  .extracting(StixProblem::path, StixProblem::messageKey)
                  .containsExactly(tuple("confidence", StixRule.OUT_OF_RANGE.key));
            });
    assertThat(check.objects()).filteredOn(BundleCheck.ObjectCheck::valid).hasSize(2);
  }

  @Test
  void aTaxiiEnvelopeNeedsNoTypeOrId() {
    ObjectNode envelope = StixFixtures.JSON.createObjectNode().put("more", false);
    envelope.putArray("objects").add(example("tool"));

    BundleCheck check = validator.validateBundle(envelope);

    assertThat(check.valid()).isTrue();
    assertThat(check.objects()).hasSize(1);
  }

  @Test
  void anEmptyEnvelopeIsValidAndHoldsNothing() {
    assertThat(validator.validateBundle(StixFixtures.parse("{\"more\": false}")).objects())
        .isEmpty();
  }

  @Test
  void aBundleHasABundleIdAndAListOfObjects() {
    ObjectNode wrongId =
        StixFixtures.parse(
            "{\"type\": \"bundle\", \"id\": \"report--5330e3e3-8f58-4d21-9f4b-793a054c0d33\"}");
    ObjectNode noId = StixFixtures.parse("{\"type\": \"bundle\", \"objects\": []}");
    ObjectNode notAList =
        StixFixtures.parse(
            "{\"type\": \"bundle\", \"id\": \"" + BUNDLE_ID + "\", \"objects\": {}}");

    assertThat(validator.validateBundle(wrongId).envelopeProblems())
        .extracting(StixProblem::path, StixProblem::messageKey)
        .containsExactly(tuple("id", StixRule.ID_TYPE_MISMATCH.key));
    assertThat(validator.validateBundle(noId).envelopeProblems())
        .extracting(StixProblem::messageKey)
        .containsExactly(StixRule.MISSING_PROPERTY.key);
    assertThat(validator.validateBundle(notAList).envelopeProblems())
        .extracting(StixProblem::path, StixProblem::messageKey)
        .containsExactly(tuple("objects", StixRule.EXPECTED_LIST.key));
    assertThat(validator.validateBundle(notAList).valid()).isFalse();
  }

  @Test
  void aSingleObjectIsNoBundle() {
    BundleCheck check = validator.validateBundle(example("campaign"));

    assertThat(check.envelopeProblems())
        .extracting(StixProblem::path, StixProblem::messageKey)
        .containsExactly(tuple("type", StixRule.NOT_A_BUNDLE.key));
    assertThat(validator.validateBundle(StixFixtures.JSON.createArrayNode()).valid()).isFalse();
  }

  @Test
  void aBundleSpecVersionAsStix20WroteItIsTolerated() {
    ObjectNode bundle = bundleOf(example("tool")).put("spec_version", "2.1");

    assertThat(validator.validateBundle(bundle).valid()).isTrue();
  }

  @Test
  void referencesOutsideTheBatchAreReportedNotRejected() {
    ObjectNode relationship = example("relationship");

    BundleCheck check = validator.validateBundle(bundleOf(relationship));

    assertThat(check.valid()).isTrue();
    assertThat(check.referencesResolve()).isFalse();
    assertThat(check.objects().get(0).unresolvedReferences())
        .extracting(BundleCheck.UnresolvedReference::path, BundleCheck.UnresolvedReference::id)
        .containsExactly(
            tuple("source_ref", relationship.path("source_ref").stringValue()),
            tuple("target_ref", relationship.path("target_ref").stringValue()));
  }

  @Test
  void aReferenceToARejectedObjectDoesNotResolve() {
    ObjectNode indicator = example("indicator").put("pattern", "[broken");
    ObjectNode malware = example("malware");
    ObjectNode relationship =
        example("relationship")
            .put("source_ref", indicator.path("id").stringValue())
            .put("target_ref", malware.path("id").stringValue());

    BundleCheck check = validator.validateBundle(bundleOf(indicator, malware, relationship));

    assertThat(check.rejected()).extracting(BundleCheck.ObjectCheck::index).containsExactly(0);
    assertThat(check.objects().get(2).unresolvedReferences())
        .extracting(BundleCheck.UnresolvedReference::id)
        .containsExactly(indicator.path("id").stringValue());
  }

  @Test
  void predefinedTlpMarkingsResolveWithoutBeingSent() {
    ObjectNode tool = example("tool");
    tool.putArray("object_marking_refs")
        .add("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1")
        .add("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9");

    assertThat(validator.validateBundle(bundleOf(tool)).referencesResolve()).isTrue();
  }

  @Test
  void objectsThatAreNotObjectsAreRejectedByIndex() {
    ObjectNode bundle = bundleOf(example("tool"));
    ((ArrayNode) bundle.path("objects")).add("tool").addNull();

    BundleCheck check = validator.validateBundle(bundle);

    assertThat(check.rejected())
        .extracting(BundleCheck.ObjectCheck::index, BundleCheck.ObjectCheck::id)
        .containsExactly(tuple(1, null), tuple(2, null));
  }

  private static ObjectNode bundleOf(ObjectNode... objects) {
    ObjectNode bundle =
        StixFixtures.JSON.createObjectNode().put("type", "bundle").put("id", BUNDLE_ID);
    ArrayNode list = bundle.putArray("objects");
    List.of(objects).forEach(list::add);
    return bundle;
  }
}
