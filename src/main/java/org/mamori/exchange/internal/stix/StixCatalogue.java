package org.mamori.exchange.internal.stix;

import static org.mamori.exchange.internal.stix.ObjectCheck.atLeastOneOf;
import static org.mamori.exchange.internal.stix.ObjectCheck.forbiddenWhen;
import static org.mamori.exchange.internal.stix.ObjectCheck.notBoth;
import static org.mamori.exchange.internal.stix.ObjectCheck.order;
import static org.mamori.exchange.internal.stix.ObjectCheck.requiredWhen;
import static org.mamori.exchange.internal.stix.ObjectCheck.requires;
import static org.mamori.exchange.internal.stix.PropertyCheck.ANY;
import static org.mamori.exchange.internal.stix.PropertyCheck.BINARY;
import static org.mamori.exchange.internal.stix.PropertyCheck.BOOLEAN;
import static org.mamori.exchange.internal.stix.PropertyCheck.EXTENSIONS;
import static org.mamori.exchange.internal.stix.PropertyCheck.EXTENSION_TYPE;
import static org.mamori.exchange.internal.stix.PropertyCheck.EXTERNAL_REFERENCES;
import static org.mamori.exchange.internal.stix.PropertyCheck.GRANULAR_MARKINGS;
import static org.mamori.exchange.internal.stix.PropertyCheck.HASHES;
import static org.mamori.exchange.internal.stix.PropertyCheck.HEX;
import static org.mamori.exchange.internal.stix.PropertyCheck.INTEGER;
import static org.mamori.exchange.internal.stix.PropertyCheck.KILL_CHAIN_PHASES;
import static org.mamori.exchange.internal.stix.PropertyCheck.LANGUAGE;
import static org.mamori.exchange.internal.stix.PropertyCheck.NON_EMPTY_OBJECT;
import static org.mamori.exchange.internal.stix.PropertyCheck.NON_NEGATIVE_INTEGER;
import static org.mamori.exchange.internal.stix.PropertyCheck.STRING;
import static org.mamori.exchange.internal.stix.PropertyCheck.STRING_LIST;
import static org.mamori.exchange.internal.stix.PropertyCheck.TIMESTAMP;
import static org.mamori.exchange.internal.stix.PropertyCheck.TIMESTAMP_MILLISECONDS;
import static org.mamori.exchange.internal.stix.PropertyCheck.URL;
import static org.mamori.exchange.internal.stix.PropertyCheck.closed;
import static org.mamori.exchange.internal.stix.PropertyCheck.dictionary;
import static org.mamori.exchange.internal.stix.PropertyCheck.integer;
import static org.mamori.exchange.internal.stix.PropertyCheck.listOf;
import static org.mamori.exchange.internal.stix.PropertyCheck.number;
import static org.mamori.exchange.internal.stix.PropertyCheck.object;
import static org.mamori.exchange.internal.stix.PropertyCheck.refNotTo;
import static org.mamori.exchange.internal.stix.PropertyCheck.refTo;
import static org.mamori.exchange.internal.stix.PropertyCheck.string;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.stix.TypeSpec.Kind;
import org.mamori.shared.Tlp;
import tools.jackson.databind.JsonNode;

/**
 * The STIX 2.1 object types (OASIS STIX 2.1, CS02/OS) as data: for each type its kind, required
 * properties, the data type of every property the specification defines, and the rules across
 * properties. Open vocabularies are plain strings (any value is accepted); closed enumerations are
 * enforced.
 */
final class StixCatalogue {

  static final Set<String> DOMAIN_TYPES =
      Set.of(
          "attack-pattern",
          "campaign",
          "course-of-action",
          "grouping",
          "identity",
          "incident",
          "indicator",
          "infrastructure",
          "intrusion-set",
          "location",
          "malware",
          "malware-analysis",
          "note",
          "observed-data",
          "opinion",
          "report",
          "threat-actor",
          "tool",
          "vulnerability");

  static final Set<String> OBSERVABLE_TYPES =
      Set.of(
          "artifact",
          "autonomous-system",
          "directory",
          "domain-name",
          "email-addr",
          "email-message",
          "file",
          "ipv4-addr",
          "ipv6-addr",
          "mac-addr",
          "mutex",
          "network-traffic",
          "process",
          "software",
          "url",
          "user-account",
          "windows-registry-key",
          "x509-certificate");

