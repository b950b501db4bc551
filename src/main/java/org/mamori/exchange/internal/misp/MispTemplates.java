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

  record Template(String name, String metaCategory, String rootType, List<Member> members) {

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
        "domain=domain:domain-name:value",
        "hostname=hostname:domain-name:value",
        "ip=ip-dst:domain-name:resolves_to_refs[*]{ip}.value");
    template("url", "network", "url=url:url:value");
    template(
        "email",
        "network",
        "from=email-src:email-message:from_ref{email-addr}.value",
        "to=email-dst:email-message:to_refs[*]{email-addr}.value",
        "cc=email-dst:email-message:cc_refs[*]{email-addr}.value",
        "subject=email-subject:email-message:subject",
        "message-id=email-message-id:email-message:message_id");
    template(
        "network-connection",
        "network",
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
        "ip=ip-dst:network-traffic:dst_ref{ip}.value",
        "dst-port=port:network-traffic:dst_port",
        "src-port=port:network-traffic:src_port");
    template(
        "registry-key",
        "file",
        "key=regkey:windows-registry-key:key",
        "name=text:windows-registry-key:values[*].name",
        "data=text:windows-registry-key:values[*].data",
        "data-type=text:windows-registry-key:values[*].data_type");
    template("mutex", "misc", "name=mutex:mutex:name");
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
  private static void template(String name, String metaCategory, String... members) {
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
    TEMPLATES.put(name, new Template(name, metaCategory, rootType, parsed));
  }
}
