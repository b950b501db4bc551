package org.mamori.exchange.internal.mapping;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ExportedIndicator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Indicators as STIX: an {@code indicator} with a STIX pattern, and the cyber-observable it
 * matches, whose id is the specification's deterministic one (UUIDv5 over its ID contributing
 * properties in canonical JSON), so the same IP address from two organisations is one object.
 */
final class IndicatorStix {

  /** How each kind is written: the observable type, and the hash algorithm for files. */
  private record Form(String type, String hash) {

    boolean isFile() {
      return !hash.isEmpty();
    }

    String path() {
      return isFile() ? "hashes.'" + hash + "'" : "value";
    }
  }

  private static final Map<ExportedIndicator.Type, Form> FORMS =
      Map.of(
          ExportedIndicator.Type.IPV4, new Form("ipv4-addr", ""),
          ExportedIndicator.Type.IPV6, new Form("ipv6-addr", ""),
          ExportedIndicator.Type.DOMAIN, new Form("domain-name", ""),
          ExportedIndicator.Type.URL, new Form("url", ""),
          ExportedIndicator.Type.EMAIL, new Form("email-addr", ""),
          ExportedIndicator.Type.MD5, new Form("file", "MD5"),
          ExportedIndicator.Type.SHA1, new Form("file", "SHA-1"),
          ExportedIndicator.Type.SHA256, new Form("file", "SHA-256"));

  /** The one-comparison patterns Mamori writes. */
  private static final Pattern WRITTEN =
      Pattern.compile(
          "^\\[([a-z0-9-]+):(value|hashes\\.'([A-Za-z0-9-]+)') = '((?:[^'\\\\]|\\\\.)*)'\\]$");

  private final StixObjects stix;

  IndicatorStix(StixObjects stix) {
    this.stix = stix;
  }

  /** {@code [ipv4-addr:value = '198.51.100.7']}, {@code [file:hashes.'SHA-256' = '…']}, … */
  static String pattern(ExportedIndicator indicator) {
    Form form = FORMS.get(indicator.type());
    String escaped = indicator.value().replace("\\", "\\\\").replace("'", "\\'");
    return "[" + form.type() + ":" + form.path() + " = '" + escaped + "']";
  }

  /** The indicator a pattern Mamori wrote stands for; empty for any other pattern. */
  static Optional<ExportedIndicator> fromPattern(String pattern) {
    Matcher m = WRITTEN.matcher(pattern);
    if (!m.matches()) {
      return Optional.empty();
    }
    String hash = m.group(3) == null ? "" : m.group(3);
    Form form = new Form(m.group(1), hash);
    String value = m.group(4).replaceAll("\\\\(.)", "$1");
    return FORMS.entrySet().stream()
        .filter(e -> e.getValue().equals(form))
        .map(e -> new ExportedIndicator(e.getKey(), value))
        .findFirst();
  }

  /**
   * The indicator object of one item.
   *
   * @param item the Mamori item's own name ({@code report:<uuid>}), so each item's indicator is its
   *     own object, under that item's author and marking, versioned with the item
   */
  ObjectNode indicator(
      String item,
      ExportedIndicator indicator,
      Instant created,
      Instant modified,
      String createdBy,
      Tlp tlp) {
    String pattern = pattern(indicator);
    ObjectNode object =
        stix.sdo(
            "indicator",
            StixIds.mamori("indicator", item + ":indicator:" + pattern),
            created,
            modified,
            createdBy,
            tlp);
    object.put("name", indicator.value());
    object.put("pattern", pattern);
    object.put("pattern_type", "stix");
    object.put("valid_from", StixTime.millis(created));
    return object;
  }

  /** The cyber-observable the indicator matches. */
  ObjectNode observable(ExportedIndicator indicator, Tlp tlp) {
    Form form = FORMS.get(indicator.type());
    ObjectNode contributing = stix.json().createObjectNode();
    if (form.isFile()) {
      contributing.putObject("hashes").put(form.hash(), indicator.value());
    } else {
      contributing.put("value", indicator.value());
    }
    // Canonical JSON (RFC 8785) of one string-valued property: Jackson writes it compactly, escapes
    // only what JSON requires, and Mamori's normalised values hold no control characters.
    String canonical = stix.json().writeValueAsString(contributing);
    String id = form.type() + "--" + StixIds.uuid5(StixIds.STIX_OBSERVABLES, canonical);
    ObjectNode object = stix.sco(form.type(), id, tlp);
    object.setAll(contributing);
    return object;
  }
}