  /** What a relationship may not connect: relationships themselves and non-STIX-object types. */
  private static final Set<String> NOT_CONNECTABLE =
      Set.of(
          "relationship",
          "sighting",
          "bundle",
          "marking-definition",
          "language-content",
          "extension-definition");

  private static final Set<String> NOT_SIGHTABLE = union(NOT_CONNECTABLE, OBSERVABLE_TYPES);

  private static final Set<String> NOT_OBSERVED =
      union(
          DOMAIN_TYPES,
          Set.of("bundle", "marking-definition", "language-content", "extension-definition"));

  private static final List<String> CORE_REQUIRED =
      List.of("spec_version", "id", "created", "modified");

  private static final Map<String, PropertyCheck> CORE_PROPERTIES =
      Map.ofEntries(
          Map.entry("created_by_ref", refTo("identity")),
          Map.entry("created", TIMESTAMP_MILLISECONDS),
          Map.entry("modified", TIMESTAMP_MILLISECONDS),
          Map.entry("revoked", BOOLEAN),
          Map.entry("labels", STRING_LIST),
          Map.entry("confidence", integer(0, 100)),
          Map.entry("lang", LANGUAGE),
          Map.entry("external_references", EXTERNAL_REFERENCES),
          Map.entry("object_marking_refs", refTo("marking-definition")),
          Map.entry("granular_markings", GRANULAR_MARKINGS),
          Map.entry("extensions", EXTENSIONS));

  private static final Map<String, PropertyCheck> MARKING_PROPERTIES =
      Map.of(
          "created_by_ref", refTo("identity"),
          "created", TIMESTAMP_MILLISECONDS,
          "external_references", EXTERNAL_REFERENCES,
          "object_marking_refs", refTo("marking-definition"),
          "granular_markings", GRANULAR_MARKINGS,
          "extensions", EXTENSIONS,
          "name", STRING,
          "definition_type", STRING,
          "definition", NON_EMPTY_OBJECT);

  private static final Map<String, PropertyCheck> OBSERVABLE_PROPERTIES =
      Map.of(
          "object_marking_refs", refTo("marking-definition"),
          "granular_markings", GRANULAR_MARKINGS,
          "defanged", BOOLEAN,
          "extensions", EXTENSIONS);

  /** Properties every object has that say nothing about the observed thing itself. */
  private static final Set<String> OBSERVABLE_FRAME =
      Set.of("type", "id", "spec_version", "object_marking_refs", "granular_markings", "defanged");

  private static final PropertyCheck MIME_PART_PROPERTIES =
      object(
          Map.of(
              "body", STRING,
              "body_raw_ref", refTo("artifact", "file"),
              "content_type", STRING,
              "content_disposition", STRING));

  private static final PropertyCheck TLP2_CONTENT =
      object(
          Map.of("tlp_2_0", closed("clear", "green", "amber", "amber+strict", "red")), "tlp_2_0");

  private static final PropertyCheck TLP1_DEFINITION =
      object(Map.of("tlp", closed("white", "green", "amber", "red")), "tlp");

  private static final PropertyCheck STATEMENT_DEFINITION =
      object(Map.of("statement", STRING), "statement");

