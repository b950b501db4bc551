package org.mamori.exchange.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mamori.access.Disclosure;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ExportedAdvisory;
import org.mamori.sharing.ExportedIndicator;
import org.mamori.sharing.ExportedReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StixMappingTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final StixMapping mapping = new StixMapping(json);

  @Test
  void aReportWithThreeVersionsAndIndicatorsComesBackAsItWent() {
    ExportedReport report = StixFixtures.report();

    ExportedReport back = mapping.reportFrom(throughText(mapping.report(report)));

    assertThat(back).isEqualTo(report);
  }

  @Test
  void anAdvisoryComesBackAsItWent() {
    ExportedAdvisory plain = StixFixtures.advisory(null);
    ExportedAdvisory sanitised = StixFixtures.advisory(StixFixtures.electricityOperator());

    assertThat(mapping.advisoryFrom(throughText(mapping.advisory(plain)))).isEqualTo(plain);
    assertThat(mapping.advisoryFrom(throughText(mapping.advisory(sanitised)))).isEqualTo(sanitised);
  }

  @Test
  void noListIsWrittenEmpty() {
    // the OASIS schemas refuse empty lists anywhere; the final version has no causes
    List<ObjectNode> objects = new ArrayList<>(mapping.report(StixFixtures.report()));
    objects.addAll(mapping.advisory(StixFixtures.advisory(null)));
    assertThat(json.writeValueAsString(objects)).doesNotContain("[]");
    assertThat(StixFixtures.report().versions().get(2).causes()).isEmpty();
  }

  @Test
  void everyVersionIsOneStixVersionOfTheSameIncidentAndReport() {
    ExportedReport report = StixFixtures.report();
    List<JsonNode> objects = throughText(mapping.report(report));

    for (String type : List.of("incident", "report")) {
      List<JsonNode> versions = ofType(objects, type);
      assertThat(versions).hasSize(3);
      assertThat(versions)
          .extracting(v -> v.get("id").asString())
          .containsOnly(versions.get(0).get("id").asString());
      assertThat(versions)
          .extracting(v -> v.get("created").asString())
          .containsOnly("2026-10-01T01:02:03.456Z");
      assertThat(versions)
          .extracting(v -> v.get("modified").asString())
          .containsExactly(
              "2026-10-01T01:02:03.456Z", "2026-10-01T02:02:03.456Z", "2026-10-02T01:02:03.456Z");
    }
  }

  @Test
  void theSameItemAlwaysMapsToTheSameIds() {
    assertThat(ids(mapping.report(StixFixtures.report())))
        .isEqualTo(ids(new StixMapping(json).report(StixFixtures.report())));
    assertThat(ids(mapping.advisory(StixFixtures.advisory(null))))
        .isEqualTo(ids(new StixMapping(json).advisory(StixFixtures.advisory(null))));
    assertThat(ids(mapping.report(StixFixtures.report())))
        .doesNotContainAnyElementsOf(
            ids(mapping.advisory(StixFixtures.advisory(null))).stream()
                .filter(id -> id.startsWith("report--") || id.startsWith("indicator--"))
                .toList());
  }

  @Test
  void everyObjectIsMarkedAndTheBundleHoldsEveryMarkingItRefersTo() {
    List<ObjectNode> objects = new ArrayList<>(mapping.report(StixFixtures.report()));
    objects.addAll(mapping.advisory(StixFixtures.advisory(StixFixtures.electricityOperator())));
    JsonNode bundle = json.readTree(json.writeValueAsString(mapping.bundle(objects)));

    Set<String> defined = new HashSet<>();
    Set<String> referred = new HashSet<>();
    for (JsonNode object : bundle.get("objects").values()) {
      if (object.get("type").asString().equals("marking-definition")) {
        defined.add(object.get("id").asString());
        assertThat(object.at("/extensions/" + TlpMarkings.TLP2_EXTENSION + "/tlp_2_0").isString())
            .isTrue();
        continue;
      }
      List<String> markings = StixObjects.texts(object, "object_marking_refs");
      assertThat(markings).as(object.get("id").asString()).hasSize(1);
      assertThat(TlpMarkings.levelOf(markings.get(0))).isPresent();
      assertThat(TlpMarkings.idOf(TlpMarkings.levelOf(markings.get(0)).orElseThrow()))
          .isEqualTo(markings.get(0));
      referred.addAll(markings);
    }
    assertThat(defined).isEqualTo(referred).hasSize(3);
    assertThat(bundle.get("type").asString()).isEqualTo("bundle");
  }

  @Test
  void theReportsObjectsAreByItsOriginator() {
    ExportedReport report = StixFixtures.report();
    String originator = ReportStix.identityId(report.originator().id());

    for (JsonNode object : mapping.report(report)) {
      String type = object.get("type").asString();
      if (List.of("incident", "report", "indicator").contains(type)) {
        assertThat(object.get("created_by_ref").asString()).isEqualTo(originator);
      }
    }
    JsonNode identity =
        mapping.report(report).stream()
            .filter(o -> o.get("id").asString().equals(originator))
            .findFirst()
            .orElseThrow();
    assertThat(identity.get("name").asString()).isEqualTo("あさひの電力株式会社");
    assertThat(identity.get("identity_class").asString()).isEqualTo("organization");
  }

  @Test
  void aVersionIsMarkedWithTheStricterOfItsOwnAndTheReportsMarking() {
    assertThat(markingsOf(mapping.report(StixFixtures.report(Tlp.GREEN, false)), "incident"))
        .containsExactly(Tlp.GREEN, Tlp.GREEN, Tlp.AMBER);
    assertThat(markingsOf(mapping.report(StixFixtures.report(Tlp.AMBER_STRICT, false)), "incident"))
        .containsExactly(Tlp.AMBER_STRICT, Tlp.AMBER_STRICT, Tlp.AMBER_STRICT);
    assertThat(markingsOf(mapping.report(StixFixtures.report(Tlp.GREEN, false)), "indicator"))
        .contains(Tlp.GREEN, Tlp.AMBER)
        .doesNotContain(Tlp.CLEAR, Tlp.RED);
  }

  @Test
  void incidentCoreSaysWhatEachVersionKnows() {
    List<JsonNode> incidents = ofType(mapping.report(StixFixtures.report()), "incident");
    JsonNode first = core(incidents.get(0));
    JsonNode followUp = core(incidents.get(1));
    JsonNode last = core(incidents.get(2));

    assertThat(first.get("extension_type").asString()).isEqualTo("property-extension");
    assertThat(first.get("determination").asString()).isEqualTo("suspected");
    assertThat(first.get("investigation_status").asString()).isEqualTo("open");
    assertThat(first.has("criticality")).isFalse();
    assertThat(first.at("/incident_types/0").asString()).isEqualTo("denial-of-service");
    assertThat(first.at("/availability_impacts/0/availability_impact").asInt()).isEqualTo(75);
    assertThat(first.has("confidentiality_impacts")).isFalse();

    assertThat(followUp.get("determination").asString()).isEqualTo("successful-attempt");
    assertThat(followUp.get("criticality").asInt()).isEqualTo(70);
    assertThat(followUp.at("/incident_types/0").asString()).isEqualTo("unauthorized-release");
    assertThat(followUp.at("/confidentiality_impacts/0/loss_type").asString())
        .isEqualTo("confirmed-loss");
    assertThat(followUp.has("availability_impacts")).isFalse();

    assertThat(last.get("investigation_status").asString()).isEqualTo("closed");
    assertThat(last.get("criticality").asInt()).isEqualTo(25);
    assertThat(last.at("/integrity_impacts/0/alteration").asString())
        .isEqualTo("partial-modification");

    assertThat(incidents.get(1).get("name").asString()).isEqualTo("配電システムの障害 2");
    assertThat(incidents.get(1).get("description").asString()).isEqualTo("顧客情報が外に出たおそれ。\n二行目");
    assertThat(incidents.get(0).has("description")).isFalse();
    JsonNode emergency =
        core(ofType(mapping.report(StixFixtures.report(Tlp.GREEN, true)), "incident").get(0));
    assertThat(emergency.get("criticality").asInt()).isEqualTo(95);
  }

  @Test
  void indicatorsArePatternsAndObservablesWithTheSpecificationsIds() {
    IndicatorStix indicators = new IndicatorStix(new StixObjects(json));
    ExportedIndicator ipv4 = new ExportedIndicator(ExportedIndicator.Type.IPV4, "198.51.100.3");
    ExportedIndicator ipv6 = new ExportedIndicator(ExportedIndicator.Type.IPV6, "2001:db8::1");
    ExportedIndicator sha256 =
        new ExportedIndicator(
            ExportedIndicator.Type.SHA256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ExportedIndicator quoted =
        new ExportedIndicator(ExportedIndicator.Type.URL, "http://bad.example/it's\\here");

    // the ids the STIX 2.1 specification itself gives for these addresses
    assertThat(indicators.observable(ipv4, Tlp.GREEN).get("id").asString())
        .isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
    assertThat(indicators.observable(ipv6, Tlp.GREEN).get("id").asString())
        .isEqualTo("ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26");
    assertThat(IndicatorStix.pattern(ipv4)).isEqualTo("[ipv4-addr:value = '198.51.100.3']");
    assertThat(IndicatorStix.pattern(sha256))
        .isEqualTo(
            "[file:hashes.'SHA-256' = "
                + "'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']");
    assertThat(indicators.observable(sha256, Tlp.GREEN).at("/hashes/SHA-256").asString())
        .isEqualTo(sha256.value());
    assertThat(IndicatorStix.pattern(quoted))
        .isEqualTo("[url:value = 'http://bad.example/it\\'s\\\\here']");
    for (ExportedIndicator.Type type : ExportedIndicator.Type.values()) {
      ExportedIndicator indicator = new ExportedIndicator(type, "v'a\\lue");
      assertThat(IndicatorStix.fromPattern(IndicatorStix.pattern(indicator))).contains(indicator);
    }
    assertThat(IndicatorStix.fromPattern("[ipv4-addr:value = '1.2.3.4' OR url:value = 'x']"))
        .isEmpty();
  }

  @Test
  void aSanitisedReleaseNamesNeitherTheReporterNorItsReport() {
    ExportedReport original = StixFixtures.report();
    String bundle =
        json.writeValueAsString(
            mapping.bundle(
                mapping.advisory(StixFixtures.advisory(StixFixtures.electricityOperator()))));

    assertThat(bundle)
        .contains("電力分野の事業者", "an operator in the electric power sector")
        .doesNotContain(
            original.originator().nameJa(),
            original.originator().nameEn(),
            original.originator().id().value().toString(),
            ReportStix.identityId(original.originator().id()),
            original.reference(),
            original.id().toString(),
            ReportStix.incidentId(original.id()),
            ReportStix.reportId(original.id()));
    ExportedAdvisory another =
        new ExportedAdvisory(
            UUID.randomUUID(),
            "A2026-00099",
            StixFixtures.MINISTRY,
            "別の公開",
            "本文",
            "",
            List.of(),
            Tlp.CLEAR,
            StixFixtures.SUBMITTED,
            null,
            StixFixtures.electricityOperator(),
            new Disclosure(StixFixtures.MINISTRY.id(), Tlp.CLEAR, Set.of(), Set.of()));
    assertThat(json.writeValueAsString(mapping.bundle(mapping.advisory(another))))
        .contains(AdvisoryStix.anonymousReporterId("electricity"));
    assertThat(AdvisoryStix.anonymousReporterId("electricity"))
        .isNotEqualTo(AdvisoryStix.anonymousReporterId("gas"));
  }

  @Test
  void anAdvisoryIsAThreatReportWithItsBodyInANote() {
    ExportedAdvisory advisory = StixFixtures.advisory(null);
    List<ObjectNode> objects = mapping.advisory(advisory);
    JsonNode report = ofType(objects, "report").get(0);
    JsonNode note = ofType(objects, "note").get(0);

    assertThat(report.at("/report_types/0").asString()).isEqualTo("threat-report");
    assertThat(report.get("name").asString()).isEqualTo(advisory.title());
    assertThat(report.get("published").asString()).isEqualTo("2026-10-02T03:04:05.678901Z");
    assertThat(StixObjects.texts(report, "object_refs"))
        .contains(note.get("id").asString(), ReportStix.identityId(advisory.issuer().id()));
    assertThat(note.get("content").asString()).isEqualTo(advisory.body());
    assertThat(StixObjects.texts(note, "object_refs")).containsExactly(report.get("id").asString());
    assertThat(ofType(objects, "indicator")).hasSize(2);
    assertThat(Stream.of("ipv4-addr", "domain-name"))
        .allSatisfy(t -> assertThat(ofType(objects, t)).hasSize(1));
  }

  private List<JsonNode> throughText(List<ObjectNode> objects) {
    List<JsonNode> read = new ArrayList<>();
    json.readTree(json.writeValueAsString(mapping.bundle(objects)))
        .get("objects")
        .values()
        .forEach(read::add);
    return read;
  }

  private static List<JsonNode> ofType(List<? extends JsonNode> objects, String type) {
    return objects.stream()
        .filter(o -> o.get("type").asString().equals(type))
        .map(o -> (JsonNode) o)
        .toList();
  }

  private static List<String> ids(List<ObjectNode> objects) {
    return objects.stream().map(o -> o.get("id").asString()).toList();
  }

  private static List<Tlp> markingsOf(List<ObjectNode> objects, String type) {
    return ofType(objects, type).stream().map(StixObjects::markingOf).toList();
  }

  private static JsonNode core(JsonNode incident) {
    return incident.get("extensions").get(StixObjects.INCIDENT_CORE);
  }
}
