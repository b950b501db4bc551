package org.mamori.exchange.internal.stix;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The shapes of STIX 2.1 values: names, identifiers, addresses, hashes, encodings. */
final class StixValues {

  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("(?:[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*|[xXiI](?:-[a-zA-Z0-9]{1,8})+)");
  private static final Pattern DICTIONARY_KEY = Pattern.compile("[a-zA-Z0-9_-]{1,250}");
  private static final Pattern MAC = Pattern.compile("(?:[0-9a-f]{2}:){5}[0-9a-f]{2}");
  private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+");
  private static final Pattern SELECTOR =
      Pattern.compile("[a-z0-9_-]{3,249}(?:\\.(?:\\[\\d+]|[a-z0-9_-]{1,250}))*|id");

  /** Lengths of the hashes STIX names, keyed by algorithm name without case or hyphens. */
  private static final Map<String, Integer> HEX_HASH_LENGTHS =
      Map.of(
          "MD5", 32,
          "SHA1", 40,
          "SHA256", 64,
          "SHA512", 128,
          "SHA3256", 64,
          "SHA3512", 128);

  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-(?:0\\d{3}|[1-9]\\d{3,})");
  private static final Pattern CAPEC = Pattern.compile("CAPEC-\\d+");
  private static final Pattern SSDEEP = Pattern.compile("[a-zA-Z0-9/+:.]{1,128}");
  private static final Pattern TLSH = Pattern.compile("(?:T1)?[a-fA-F0-9]{70}");

  private StixValues() {}

  /** A STIX type name: 3–250 characters, a–z and 0–9 in groups joined by single hyphens. */
  static boolean isTypeName(String name) {
    int length = name.length();
    if (length < 3 || length > 250 || !isLowerLetter(name.charAt(0))) {
      return false;
    }
    char previous = 'a';
    for (int i = 1; i < length; i++) {
      char c = name.charAt(i);
      if (c == '-' ? previous == '-' : !isLowerLetter(c) && !isDigit(c)) {
        return false;
      }
      previous = c;
    }
    return previous != '-';
  }

  /** A property name: 3–250 characters of a–z, 0–9 and underscore (and the one exception id). */
  static boolean isPropertyName(String name) {
    int length = name.length();
    if (name.equals("id")) {
      return true;
    }
    if (length < 3 || length > 250) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if (!isLowerLetter(c) && !isDigit(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** The type part of a well-formed identifier {@code type--UUID}, or null when it is not one. */
  static @Nullable String identifierType(String id) {
    int separator = id.indexOf("--");
    if (separator < 0 || id.length() - separator - 2 != 36) {
      return null;
    }
    String type = id.substring(0, separator);
    return isTypeName(type) && isUuid(id, separator + 2) ? type : null;
  }

  /** The UUID version (1–5) of a well-formed identifier. */
  static int uuidVersion(String id) {
    return id.charAt(id.length() - 36 + 14) - '0';
  }

  /**
   * An RFC 4122 UUID from {@code from} to the end: 8-4-4-4-12 hexadecimal digits, version 1–5, the
   * RFC 4122 variant.
   */
  private static boolean isUuid(String text, int from) {
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(from + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHexDigit(c)) {
        return false;
      }
    }
    char version = text.charAt(from + 14);
    char variant = Character.toLowerCase(text.charAt(from + 19));
    return version >= '1'
        && version <= '5'
        && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
  }

  static boolean isLanguageTag(String tag) {
    return tag.length() <= 64 && LANGUAGE_TAG.matcher(tag).matches();
  }

  static boolean isDictionaryKey(String key) {
    return DICTIONARY_KEY.matcher(key).matches();
  }

  static boolean isSelector(String selector) {
    return SELECTOR.matcher(selector).matches();
  }

  static boolean isUrl(String url) {
    return URL.matcher(url).matches();
  }

  static boolean isCveId(String id) {
    return CVE.matcher(id).matches();
  }

  static boolean isCapecId(String id) {
    return CAPEC.matcher(id).matches();
  }

  static boolean isMacAddress(String mac) {
    return MAC.matcher(mac).matches();
  }

  /** An even number of hexadecimal digits. */
  static boolean isHex(String hex) {
    if (hex.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < hex.length(); i++) {
      if (!isHexDigit(hex.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Base64 (RFC 4648) with its padding. */
  static boolean isBase64(String text) {
    int length = text.length();
    if (length % 4 != 0) {
      return false;
    }
    int padding = length > 0 && text.charAt(length - 1) == '=' ? 1 : 0;
    if (length > 1 && padding == 1 && text.charAt(length - 2) == '=') {
      padding = 2;
    }
    for (int i = 0; i < length - padding; i++) {
      char c = text.charAt(i);
      if (!isLowerLetter(c) && !(c >= 'A' && c <= 'Z') && !isDigit(c) && c != '+' && c != '/') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a hash value fits its algorithm. Algorithms STIX does not define (custom hash names)
   * are not checked.
   */
  static boolean isHashOf(String algorithm, String value) {
    String name = algorithm.toUpperCase(Locale.ROOT).replace("-", "");
    Integer length = HEX_HASH_LENGTHS.get(name);
    if (length != null) {
      return value.length() == length && isHex(value);
    }
    return switch (name) {
      case "SSDEEP" -> SSDEEP.matcher(value).matches();
      case "TLSH" -> TLSH.matcher(value).matches();
      default -> true;
    };
  }

  /** Dotted IPv4, optionally with a CIDR prefix. */
  static boolean isIpv4(String value) {
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    if (slash >= 0 && !isPrefix(value.substring(slash + 1), 32)) {
      return false;
    }
    return isDottedQuad(address);
  }

  /** IPv6 in any RFC 4291 text form (with :: and an IPv4 tail), optionally with a CIDR prefix. */
  static boolean isIpv6(String value) {
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    if (slash >= 0 && !isPrefix(value.substring(slash + 1), 128)) {
      return false;
    }
    int doubleColon = address.indexOf("::");
    if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] halves =
        doubleColon < 0
            ? new String[] {address}
            : new String[] {address.substring(0, doubleColon), address.substring(doubleColon + 2)};
    int groups = 0;
    for (int h = 0; h < halves.length; h++) {
      if (halves[h].isEmpty()) {
        continue;
      }
      String[] parts = halves[h].split(":", -1);
      for (int p = 0; p < parts.length; p++) {
        boolean last = h == halves.length - 1 && p == parts.length - 1;
        if (last && parts[p].indexOf('.') >= 0) {
          if (!isDottedQuad(parts[p])) {
            return false;
          }
          groups += 2;
        } else if (parts[p].isEmpty() || parts[p].length() > 4 || !allHex(parts[p])) {
          return false;
        } else {
          groups++;
        }
      }
    }
    return doubleColon < 0 ? groups == 8 : groups < 8;
  }

  private static boolean isDottedQuad(String address) {
    String[] octets = address.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty()
          || octet.length() > 3
          || (octet.length() > 1 && octet.charAt(0) == '0')
          || !allDigits(octet)
          || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrefix(String prefix, int max) {
    return !prefix.isEmpty()
        && prefix.length() <= 3
        && allDigits(prefix)
        && Integer.parseInt(prefix) <= max;
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isHexDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