  private static final Map<String, TypeSpec> TYPES =
      Stream.of(
              core("attack-pattern")
                  .require("name")
                  .with(STRING, "name", "description")
                  .with("aliases", STRING_LIST)
                  .with("kill_chain_phases", KILL_CHAIN_PHASES),
              core("campaign")
                  .require("name")
                  .with(STRING, "name", "description", "objective")
                  .with("aliases", STRING_LIST)
                  .with(TIMESTAMP, "first_seen", "last_seen")
                  .check(order("first_seen", "last_seen", false)),
              core("course-of-action").require("name").with(STRING, "name", "description"),
              core("grouping")
                  .require("context", "object_refs")
                  .with(STRING, "name", "description", "context")
                  .with("object_refs", ANY),
              core("identity")
                  .require("name")
                  .with(STRING, "name", "description", "identity_class", "contact_information")
                  .with(STRING_LIST, "roles", "sectors"),
              core("incident")
                  .require("name")
                  .with(STRING, "name", "description")
                  .with("kill_chain_phases", KILL_CHAIN_PHASES),
              core("indicator")
                  .require("pattern", "pattern_type", "valid_from")
                  .with(STRING, "name", "description", "pattern", "pattern_type", "pattern_version")
                  .with("indicator_types", STRING_LIST)
                  .with(TIMESTAMP, "valid_from", "valid_until")
                  .with("kill_chain_phases", KILL_CHAIN_PHASES)
                  .check(order("valid_from", "valid_until", true))
                  .check(StixCatalogue::stixPattern),
              core("infrastructure")
                  .require("name")
                  .with(STRING, "name", "description")
                  .with(STRING_LIST, "infrastructure_types", "aliases")
                  .with("kill_chain_phases", KILL_CHAIN_PHASES)
                  .with(TIMESTAMP, "first_seen", "last_seen")
                  .check(order("first_seen", "last_seen", false)),
              core("intrusion-set")
                  .require("name")
                  .with(STRING, "name", "description", "resource_level", "primary_motivation")
                  .with(STRING_LIST, "aliases", "goals", "secondary_motivations")
                  .with(TIMESTAMP, "first_seen", "last_seen")
                  .check(order("first_seen", "last_seen", false)),
              core("location")
                  .with(
                      STRING,
                      "name",
                      "description",
                      "region",
                      "country",
                      "administrative_area",
                      "city",
                      "street_address",
                      "postal_code")
                  .with("latitude", number(-90, 90))
                  .with("longitude", number(-180, 180))
                  .with("precision", number(0, Double.MAX_VALUE))
                  .check(atLeastOneOf("region", "country", "latitude", "longitude"))
                  .check(requires("latitude", "longitude"))
                  .check(requires("longitude", "latitude"))
                  .check(requires("precision", "latitude")),
              core("malware")
                  .require("is_family")
                  .with(STRING, "name", "description")
                  .with("is_family", BOOLEAN)
                  .with(
                      STRING_LIST,
                      "malware_types",
                      "aliases",
                      "architecture_execution_envs",
                      "implementation_languages",
                      "capabilities")
                  .with("kill_chain_phases", KILL_CHAIN_PHASES)
                  .with(TIMESTAMP, "first_seen", "last_seen")
                  .with("operating_system_refs", refTo("software"))
                  .with("sample_refs", refTo("file", "artifact"))
                  .check(requiredWhen("name", "is_family", true))
                  .check(order("first_seen", "last_seen", false)),
              core("malware-analysis")
                  .require("product")
                  .with(
                      STRING,
                      "product",
                      "version",
                      "configuration_version",
                      "analysis_engine_version",
                      "analysis_definition_version",
                      "result_name",
                      "result")
                  .with("modules", STRING_LIST)
                  .with(refTo("software"), "host_vm_ref", "operating_system_ref")
                  .with("installed_software_refs", refTo("software"))
                  .with("analysis_sco_refs", ANY)
                  .with("sample_ref", refTo("file", "artifact", "network-traffic"))
                  .with(TIMESTAMP, "submitted", "analysis_started", "analysis_ended")
                  .check(atLeastOneOf("result", "analysis_sco_refs"))
                  .check(order("analysis_started", "analysis_ended", false)),
              core("note")
                  .require("content", "object_refs")
                  .with(STRING, "abstract", "content")
                  .with("authors", STRING_LIST)
                  .with("object_refs", ANY),
              core("observed-data")
                  .require("first_observed", "last_observed", "number_observed")
                  .with(TIMESTAMP, "first_observed", "last_observed")
                  .with("number_observed", integer(1, 999_999_999))
                  .with("objects", dictionary(object(Map.of("type", STRING), "type")))
                  .with("object_refs", refNotTo(NOT_OBSERVED))
                  .check(atLeastOneOf("objects", "object_refs"))
                  .check(notBoth("objects", "object_refs"))
                  .check(order("first_observed", "last_observed", false)),
              core("opinion")
                  .require("opinion", "object_refs")
                  .with("explanation", STRING)
                  .with("authors", STRING_LIST)
                  .with(
                      "opinion",
                      closed("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"))
                  .with("object_refs", ANY),
              core("report")
                  .require("name", "published", "object_refs")
                  .with(STRING, "name", "description")
                  .with("report_types", STRING_LIST)
                  .with("published", TIMESTAMP)
                  .with("object_refs", ANY),
              core("threat-actor")
                  .require("name")
                  .with(
                      STRING,
                      "name",
                      "description",
                      "sophistication",
                      "resource_level",
                      "primary_motivation")
                  .with(
                      STRING_LIST,
                      "threat_actor_types",
                      "aliases",
                      "roles",
                      "goals",
                      "secondary_motivations",
                      "personal_motivations")
                  .with(TIMESTAMP, "first_seen", "last_seen")
                  .check(order("first_seen", "last_seen", false)),
              core("tool")
                  .require("name")
                  .with(STRING, "name", "description", "tool_version")
                  .with(STRING_LIST, "tool_types", "aliases")
                  .with("kill_chain_phases", KILL_CHAIN_PHASES),
              core("vulnerability").require("name").with(STRING, "name", "description"),
              core("relationship")
                  .require("relationship_type", "source_ref", "target_ref")
                  .with(
                      "relationship_type",
                      string(StixCatalogue::isRelationshipType, StixRule.BAD_RELATIONSHIP_TYPE))
                  .with("description", STRING)
                  .with(refNotTo(NOT_CONNECTABLE), "source_ref", "target_ref")
                  .with(TIMESTAMP, "start_time", "stop_time")
                  .check(order("start_time", "stop_time", true)),
              core("sighting")
                  .require("sighting_of_ref")
                  .with("description", STRING)
                  .with(TIMESTAMP, "first_seen", "last_seen")
                  .with("count", integer(0, 999_999_999))
                  .with("sighting_of_ref", refNotTo(NOT_SIGHTABLE))
                  .with("observed_data_refs", refTo("observed-data"))
                  .with("where_sighted_refs", refTo("identity", "location"))
                  .with("summary", BOOLEAN)
                  .check(order("first_seen", "last_seen", false)),
              core("language-content")
                  .require("object_ref", "contents")
                  .with("object_ref", refNotTo(Set.of("bundle", "language-content")))
                  .with("object_modified", TIMESTAMP)
                  .with("contents", StixCatalogue::languageContents),
              core("extension-definition")
                  .require("created_by_ref", "name", "schema", "version", "extension_types")
                  .with(STRING, "name", "description", "schema", "version")
                  .with("extension_types", listOf(EXTENSION_TYPE))
                  .with("extension_properties", STRING_LIST)
                  .check(StixCatalogue::extensionProperties),
              new TypeSpec.Builder(
                      "marking-definition",
                      Kind.MARKING,
                      List.of("spec_version", "id", "created"),
                      MARKING_PROPERTIES)
                  .check(StixCatalogue::markingContent)
                  .check(StixCatalogue::markingNotOnItself),
              sco("artifact")
                  .with(STRING, "mime_type", "decryption_key")
                  .with("payload_bin", BINARY)
                  .with("url", URL)
                  .with("hashes", HASHES)
                  .with(
                      "encryption_algorithm",
                      closed("mime-type-indicated", "AES-256-GCM", "ChaCha20-Poly1305"))
                  .check(atLeastOneOf("payload_bin", "url"))
                  .check(notBoth("payload_bin", "url"))
                  .check(requires("url", "hashes"))
                  .check(requires("decryption_key", "encryption_algorithm")),
              sco("autonomous-system")
                  .require("number")
                  .with("number", NON_NEGATIVE_INTEGER)
                  .with(STRING, "name", "rir"),
              sco("directory")
                  .require("path")
                  .with(STRING, "path", "path_enc")
                  .with(TIMESTAMP, "ctime", "mtime", "atime")
                  .with("contains_refs", refTo("file", "directory")),
              sco("domain-name")
                  .require("value")
                  .with("value", STRING)
                  .with("resolves_to_refs", refTo("ipv4-addr", "ipv6-addr", "domain-name")),
              sco("email-addr")
                  .require("value")
                  .with(STRING, "value", "display_name")
                  .with("belongs_to_ref", refTo("user-account")),
              sco("email-message")
                  .require("is_multipart")
                  .with("is_multipart", BOOLEAN)
                  .with("date", TIMESTAMP)
                  .with(STRING, "content_type", "message_id", "subject", "body")
                  .with(refTo("email-addr"), "from_ref", "sender_ref", "to_refs", "cc_refs")
                  .with("bcc_refs", refTo("email-addr"))
                  .with("received_lines", STRING_LIST)
                  .with("additional_header_fields", dictionary(ANY))
                  .with("body_multipart", listOf(StixCatalogue::mimePart))
                  .with("raw_email_ref", refTo("artifact"))
                  .check(forbiddenWhen("body_multipart", "is_multipart", false))
                  .check(forbiddenWhen("body", "is_multipart", true)),
              sco("file")
                  .with("hashes", HASHES)
                  .with("size", NON_NEGATIVE_INTEGER)
                  .with(STRING, "name", "name_enc", "mime_type")
                  .with("magic_number_hex", HEX)
                  .with(TIMESTAMP, "ctime", "mtime", "atime")
                  .with("parent_directory_ref", refTo("directory"))
                  .with("contains_refs", ANY)
                  .with("content_ref", refTo("artifact"))
                  .check(atLeastOneOf("hashes", "name")),
              sco("ipv4-addr")
                  .require("value")
                  .with("value", address(StixValues::isIpv4, "IPv4"))
                  .with("resolves_to_refs", refTo("mac-addr"))
                  .with("belongs_to_refs", refTo("autonomous-system")),
              sco("ipv6-addr")
                  .require("value")
                  .with("value", address(StixValues::isIpv6, "IPv6"))
                  .with("resolves_to_refs", refTo("mac-addr"))
                  .with("belongs_to_refs", refTo("autonomous-system")),
              sco("mac-addr")
                  .require("value")
                  .with("value", string(StixValues::isMacAddress, StixRule.BAD_MAC_ADDRESS)),
              sco("mutex").require("name").with("name", STRING),
              sco("network-traffic")
                  .require("protocols")
                  .with(TIMESTAMP, "start", "end")
                  .with("is_active", BOOLEAN)
                  .with(
                      refTo("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"),
                      "src_ref",
                      "dst_ref")
                  .with(integer(0, 65_535), "src_port", "dst_port")
                  .with("protocols", STRING_LIST)
                  .with(
                      NON_NEGATIVE_INTEGER,
                      "src_byte_count",
                      "dst_byte_count",
                      "src_packets",
                      "dst_packets")
                  .with("ipfix", dictionary(ANY))
                  .with(refTo("artifact"), "src_payload_ref", "dst_payload_ref")
                  .with(refTo("network-traffic"), "encapsulates_refs", "encapsulated_by_ref")
                  .check(atLeastOneOf("src_ref", "dst_ref"))
                  .check(forbiddenWhen("end", "is_active", true))
                  .check(order("start", "end", false))
                  .check(
                      inExtension(
                          "socket-ext",
                          "address_family",
                          closed(
                              "AF_UNSPEC",
                              "AF_INET",
                              "AF_IPX",
                              "AF_APPLETALK",
                              "AF_NETBIOS",
                              "AF_INET6",
                              "AF_IRDA",
                              "AF_BTH")))
                  .check(
                      inExtension(
                          "socket-ext",
                          "socket_type",
                          closed(
                              "SOCK_STREAM",
                              "SOCK_DGRAM",
                              "SOCK_RAW",
                              "SOCK_RDM",
                              "SOCK_SEQPACKET"))),
              describingTheObservedThing(
                  sco("process")
                      .with("is_hidden", BOOLEAN)
                      .with("pid", INTEGER)
                      .with("created_time", TIMESTAMP)
                      .with(STRING, "cwd", "command_line")
                      .with("environment_variables", dictionary(ANY))
                      .with("opened_connection_refs", refTo("network-traffic"))
                      .with("creator_user_ref", refTo("user-account"))
                      .with("image_ref", refTo("file"))
                      .with(refTo("process"), "parent_ref", "child_refs")
                      .check(StixCatalogue::randomUuid)
                      .check(
                          inExtension(
                              "windows-process-ext",
                              "integrity_level",
                              closed("low", "medium", "high", "system")))
                      .check(
                          inExtension(
                              "windows-service-ext",
                              "start_type",
                              closed(
                                  "SERVICE_AUTO_START",
                                  "SERVICE_BOOT_START",
                                  "SERVICE_DEMAND_START",
                                  "SERVICE_DISABLED",
                                  "SERVICE_SYSTEM_ALERT")))
                      .check(
                          inExtension(
                              "windows-service-ext",
                              "service_type",
                              closed(
                                  "SERVICE_KERNEL_DRIVER",
                                  "SERVICE_FILE_SYSTEM_DRIVER",
                                  "SERVICE_WIN32_OWN_PROCESS",
                                  "SERVICE_WIN32_SHARE_PROCESS")))
                      .check(
                          inExtension(
                              "windows-service-ext",
                              "service_status",
                              closed(
                                  "SERVICE_CONTINUE_PENDING",
                                  "SERVICE_PAUSE_PENDING",
                                  "SERVICE_PAUSED",
                                  "SERVICE_RUNNING",
                                  "SERVICE_START_PENDING",
                                  "SERVICE_STOP_PENDING",
                                  "SERVICE_STOPPED")))),
              sco("software")
                  .require("name")
                  .with(STRING, "name", "swid", "vendor", "version")
                  .with("cpe", string(cpe -> cpe.startsWith("cpe:2.3:"), StixRule.BAD_CPE))
                  .with("languages", listOf(LANGUAGE)),
              sco("url").require("value").with("value", URL),
              describingTheObservedThing(
                  sco("user-account")
                      .with(
                          STRING,
                          "user_id",
                          "credential",
                          "account_login",
                          "account_type",
                          "display_name")
                      .with(
                          BOOLEAN,
                          "is_service_account",
                          "is_privileged",
                          "can_escalate_privs",
                          "is_disabled")
                      .with(
                          TIMESTAMP,
                          "account_created",
                          "account_expires",
                          "credential_last_changed",
                          "account_first_login",
                          "account_last_login")),
              describingTheObservedThing(
                  sco("windows-registry-key")
                      .with("key", StixCatalogue::registryKey)
                      .with(
                          "values",
                          listOf(
                              object(
                                  Map.of(
                                      "name",
                                      STRING,
                                      "data",
                                      STRING,
                                      "data_type",
                                      closed(
                                          "REG_NONE",
                                          "REG_SZ",
                                          "REG_EXPAND_SZ",
                                          "REG_BINARY",
                                          "REG_DWORD",
                                          "REG_DWORD_BIG_ENDIAN",
                                          "REG_DWORD_LITTLE_ENDIAN",
                                          "REG_LINK",
                                          "REG_MULTI_SZ",
                                          "REG_RESOURCE_LIST",
                                          "REG_FULL_RESOURCE_DESCRIPTION",
                                          "REG_RESOURCE_REQUIREMENTS_LIST",
                                          "REG_QWORD",
                                          "REG_INVALID_TYPE")))))
                      .with("modified_time", TIMESTAMP)
                      .with("creator_user_ref", refTo("user-account"))
                      .with("number_of_subkeys", NON_NEGATIVE_INTEGER)),
              describingTheObservedThing(
                  sco("x509-certificate")
                      .with("is_self_signed", BOOLEAN)
                      .with("hashes", HASHES)
                      .with(
                          STRING,
                          "version",
                          "serial_number",
                          "signature_algorithm",
                          "issuer",
                          "subject",
                          "subject_public_key_algorithm",
                          "subject_public_key_modulus")
                      .with(TIMESTAMP, "validity_not_before", "validity_not_after")
                      .with("subject_public_key_exponent", INTEGER)
                      .with("x509_v3_extensions", NON_EMPTY_OBJECT)
                      .check(order("validity_not_before", "validity_not_after", false))))
          .map(TypeSpec.Builder::build)
          .collect(Collectors.toUnmodifiableMap(TypeSpec::type, Function.identity()));

