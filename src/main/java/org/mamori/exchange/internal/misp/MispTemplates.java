package org.mamori.exchange.internal.misp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The MISP object templates Mamori maps: for each, the one observable object its attributes fill
 * and, per object_relation, the path its value takes there (after misp-objects and misp-stix).
 */
final class MispTemplates {

  /** One object_relation of a template: its usual attribute type and its path. */
  record Member(String relation, String type, ObjectPath path) {}

  /**
   * One template: its name, meta-category, uuid and version as misp-objects publishes them (MISP
   * shows an object with them as made from that template), and the observable its members fill.
   */
  record Template(
      String name,
      String metaCategory,
      String uuid,
      String version,
      String rootType,
      List<Member> members) {

    Optional<Member> member(String relation) {
      return members.stream().filter(member -> member.relation().equals(relation)).findFirst();
    }

    /** The first relation written at a path: what a value found there is read back as. */
    Optional<Member> memberAt(ObjectPath path) {
      return members.stream().filter(member -> member.path().equals(path)).findFirst();
    }

    boolean covers(Set<ObjectPath> paths) {
      return paths.stream().allMatch(path -> memberAt(path).isPresent());
    }
  }

  /** In order of preference when reading an observable without a {@code misp:name} label. */
  private static final Map<String, Template> TEMPLATES = new LinkedHashMap<>();

  static {
    template(
        "file",
        "file",
        "688c46fb-5edb-40a3-8273-1af7923e2215",
        "25",
        "filename=filename:file:name",
        "md5=md5:file:hashes.MD5",
        "sha1=sha1:file:hashes.'SHA-1'",
        "sha256=sha256:file:hashes.'SHA-256'",
        "sha512=sha512:file:hashes.'SHA-512'",
        "ssdeep=ssdeep:file:hashes.SSDEEP",
        "tlsh=tlsh:file:hashes.TLSH",
        "size-in-bytes=size-in-bytes:file:size",
        "mimetype=mime-type:file:mime_type");
    template(
        "domain-ip",
        "network",
        "43b3b146-77eb-4931-b4cc-b66c60f28734",
        "11",
        "domain=domain:domain-name:value",
        "hostname=hostname:domain-name:value",
        "ip=ip-dst:domain-name:resolves_to_refs[*]{ip}.value");
    template("url", "network", "60efb77b-40b5-4c46-871b-ed1ed999fce5", "10", "url=url:url:value");
    template(
        "email",
        "network",
        "a0c666e0-fc65-4be8-b48f-3423d788b552",
        "19",
        "from=email-src:email-message:from_ref{email-addr}.value",
        "to=email-dst:email-message:to_refs[*]{email-addr}.value",
        "cc=email-dst:email-message:cc_refs[*]{email-addr}.value",
        "subject=email-subject:email-message:subject",
        "message-id=email-message-id:email-message:message_id");
    template(
        "network-connection",
        "network",
        "af16764b-f8e5-4603-9de1-de34d272f80b",
        "7",
        "ip-src=ip-src:network-traffic:src_ref{ip}.value",
        "ip-dst=ip-dst:network-traffic:dst_ref{ip}.value",
        "hostname-src=hostname:network-traffic:src_ref{domain-name}.value",
        "hostname-dst=hostname:network-traffic:dst_ref{domain-name}.value",
        "src-port=port:network-traffic:src_port",
        "dst-port=port:network-traffic:dst_port",
        "layer3-protocol=text:network-traffic:protocols[*]",
        "layer4-protocol=text:network-traffic:protocols[*]",
        "layer7-protocol=text:network-traffic:protocols[*]");
    template(
        "ip-port",
        "network",
        "9f8cea74-16fe-4968-a2b4-026676949ac6",
        "10",
        "ip=ip-dst:network-traffic:dst_ref{ip}.value",
        "dst-port=port:network-traffic:dst_port",
        "src-port=port:network-traffic:src_port");
    template(
        "registry-key",
        "file",
        "8b3228ad-6d82-4fe6-b2ae-05426308f1d5",
        "5",
        "key=regkey:windows-registry-key:key",
        "name=text:windows-registry-key:values[*].name",
        "data=text:windows-registry-key:values[*].data",
        "data-type=text:windows-registry-key:values[*].data_type");
    template("mutex", "misc", "9f5c1a68-2021-4faa-b409-61c899c86466", "1", "name=mutex:mutex:name");
  }

  private MispTemplates() {}

  static Optional<Template> named(String name) {
    return Optional.ofNullable(TEMPLATES.get(name));
  }

  /** Every path a template writes: what export looks for in an observable. */
  static List<ObjectPath> knownPaths() {
    return TEMPLATES.values().stream()
        .flatMap(template -> template.members().stream())
        .map(Member::path)
        .distinct()
        .toList();
  }

  /** The template that holds every one of these paths, preferring {@code preferred}. */
  static Optional<Template> covering(Set<ObjectPath> paths, Optional<String> preferred) {
    return preferred
        .flatMap(MispTemplates::named)
        .filter(template -> template.covers(paths))
        .or(
            () ->
                TEMPLATES.values().stream().filter(template -> template.covers(paths)).findFirst());
  }

  /** Members are written {@code relation=type:path}. */
  private static void template(
      String name, String metaCategory, String uuid, String version, String... members) {
    List<Member> parsed =
        Arrays.stream(members)
            .map(
                member -> {
                  int equals = member.indexOf('=');
                  int colon = member.indexOf(':', equals);
                  return new Member(
                      member.substring(0, equals),
                      member.substring(equals + 1, colon),
                      ObjectPath.parse(member.substring(colon + 1)));
                })
            .toList();
    String rootType = parsed.get(0).path().rootType();
    TEMPLATES.put(name, new Template(name, metaCategory, uuid, version, rootType, parsed));
  }
}
