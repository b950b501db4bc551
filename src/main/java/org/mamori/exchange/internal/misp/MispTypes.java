package org.mamori.exchange.internal.misp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How each MISP attribute type travels as STIX 2.1: one row per type, after misp-stix's own
 * conventions. A composite type ({@code filename|md5}) has one object path per part of its value,
 * all in the same observable object.
 */
final class MispTypes {

  /** What an attribute of the type becomes. */
  enum Form {
    /** An indicator (to_ids) or observed-data with its observables. */
    OBSERVABLE,
    /** An indicator when to_ids; a note otherwise, since STIX has no observable for it. */
    PATTERN_ONLY,
    /** A vulnerability. */
    VULNERABILITY,
    /** A note holding the value. */
    NOTE
  }

  record Mapping(String type, String defaultCategory, Form form, List<ObjectPath> slots) {

    Set<ObjectPath> slotSet() {
      return Set.copyOf(slots);
    }

    /** The parts of a value, one per slot; a composite's last part keeps any further '|'. */
    List<String> split(String value) {
      return slots.size() <= 1 ? List.of(value) : Arrays.asList(value.split("\\|", slots.size()));
    }
  }

  private static final String NETWORK = "Network activity";
  private static final String PAYLOAD = "Payload delivery";
  private static final String PERSISTENCE = "Persistence mechanism";

  private static final String MD5 = "file:hashes.MD5";
  private static final String SHA1 = "file:hashes.'SHA-1'";
  private static final String SHA256 = "file:hashes.'SHA-256'";
  private static final String SHA512 = "file:hashes.'SHA-512'";
  private static final String FILENAME = "file:name";

  /** In order of preference when several types read the same paths (domain before hostname). */
  private static final Map<String, Mapping> TYPES = new LinkedHashMap<>();

  /** Paths other producers write for a type, read on export but never written. */
  private static final List<Mapping> READ_ONLY = new ArrayList<>();

  static {
    observable("ip-dst", NETWORK, "network-traffic:dst_ref{ip}.value");
    observable("ip-src", NETWORK, "network-traffic:src_ref{ip}.value");
    observable(
        "ip-dst|port", NETWORK, "network-traffic:dst_ref{ip}.value", "network-traffic:dst_port");
    observable(
        "ip-src|port", NETWORK, "network-traffic:src_ref{ip}.value", "network-traffic:src_port");
    observable("domain", NETWORK, "domain-name:value");
    observable("hostname", NETWORK, "domain-name:value");
    observable(
        "domain|ip", NETWORK, "domain-name:value", "domain-name:resolves_to_refs[*]{ip}.value");
    observable("url", NETWORK, "url:value");
    observable("uri", NETWORK, "url:value");
    observable("link", "External analysis", "url:value");
    observable("md5", PAYLOAD, MD5);
    observable("sha1", PAYLOAD, SHA1);
    observable("sha256", PAYLOAD, SHA256);
    observable("sha512", PAYLOAD, SHA512);
    observable("ssdeep", PAYLOAD, "file:hashes.SSDEEP");
    observable("tlsh", PAYLOAD, "file:hashes.TLSH");
    observable("filename", PAYLOAD, FILENAME);
    observable("filename|md5", PAYLOAD, FILENAME, MD5);
    observable("filename|sha1", PAYLOAD, FILENAME, SHA1);
    observable("filename|sha256", PAYLOAD, FILENAME, SHA256);
    observable("filename|sha512", PAYLOAD, FILENAME, SHA512);
    observable("email", PAYLOAD, "email-addr:value");
    observable("email-src", PAYLOAD, "email-message:from_ref{email-addr}.value");
    observable("email-dst", NETWORK, "email-message:to_refs[*]{email-addr}.value");
    observable("email-subject", PAYLOAD, "email-message:subject");
    observable("mutex", "Artifacts dropped", "mutex:name");
    observable("regkey", PERSISTENCE, "windows-registry-key:key");
    observable(
        "regkey|value",
        PERSISTENCE,
        "windows-registry-key:key",
        "windows-registry-key:values[*].data");
    observable("AS", NETWORK, "autonomous-system:number");
    observable("mac-address", NETWORK, "mac-addr:value");
    add(
        "user-agent",
        NETWORK,
        Form.PATTERN_ONLY,
        "network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'");
    add("vulnerability", "External analysis", Form.VULNERABILITY);
    add("text", "Other", Form.NOTE);
    add("comment", "Other", Form.NOTE);
    READ_ONLY.add(mapping("ip-dst", NETWORK, Form.OBSERVABLE, "ipv4-addr:value"));
    READ_ONLY.add(mapping("ip-dst", NETWORK, Form.OBSERVABLE, "ipv6-addr:value"));
  }

  /** MISP's default categories of types that only occur inside objects. */
  private static final Map<String, String> MEMBER_CATEGORIES =
      Map.of(
          "port", NETWORK,
          "size-in-bytes", "Other",
          "text", "Other",
          "mime-type", "Artifacts dropped",
          "email-message-id", PAYLOAD);

  private MispTypes() {}

  /** The category MISP gives a type when none is said. */
  static String defaultCategory(String type) {
    return of(type)
        .map(Mapping::defaultCategory)
        .orElse(MEMBER_CATEGORIES.getOrDefault(type, "Other"));
  }

  static Optional<Mapping> of(String type) {
    return Optional.ofNullable(TYPES.get(type));
  }

  /** Every path any type writes or reads: what export looks for in an observable. */
  static Set<ObjectPath> knownPaths() {
    return readable().stream()
        .flatMap(mapping -> mapping.slots().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The type these paths hold: {@code labelled} (a {@code misp:type} label) when all its paths are
   * there, whatever else STIX added (such as the protocols network traffic must have); otherwise
   * the first type whose paths are exactly these.
   */
  static Optional<Mapping> reading(Set<ObjectPath> paths, Optional<String> labelled) {
    return labelled
        .flatMap(MispTypes::of)
        .filter(mapping -> !mapping.slots().isEmpty() && paths.containsAll(mapping.slots()))
        .or(
            () ->
                readable().stream()
                    .filter(mapping -> !paths.isEmpty() && mapping.slotSet().equals(paths))
                    .findFirst());
  }

  private static List<Mapping> readable() {
    List<Mapping> all = new ArrayList<>(TYPES.values());
    all.addAll(READ_ONLY);
    return all;
  }

  private static void observable(String type, String category, String... paths) {
    add(type, category, Form.OBSERVABLE, paths);
  }

  private static void add(String type, String category, Form form, String... paths) {
    TYPES.put(type, mapping(type, category, form, paths));
  }

  private static Mapping mapping(String type, String category, Form form, String... paths) {
    return new Mapping(type, category, form, Arrays.stream(paths).map(ObjectPath::parse).toList());
  }
}