  /** A custom object with the common properties of a domain object. */
  private static final TypeSpec CUSTOM_CORE = core("custom").build();

  /** A custom cyber-observable object. */
  private static final TypeSpec CUSTOM_OBSERVABLE = sco("custom").build();

  private StixCatalogue() {}

  /**
   * What applies to an object of this type: the specification's types, custom {@code x-} types and
   * types that an extension-definition declares (new-sdo, new-sro, new-sco); null for an unknown
   * type.
   */
  static @Nullable TypeSpec specFor(String type, JsonNode object) {
    TypeSpec known = TYPES.get(type);
    if (known != null) {
      return known;
    }
    Optional<String> declared = declaredExtensionType(object);
    if (declared.isPresent()) {
      return declared.get().equals("new-sco") ? CUSTOM_OBSERVABLE : CUSTOM_CORE;
    }
    if (type.startsWith("x-")) {
      return object.has("created") || object.has("modified") ? CUSTOM_CORE : CUSTOM_OBSERVABLE;
    }
    return null;
  }

  private static Optional<String> declaredExtensionType(JsonNode object) {
    for (Map.Entry<String, JsonNode> extension : object.path("extensions").properties()) {
      JsonNode kind = extension.getValue().path("extension_type");
      if ("extension-definition".equals(StixValues.identifierType(extension.getKey()))
          && kind.isString()
          && kind.stringValue().startsWith("new-")) {
        return Optional.of(kind.stringValue());
      }
    }
    return Optional.empty();
  }

