package org.mamori.exchange.internal.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.shared.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MispImportTest {

  private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
  private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
  private static final String SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String SHA512 =
      "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
          + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
  private static final String AMBER = TlpMarkings.idOf(Tlp.AMBER);
  private static final String RED = TlpMarkings.idOf(Tlp.RED);

  private final MispImport mispImport = new MispImport();

  static Stream<Arguments> patterns() {
    return Stream.of(
        arguments(
            "ip-src",
            "198.51.100.23",
            "[network-traffic:src_ref.type = 'ipv4-addr'"
                + " AND network-traffic:src_ref.value = '198.51.100.23']"),
        arguments(
            "ip-dst",
            "2001:db8::1",
            "[network-traffic:dst_ref.type = 'ipv6-addr'"
                + " AND network-traffic:dst_ref.value = '2001:db8::1']"),
        arguments(
            "ip-src|port",
            "198.51.100.24|4444",
            "[network-traffic:src_ref.type = 'ipv4-addr' AND network-traffic:src_ref.value ="
                + " '198.51.100.24' AND network-traffic:src_port = 4444]"),
        arguments(
            "ip-dst|port",
            "203.0.113.5|8080",
            "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value ="
                + " '203.0.113.5' AND network-traffic:dst_port = 8080]"),
        arguments("domain", "water-update.example", "[domain-name:value = 'water-update.example']"),
        arguments(
            "hostname",
            "mail.water-update.example",
            "[domain-name:value = 'mail.water-update.example']"),
        arguments(
            "domain|ip",
            "portal.example|203.0.113.11",
            "[domain-name:value = 'portal.example' AND domain-name:resolves_to_refs[*].type ="
                + " 'ipv4-addr' AND domain-name:resolves_to_refs[*].value = '203.0.113.11']"),
        arguments("url", "https://x.example/a?b=1", "[url:value = 'https://x.example/a?b=1']"),
        arguments("uri", "/wp-login.php", "[url:value = '/wp-login.php']"),
        arguments("link", "https://www.example.org/a", "[url:value = 'https://www.example.org/a']"),
        arguments("md5", MD5, "[file:hashes.MD5 = '" + MD5 + "']"),
        arguments("sha1", SHA1, "[file:hashes.'SHA-1' = '" + SHA1 + "']"),
        arguments("sha256", SHA256, "[file:hashes.'SHA-256' = '" + SHA256 + "']"),
        arguments("sha512", SHA512, "[file:hashes.'SHA-512' = '" + SHA512 + "']"),
        arguments("filename", "請求書.pdf.exe", "[file:name = '請求書.pdf.exe']"),
        arguments(
            "filename|md5",
            "a.exe|" + MD5,
            "[file:name = 'a.exe' AND file:hashes.MD5 = '" + MD5 + "']"),
        arguments(
            "filename|sha1",
            "b.dll|" + SHA1,
            "[file:name = 'b.dll' AND file:hashes.'SHA-1' = '" + SHA1 + "']"),
        arguments(
            "filename|sha256",
            "c.exe|" + SHA256,
            "[file:name = 'c.exe' AND file:hashes.'SHA-256' = '" + SHA256 + "']"),
        arguments(
            "email", "a@water-update.example", "[email-addr:value = 'a@water-update.example']"),
        arguments(
            "email-src",
            "billing@water-update.example",
            "[email-message:from_ref.type = 'email-addr'"
                + " AND email-message:from_ref.value = 'billing@water-update.example']"),
        arguments(
            "email-dst",
            "operator@utility.example",
            "[email-message:to_refs[*].type = 'email-addr'"
                + " AND email-message:to_refs[*].value = 'operator@utility.example']"),
        arguments("email-subject", "請求書の送付", "[email-message:subject = '請求書の送付']"),
        arguments("mutex", "Global\\WaterBot", "[mutex:name = 'Global\\\\WaterBot']"),
        arguments(
            "regkey",
            "HKLM\\Software\\Run\\updater",
            "[windows-registry-key:key = 'HKLM\\\\Software\\\\Run\\\\updater']"),
        arguments(
            "regkey|value",
            "HKCU\\Run\\svc|C:\\svc.exe",
            "[windows-registry-key:key = 'HKCU\\\\Run\\\\svc'"
                + " AND windows-registry-key:values[*].data = 'C:\\\\svc.exe']"),
        arguments("AS", "64500", "[autonomous-system:number = 64500]"),
        arguments(
            "user-agent",
            "Mozilla/5.0 (it's WaterBot)",
            "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'"
                + " = 'Mozilla/5.0 (it\\'s WaterBot)']"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patterns")
  void anAttributeForDetectionBecomesAnIndicatorWithAStixPattern(
      String type, String value, String pattern) {
    MispImportResult result = mispImport.convert(MispEvents.withAttribute(type, value, true));

    JsonNode indicator = MispEvents.only(result.objects(), "indicator");
    assertThat(indicator.get("id").asString()).isEqualTo("indicator--" + MispEvents.ATTRIBUTE_UUID);
    assertThat(indicator.get("pattern").asString()).isEqualTo(pattern);
    assertThat(indicator.get("pattern_type").asString()).isEqualTo("stix");
    assertThat(texts(indicator.get("labels")))
        .contains(
            "misp:type=\"" + type + "\"",
            "misp:category=\"" + MispTypes.defaultCategory(type) + "\"");
    assertThat(result.problems()).isEmpty();
  }

  static Stream<Arguments> observables() {
    return Stream.of(
        arguments(
            "ip-src",
            "198.51.100.23",
            List.of(
                "network-traffic protocols=[ipv4] src_ref=ipv4-addr",
                "ipv4-addr value=198.51.100.23")),
        arguments(
            "ip-dst",
            "203.0.113.10",
            List.of(
                "network-traffic dst_ref=ipv4-addr protocols=[ipv4]",
                "ipv4-addr value=203.0.113.10")),
        arguments(
            "ip-src|port",
            "198.51.100.24|4444",
            List.of(
                "network-traffic protocols=[ipv4] src_port=4444 src_ref=ipv4-addr",
                "ipv4-addr value=198.51.100.24")),
        arguments(
            "ip-dst|port",
            "2001:db8::10|443",
            List.of(
                "network-traffic dst_port=443 dst_ref=ipv6-addr protocols=[ipv6]",
                "ipv6-addr value=2001:db8::10")),
        arguments(
            "domain", "water-update.example", List.of("domain-name value=water-update.example")),
        arguments("hostname", "mail.example", List.of("domain-name value=mail.example")),
        arguments(
            "domain|ip",
            "portal.example|203.0.113.11",
            List.of(
                "domain-name resolves_to_refs=[ipv4-addr] value=portal.example",
                "ipv4-addr value=203.0.113.11")),
        arguments("url", "https://x.example/a", List.of("url value=https://x.example/a")),
        arguments("uri", "/wp-login.php", List.of("url value=/wp-login.php")),
        arguments(
            "link", "https://www.example.org/a", List.of("url value=https://www.example.org/a")),
        arguments("md5", MD5, List.of("file hashes={MD5=" + MD5 + "}")),
        arguments("sha1", SHA1, List.of("file hashes={SHA-1=" + SHA1 + "}")),
        arguments("sha256", SHA256, List.of("file hashes={SHA-256=" + SHA256 + "}")),
        arguments("sha512", SHA512, List.of("file hashes={SHA-512=" + SHA512 + "}")),
        arguments("filename", "請求書.pdf.exe", List.of("file name=請求書.pdf.exe")),
        arguments(
            "filename|md5", "a.exe|" + MD5, List.of("file hashes={MD5=" + MD5 + "} name=a.exe")),
        arguments(
            "filename|sha1",
            "b.dll|" + SHA1,
            List.of("file hashes={SHA-1=" + SHA1 + "} name=b.dll")),
        arguments(
            "filename|sha256",
            "c.exe|" + SHA256,
            List.of("file hashes={SHA-256=" + SHA256 + "} name=c.exe")),
        arguments(
            "email", "a@water-update.example", List.of("email-addr value=a@water-update.example")),
        arguments(
            "email-src",
            "billing@water-update.example",
            List.of(
                "email-message from_ref=email-addr is_multipart=false",
                "email-addr value=billing@water-update.example")),
        arguments(
            "email-dst",
            "operator@utility.example",
            List.of(
                "email-message is_multipart=false to_refs=[email-addr]",
                "email-addr value=operator@utility.example")),
        arguments(
            "email-subject", "請求書の送付", List.of("email-message is_multipart=false subject=請求書の送付")),
        arguments("mutex", "Global\\WaterBot", List.of("mutex name=Global\\WaterBot")),
        arguments(
            "regkey",
            "HKLM\\Software\\Run\\x",
            List.of("windows-registry-key key=HKLM\\Software\\Run\\x")),
        arguments(
            "regkey|value",
            "HKCU\\Run\\svc|C:\\svc.exe",
            List.of("windows-registry-key key=HKCU\\Run\\svc values=[{data=C:\\svc.exe}]")),
        arguments("AS", "64500", List.of("autonomous-system number=64500")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("observables")
  void anAttributeNotForDetectionBecomesObservedDataWithItsObservables(
      String type, String value, List<String> observables) {
    MispImportResult result = mispImport.convert(MispEvents.withAttribute(type, value, false));

    JsonNode observed = MispEvents.only(result.objects(), "observed-data");
    assertThat(observed.get("id").asString())
        .isEqualTo("observed-data--" + MispEvents.ATTRIBUTE_UUID);
    assertThat(observed.get("number_observed").asInt()).isEqualTo(1);
    List<String> described = new ArrayList<>();
    for (JsonNode ref : observed.get("object_refs")) {
      JsonNode observable = MispEvents.byId(result.objects(), ref.asString()).orElseThrow();
      assertThat(ref.asString()).endsWith("--" + MispEvents.ATTRIBUTE_UUID);
      described.add(describe(observable));
    }
    assertThat(described).containsExactlyElementsOf(observables);
    assertThat(MispEvents.ofType(result.objects(), "indicator")).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void anAutonomousSystemWrittenWithItsPrefixIsStillANumber() {
    MispImportResult result = mispImport.convert(MispEvents.withAttribute("AS", "AS64500", true));

    assertThat(MispEvents.only(result.objects(), "indicator").get("pattern").asString())
        .isEqualTo("[autonomous-system:number = 64500]");
  }

  @Test
  void aUserAgentNotForDetectionIsANoteSinceStixHasNoObservableForIt() {
    ObjectNode event = MispEvents.withAttribute("user-agent", "curl/8.5.0", false);

    JsonNode note = MispEvents.only(mispImport.convert(event).objects(), "note");

    assertThat(note.get("content").asString()).isEqualTo("curl/8.5.0");
    assertThat(texts(note.get("labels"))).contains("misp:type=\"user-agent\"");
  }

  @Test
  void aVulnerabilityBecomesAVulnerabilityWithItsCve() {
    ObjectNode event = MispEvents.withAttribute("vulnerability", "CVE-2024-3400", false);

    JsonNode vulnerability = MispEvents.only(mispImport.convert(event).objects(), "vulnerability");

    assertThat(vulnerability.get("name").asString()).isEqualTo("CVE-2024-3400");
    assertThat(vulnerability.at("/external_references/0/source_name").asString()).isEqualTo("cve");
    assertThat(vulnerability.at("/external_references/0/external_id").asString())
        .isEqualTo("CVE-2024-3400");
  }

  @Test
  void textAndCommentsBecomeNotesOnTheReport() {
    ObjectNode event = MispEvents.withAttribute("text", "職員あてに請求書を装ったメール", false);
    MispEvents.addAttribute(
        event, "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817", "comment", "11月の観測に基づく", false);

    List<ObjectNode> objects = mispImport.convert(event).objects();

    assertThat(MispEvents.ofType(objects, "note"))
        .extracting(note -> note.get("content").asString())
        .containsExactly("職員あてに請求書を装ったメール", "11月の観測に基づく");
    assertThat(MispEvents.ofType(objects, "note"))
        .allSatisfy(
            note ->
                assertThat(texts(note.get("object_refs")))
                    .containsExactly("report--" + MispEvents.EVENT_UUID));
  }

  @Test
  void aWholeEventBecomesAReportByItsAuthorReferencingEverythingMapped() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    JsonNode report = MispEvents.only(result.objects(), "report");
    assertThat(report.get("id").asString())
        .isEqualTo("report--5a3e2f1c-8b7d-4c6e-9f0a-1b2c3d4e5f60");
    assertThat(report.get("name").asString()).isEqualTo("水道事業者を狙った請求書フィッシング (2025年11月)");
    assertThat(report.get("published").asString()).isEqualTo("2025-11-26T04:09:40.000Z");
    // the very start of the event's date, wherever it was made (UTC+14)
    assertThat(report.get("created").asString()).isEqualTo("2025-11-24T10:00:00.000Z");
    assertThat(report.get("modified").asString()).isEqualTo("2025-11-26T04:08:40.000Z");
    JsonNode identity =
        MispEvents.byId(result.objects(), report.get("created_by_ref").asString()).orElseThrow();
    assertThat(identity.get("id").asString())
        .isEqualTo("identity--8f2e4d6c-1a3b-4c5d-9e8f-7a6b5c4d3e2f");
    assertThat(identity.get("name").asString()).isEqualTo("Example Water ISAC");
    assertThat(identity.get("identity_class").asString()).isEqualTo("organization");
    List<String> refs = texts(report.get("object_refs"));
    for (ObjectNode object : result.objects()) {
      String type = object.get("type").asString();
      if (!List.of("report", "identity", "marking-definition", "extension-definition")
          .contains(type)) {
        assertThat(refs).as(type).contains(object.get("id").asString());
      }
    }
    assertThat(MispEvents.ofType(result.objects(), "indicator")).hasSize(18);
    assertThat(MispEvents.ofType(result.objects(), "observed-data")).hasSize(15);
    assertThat(result.problems())
        .extracting(MispProblem::reason)
        .containsExactly(
            MispReason.TYPE_NOT_MAPPED,
            MispReason.RELATION_NOT_MAPPED,
            MispReason.OBJECT_NOT_MAPPED,
            MispReason.REFERENCE_NOT_MAPPED);
  }

  @Test
  void anUnpublishedEventIsAGroupingOfSuspiciousActivity() {
    ObjectNode event = MispEvents.withAttribute("domain", "water-update.example", true);
    ((ObjectNode) MispEvents.eventOf(event)).put("published", false);

    JsonNode grouping = MispEvents.only(mispImport.convert(event).objects(), "grouping");

    assertThat(grouping.get("id").asString()).isEqualTo("grouping--" + MispEvents.EVENT_UUID);
    assertThat(grouping.get("context").asString()).isEqualTo("suspicious-activity");
    assertThat(grouping.has("published")).isFalse();
  }

  @Test
  void theEventsTlpTagMarksEveryObjectOfTheEventAndAnAttributesOwnTagWinsForIt() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    for (ObjectNode object : result.objects()) {
      String type = object.get("type").asString();
      String id = object.get("id").asString();
      if (List.of("identity", "marking-definition", "extension-definition").contains(type)) {
        assertThat(object.has("object_marking_refs")).as(id).isFalse();
      } else if (id.endsWith("e6f8ed18-c7b7-4a95-a5bc-44ab02629774")) {
        assertThat(texts(object.get("object_marking_refs"))).as(id).containsExactly(RED);
      } else {
        assertThat(texts(object.get("object_marking_refs"))).as(id).containsExactly(AMBER);
      }
    }
    assertThat(MispEvents.ofType(result.objects(), "marking-definition"))
        .extracting(definition -> definition.get("id").asString())
        .containsExactlyInAnyOrder(AMBER, RED);
  }

  @Test
  void tlpTagsAreReadWhateverTheirCaseAndWhiteIsClear() {
    for (Map.Entry<String, Tlp> tag :
        Map.of(
                "TLP:WHITE", Tlp.CLEAR,
                "tlp:clear", Tlp.CLEAR,
                "Tlp:Green", Tlp.GREEN,
                "tlp:amber", Tlp.AMBER,
                "TLP:AMBER+STRICT", Tlp.AMBER_STRICT,
                "tlp:red", Tlp.RED)
            .entrySet()) {
      ObjectNode event = MispEvents.withAttribute("domain", "water-update.example", true);
      MispEvents.tag(MispEvents.eventOf(event), tag.getKey());

      JsonNode indicator = MispEvents.only(mispImport.convert(event).objects(), "indicator");

      assertThat(texts(indicator.get("object_marking_refs")))
          .as(tag.getKey())
          .containsExactly(TlpMarkings.idOf(tag.getValue()));
    }
  }

  @Test
  void withSeveralTlpTagsTheStrictestCounts() {
    ObjectNode event = MispEvents.withAttribute("domain", "water-update.example", true);
    MispEvents.tag(MispEvents.eventOf(event), "tlp:green");
    MispEvents.tag(MispEvents.eventOf(event), "tlp:amber+strict");

    JsonNode report = MispEvents.only(mispImport.convert(event).objects(), "report");

    assertThat(texts(report.get("object_marking_refs")))
        .containsExactly(TlpMarkings.idOf(Tlp.AMBER_STRICT));
  }

  @Test
  void withoutATlpTagNothingIsMarkedSoTheCollectionsDefaultAppliesNeverClear() {
    ObjectNode event = MispEvents.withAttribute("ip-dst", "203.0.113.10", false);
    MispEvents.tag(MispEvents.eventOf(event), "type:OSINT");

    List<ObjectNode> objects = mispImport.convert(event).objects();

    assertThat(objects).noneMatch(object -> object.has("object_marking_refs"));
    assertThat(MispEvents.ofType(objects, "marking-definition")).isEmpty();
  }

  @Test
  void otherTagsBecomeLabelsButLocalOnesStayBehind() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    JsonNode report = MispEvents.only(result.objects(), "report");
    assertThat(texts(report.get("labels")))
        .contains("type:OSINT", "misp-galaxy:sector=\"Water\"")
        .doesNotContain("workflow:state=\"draft\"", "tlp:amber");
    JsonNode tagged =
        MispEvents.byId(result.objects(), "indicator--919e9bc7-f4a0-4d92-a721-3dfe89328293")
            .orElseThrow();
    assertThat(texts(tagged.get("labels"))).contains("kill-chain:Delivery");
  }

  @Test
  void aDeletedAttributeBecomesARevokedVersionOfItsObject() {
    ObjectNode event = MispEvents.withAttribute("domain", "old-c2.example", true);
    ObjectNode attribute = (ObjectNode) MispEvents.eventOf(event).get("Attribute").get(0);
    attribute.put("deleted", true);
    attribute.put("timestamp", "1763650000");

    JsonNode indicator = MispEvents.only(mispImport.convert(event).objects(), "indicator");

    assertThat(indicator.get("revoked").asBoolean()).isTrue();
    assertThat(indicator.get("modified").asString()).isEqualTo("2025-11-20T14:46:40.000Z");
    assertThat(indicator.get("id").asString()).isEqualTo("indicator--" + MispEvents.ATTRIBUTE_UUID);
  }

  @Test
  void aDeletedObjectBecomesARevokedVersionToo() {
    ObjectNode event = MispEvents.event();
    ObjectNode object =
        ((ObjectNode) MispEvents.eventOf(event)).withArrayProperty("Object").addObject();
    object.put("uuid", "2f3e4d5c-6b7a-4891-a0b1-c2d3e4f5a6b7");
    object.put("name", "file");
    object.put("timestamp", "1763650000");
    object.put("deleted", true);
    ObjectNode member = object.putArray("Attribute").addObject();
    member.put("uuid", "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d");
    member.put("object_relation", "md5");
    member.put("type", "md5");
    member.put("value", MD5);
    member.put("to_ids", true);
    member.put("deleted", true);

    JsonNode indicator = MispEvents.only(mispImport.convert(event).objects(), "indicator");

    assertThat(indicator.get("revoked").asBoolean()).isTrue();
    assertThat(indicator.get("pattern").asString()).isEqualTo("[file:hashes.MD5 = '" + MD5 + "']");
  }

  @Test
  void anUnknownTypeIsAProblemNotASilentLoss() {
    ObjectNode event =
        MispEvents.withAttribute("btc", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", true);

    MispImportResult result = mispImport.convert(event);

    assertThat(result.problems())
        .containsExactly(
            MispProblem.of(
                MispEvents.ATTRIBUTE_UUID,
                MispReason.TYPE_NOT_MAPPED,
                "btc",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"));
    assertThat(MispEvents.ofType(result.objects(), "indicator")).isEmpty();
  }

  @Test
  void anAttributeWithoutUuidOrValueIsAProblem() {
    ObjectNode event = MispEvents.withAttribute("domain", "water-update.example", true);
    ((ObjectNode) MispEvents.eventOf(event).get("Attribute").get(0)).remove("uuid");
    MispEvents.addAttribute(event, "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817", "md5", "", true);

    MispImportResult result = mispImport.convert(event);

    assertThat(result.problems())
        .containsExactly(
            MispProblem.of(
                "", MispReason.ATTRIBUTE_INCOMPLETE, "uuid", "domain", "water-update.example"),
            MispProblem.of(
                "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817",
                MispReason.ATTRIBUTE_INCOMPLETE,
                "value",
                "md5",
                ""));
  }

  @Test
  void aValueThatIsNotOfItsTypeIsAProblem() {
    MispImportResult result =
        mispImport.convert(MispEvents.withAttribute("ip-dst|port", "203.0.113.5|https", true));

    assertThat(result.problems())
        .extracting(MispProblem::reason)
        .containsExactly(MispReason.VALUE_INVALID);
    assertThat(MispEvents.ofType(result.objects(), "indicator")).isEmpty();
  }

  @Test
  void aFileObjectForDetectionIsOneIndicatorWithAnAndedPattern() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    JsonNode file =
        MispEvents.byId(result.objects(), "indicator--" + objectUuid("file")).orElseThrow();
    assertThat(file.get("pattern").asString())
        .isEqualTo(
            "[file:name = 'update_setup.exe' AND file:hashes.MD5 ="
                + " '900150983cd24fb0d6963f7d28e17f72' AND file:hashes.'SHA-256' ="
                + " 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'"
                + " AND file:size = 73802]");
    assertThat(texts(file.get("labels")))
        .containsExactly(
            "misp:name=\"file\"",
            "misp:meta-category=\"file\"",
            "malware_classification:malware-category=\"Trojan\"");
    assertThat(MispObjectAttributes.read(file))
        .extracting(MispObjectAttributes.Attribute::relation)
        .containsExactly("filename", "md5", "sha256", "size-in-bytes");
  }

  @Test
  void aNetworkConnectionObjectIsOneIndicatorOverBothEnds() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    JsonNode connection =
        MispEvents.byId(result.objects(), "indicator--" + objectUuid("network-connection"))
            .orElseThrow();
    assertThat(connection.get("pattern").asString())
        .isEqualTo(
            "[network-traffic:src_ref.type = 'ipv4-addr' AND network-traffic:src_ref.value ="
                + " '10.10.1.15' AND network-traffic:dst_ref.type = 'ipv4-addr' AND"
                + " network-traffic:dst_ref.value = '198.51.100.23' AND"
                + " network-traffic:dst_port = 8443 AND network-traffic:protocols[*] = 'tcp']");
  }

  @Test
  void objectsNotForDetectionAreObservedDataWithRelatedObservables() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    JsonNode domainIp =
        MispEvents.byId(result.objects(), "observed-data--" + objectUuid("domain-ip"))
            .orElseThrow();
    List<String> described = new ArrayList<>();
    for (JsonNode ref : domainIp.get("object_refs")) {
      described.add(describe(MispEvents.byId(result.objects(), ref.asString()).orElseThrow()));
    }
    assertThat(described)
        .containsExactly(
            "domain-name resolves_to_refs=[ipv4-addr, ipv4-addr] value=cdn.water-update.example",
            "ipv4-addr value=203.0.113.20",
            "ipv4-addr value=203.0.113.21");
    JsonNode email =
        MispEvents.byId(result.objects(), "email-message--" + objectUuid("email")).orElseThrow();
    assertThat(describe(email))
        .isEqualTo(
            "email-message from_ref=email-addr is_multipart=false subject=請求書の送付"
                + " to_refs=[email-addr, email-addr]");
  }

  @Test
  void aMispObjectReferenceIsARelationshipBetweenWhatBothEndsBecame() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    JsonNode relationship =
        MispEvents.byId(result.objects(), "relationship--4c1f8e2a-7b3d-4e5f-9a6b-0c1d2e3f4a5b")
            .orElseThrow();
    assertThat(relationship.get("relationship_type").asString()).isEqualTo("communicates-with");
    assertThat(relationship.get("source_ref").asString())
        .isEqualTo("indicator--" + objectUuid("file"));
    assertThat(relationship.get("target_ref").asString())
        .isEqualTo("indicator--" + objectUuid("network-connection"));
    assertThat(relationship.get("description").asString()).isEqualTo("起動すると C2 へ接続する");
    assertThat(texts(relationship.get("object_marking_refs"))).containsExactly(AMBER);
    assertThat(
            MispEvents.byId(result.objects(), "relationship--5d2a9f3b-8c4e-4f60-8b7c-1d2e3f4a5b6c"))
        .get()
        .extracting(related -> related.get("target_ref").asString())
        .isEqualTo("indicator--919e9bc7-f4a0-4d92-a721-3dfe89328293");
  }

  @Test
  void aReferenceToSomethingNotImportedIsAProblem() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    assertThat(result.problems())
        .contains(
            MispProblem.of(
                "6e3b0a4c-9d5f-4a71-9c8d-2e3f4a5b6c7d",
                MispReason.REFERENCE_NOT_MAPPED,
                "paid-to",
                "52cf21a4-84fc-496f-a134-3663f398f38e"));
    assertThat(
            MispEvents.byId(result.objects(), "relationship--6e3b0a4c-9d5f-4a71-9c8d-2e3f4a5b6c7d"))
        .isEmpty();
  }

  @Test
  void anUnknownObjectOrRelationIsAProblem() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    assertThat(result.problems())
        .contains(
            MispProblem.of(
                "3f2feb05-133a-448f-bce9-68c7d14502f6",
                MispReason.RELATION_NOT_MAPPED,
                "email",
                "x-mailer",
                "WaterMailer 2.1"),
            MispProblem.of(
                objectUuid("bank-account"), MispReason.OBJECT_NOT_MAPPED, "bank-account"));
  }

  @Test
  void importingTheSameEventAgainGivesTheSameObjects() {
    JsonNode event = MispEvents.fixture("water-phishing.json");

    assertThat(mispImport.convert(event).objects()).isEqualTo(mispImport.convert(event).objects());
  }

  @Test
  void aChangedAttributeIsANewerVersionOfTheSameObject() {
    ObjectNode event = MispEvents.withAttribute("domain", "water-update.example", true);
    JsonNode before = MispEvents.only(mispImport.convert(event).objects(), "indicator");
    ObjectNode attribute = (ObjectNode) MispEvents.eventOf(event).get("Attribute").get(0);
    attribute.put("comment", "C2 と確認");
    attribute.put("timestamp", "1763700000");
    ((ObjectNode) MispEvents.eventOf(event)).put("timestamp", "1763700000");

    JsonNode after = MispEvents.only(mispImport.convert(event).objects(), "indicator");

    assertThat(after.get("id")).isEqualTo(before.get("id"));
    assertThat(after.get("created")).isEqualTo(before.get("created"));
    assertThat(after.get("modified").asString()).isGreaterThan(before.get("modified").asString());
  }

  @Test
  void everyObjectHasTheStixCommonProperties() {
    MispImportResult result = mispImport.convert(MispEvents.fixture("water-phishing.json"));

    String timestamp = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";
    for (ObjectNode object : result.objects()) {
      String type = object.get("type").asString();
      assertThat(object.get("spec_version").asString()).as(type).isEqualTo("2.1");
      assertThat(object.get("id").asString())
          .as(type)
          .matches(type + "--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      if (isObservable(type)) {
        assertThat(object.has("created") || object.has("modified")).as(type).isFalse();
      } else if (type.equals("marking-definition")) {
        assertThat(object.get("created").asString()).as(type).matches(timestamp);
      } else {
        assertThat(object.get("created").asString()).as(type).matches(timestamp);
        assertThat(object.get("modified").asString()).as(type).matches(timestamp);
      }
    }
  }

  @Test
  void somethingThatIsNotAnEventIsRefusedWhole() {
    assertThatThrownBy(() -> mispImport.read(stream("{\"response\": []}")))
        .isInstanceOf(MispFormatException.class)
        .extracting(failure -> ((MispFormatException) failure).problem().reason())
        .isEqualTo(MispReason.NOT_AN_EVENT);
    assertThatThrownBy(() -> mispImport.read(stream("{\"Event\": {\"uuid\": ")))
        .extracting(failure -> ((MispFormatException) failure).problem().reason())
        .isEqualTo(MispReason.NOT_JSON);
    ObjectNode withoutInfo = MispEvents.event();
    ((ObjectNode) MispEvents.eventOf(withoutInfo)).remove("info");
    assertThatThrownBy(() -> mispImport.convert(withoutInfo))
        .extracting(failure -> ((MispFormatException) failure).problem().arguments())
        .isEqualTo(List.of("info"));
  }

  private static boolean isObservable(String type) {
    return !List.of(
            "identity",
            "report",
            "grouping",
            "indicator",
            "observed-data",
            "note",
            "vulnerability",
            "relationship",
            "marking-definition",
            "extension-definition")
        .contains(type);
  }

  private static String objectUuid(String name) {
    for (JsonNode object : MispEvents.fixture("water-phishing.json").get("Event").get("Object")) {
      if (object.get("name").asString().equals(name)) {
        return object.get("uuid").asString();
      }
    }
    throw new AssertionError("no " + name + " object in the fixture");
  }

  /** An observable in one line: its type, then its properties, references by target type. */
  static String describe(JsonNode observable) {
    Map<String, String> properties = new TreeMap<>();
    observable
        .properties()
        .forEach(
            property -> {
              if (!List.of("type", "spec_version", "id", "object_marking_refs")
                  .contains(property.getKey())) {
                properties.put(property.getKey(), shown(property.getValue()));
              }
            });
    StringBuilder line = new StringBuilder(observable.get("type").asString());
    properties.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    return line.toString();
  }

  private static String shown(JsonNode value) {
    if (value.isArray()) {
      List<String> elements = new ArrayList<>();
      value.forEach(element -> elements.add(shown(element)));
      return elements.toString();
    }
    if (value.isObject()) {
      Map<String, String> entries = new TreeMap<>();
      value.properties().forEach(entry -> entries.put(entry.getKey(), shown(entry.getValue())));
      return entries.toString();
    }
    String text = value.asString();
    return text.contains("--") ? StixIds.typeOf(text) : text;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null) {
      array.forEach(element -> texts.add(element.asString()));
    }
    return texts;
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