  private static TypeSpec.Builder core(String type) {
    return new TypeSpec.Builder(type, Kind.CORE, CORE_REQUIRED, CORE_PROPERTIES)
        .check(order("created", "modified", false))
        .check(StixCatalogue::selectorsPointAtContent);
  }

  private static TypeSpec.Builder sco(String type) {
    return new TypeSpec.Builder(type, Kind.OBSERVABLE, List.of("id"), OBSERVABLE_PROPERTIES)
        .check(StixCatalogue::selectorsPointAtContent);
  }

  /**
   * Observables whose properties are all optional (process, user-account, windows-registry-key,
   * x509-certificate) must still say something about the thing they describe.
   */
  private static TypeSpec.Builder describingTheObservedThing(TypeSpec.Builder builder) {
    Set<String> own = new TreeSet<>(builder.build().properties().keySet());
    own.removeAll(OBSERVABLE_FRAME);
    String[] names = own.toArray(String[]::new);
    return builder.check(atLeastOneOf(names));
  }

  private static boolean isRelationshipType(String type) {
    return !type.isEmpty()
        && !type.startsWith("-")
        && !type.endsWith("-")
        && !type.contains("--")
        && type.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  }

  private static PropertyCheck address(java.util.function.Predicate<String> shape, String version) {
    return (value, where, findings) -> {
      if (!value.isString()) {
        findings.add(where, StixRule.EXPECTED_STRING);
      } else if (!shape.test(value.stringValue())) {
        findings.add(where, StixRule.BAD_IP_ADDRESS, value.stringValue(), version);
      }
    };
  }

  private static ObjectCheck inExtension(String extension, String property, PropertyCheck check) {
    return (object, findings) -> {
      JsonNode value = object.path("extensions").path(extension).path(property);
      if (!value.isMissingNode() && !value.isNull()) {
        check.check(value, Where.OBJECT.at("extensions").at(extension).at(property), findings);
      }
    };
  }

  private static void stixPattern(JsonNode indicator, Findings findings) {
    JsonNode pattern = indicator.path("pattern");
    if (!"stix".equals(indicator.path("pattern_type").asString(null)) || !pattern.isString()) {
      return;
    }
    try {
      StixPattern.parse(pattern.stringValue());
    } catch (StixPatternException e) {
      findings.add(e.problemAt("pattern"));
    }
  }

  private static void mimePart(JsonNode part, Where where, Findings findings) {
    MIME_PART_PROPERTIES.check(part, where, findings);
    if (part.isObject() && part.has("body") == part.has("body_raw_ref")) {
      findings.add(where, StixRule.NEEDS_ONE_OF, "body, body_raw_ref");
    }
  }

  private static void registryKey(JsonNode key, Where where, Findings findings) {
    if (!key.isString()) {
      findings.add(where, StixRule.EXPECTED_STRING);
      return;
    }
    String hive = key.stringValue().split("\\\\", 2)[0].toUpperCase(Locale.ROOT);
    if (Set.of("HKLM", "HKCU", "HKCR", "HKCC", "HKU").contains(hive)) {
      findings.add(where, StixRule.ABBREVIATED_HIVE, key.stringValue());
    }
  }

  private static void languageContents(JsonNode contents, Where where, Findings findings) {
    NON_EMPTY_OBJECT.check(contents, where, findings);
    for (Map.Entry<String, JsonNode> language : contents.properties()) {
      Where at = where.at(language.getKey());
      if (!StixValues.isLanguageTag(language.getKey())) {
        findings.add(at, StixRule.BAD_LANGUAGE_TAG, language.getKey());
      }
      NON_EMPTY_OBJECT.check(language.getValue(), at, findings);
    }
  }

  private static void extensionProperties(JsonNode definition, Findings findings) {
    if (!definition.has("extension_properties")) {
      return;
    }
    for (JsonNode type : definition.path("extension_types")) {
      if ("toplevel-property-extension".equals(type.asString(null))) {
        return;
      }
    }
    findings.add(
        Where.OBJECT.at("extension_properties"),
        StixRule.ONLY_WITH_EXTENSION_TYPE,
        "extension_properties",
        "toplevel-property-extension");
  }

  /**
   * The marking itself: TLP 2.0 through the OASIS property extension, TLP 1.0 and statements
   * through definition_type. A predefined TLP id whose content names another level is rejected: it
   * would silently change who may read what it marks.
   */
  private static void markingContent(JsonNode marking, Findings findings) {
    Optional<Tlp> stated = Optional.empty();
    JsonNode tlp2 = marking.path("extensions").path(TlpMarkings.TLP2_EXTENSION);
    if (tlp2.isObject()) {
      Where at = Where.OBJECT.at("extensions").at(TlpMarkings.TLP2_EXTENSION);
      TLP2_CONTENT.check(tlp2, at, findings);
      stated = TlpMarkings.levelNamed(tlp2.path("tlp_2_0").asString(""));
    }
    if (!marking.has("extensions")) {
      for (String needed : List.of("definition_type", "definition")) {
        if (!marking.has(needed)) {
          findings.add(Where.OBJECT, StixRule.MISSING_PROPERTY, needed);
        }
      }
    }
    String definitionType = marking.path("definition_type").asString("");
    JsonNode definition = marking.path("definition");
    Where at = Where.OBJECT.at("definition");
    if (definitionType.equals("tlp") && definition.isObject()) {
      TLP1_DEFINITION.check(definition, at, findings);
      stated = TlpMarkings.levelNamed(definition.path("tlp").asString(""));
    } else if (definitionType.equals("statement") && definition.isObject()) {
      STATEMENT_DEFINITION.check(definition, at, findings);
    }
    String id = marking.path("id").asString("");
    Optional<Tlp> fixed = TlpMarkings.levelOf(id);
    if (fixed.isPresent() && stated.isPresent() && fixed.get() != stated.get()) {
      findings.add(Where.OBJECT, StixRule.TLP_CONTRADICTS_ID, id, fixed.get().label());
    }
  }

  private static void markingNotOnItself(JsonNode marking, Findings findings) {
    String id = marking.path("id").asString("");
    JsonNode refs = marking.path("object_marking_refs");
    for (int i = 0; i < refs.size(); i++) {
      if (id.equals(refs.get(i).asString(null))) {
        findings.add(Where.OBJECT.at("object_marking_refs").at(i), StixRule.MARKS_ITSELF);
      }
    }
    JsonNode granular = marking.path("granular_markings");
    for (int i = 0; i < granular.size(); i++) {
      if (id.equals(granular.get(i).path("marking_ref").asString(null))) {
        findings.add(
            Where.OBJECT.at("granular_markings").at(i).at("marking_ref"), StixRule.MARKS_ITSELF);
      }
    }
  }

  /** A process has no properties to derive its id from, so the id must be random (UUIDv4). */
  private static void randomUuid(JsonNode process, Findings findings) {
    JsonNode id = process.path("id");
    if (id.isString()
        && StixValues.identifierType(id.stringValue()) != null
        && StixValues.uuidVersion(id.stringValue()) != 4) {
      findings.add(Where.OBJECT.at("id"), StixRule.NEEDS_UUID4, "process");
    }
  }

  /** Each granular marking selector must lead to a property or list item of this object. */
  private static void selectorsPointAtContent(JsonNode object, Findings findings) {
    JsonNode markings = object.path("granular_markings");
    for (int m = 0; m < markings.size(); m++) {
      JsonNode selectors = markings.get(m).path("selectors");
      for (int s = 0; s < selectors.size(); s++) {
        String selector = selectors.get(s).asString(null);
        if (selector != null
            && StixValues.isSelector(selector)
            && !pointsAtContent(object, selector)) {
          findings.add(
              Where.OBJECT.at("granular_markings").at(m).at("selectors").at(s),
              StixRule.SELECTOR_NOT_FOUND,
              selector);
        }
      }
    }
  }

  private static boolean pointsAtContent(JsonNode object, String selector) {
    JsonNode current = object;
    for (String step : selector.split("\\.")) {
      if (step.startsWith("[")) {
        if (!current.isArray() || step.length() > 11) {
          return false;
        }
        int index = Integer.parseInt(step, 1, step.length() - 1, 10);
        if (index >= current.size()) {
          return false;
        }
        current = current.get(index);
      } else {
        if (!current.isObject() || !current.has(step)) {
          return false;
        }
        current = current.get(step);
      }
    }
    return true;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }
}
