package org.mamori.sharing.internal;

import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds indicators (IP addresses, domains, URLs, e-mail addresses, file hashes) in what a reporter
 * pasted, one per line, and normalises them so the same indicator from two reports matches: lower
 * case, defanging undone ({@code hxxp://}, {@code example[.]com}), IDN domains as punycode.
 */
final class Indicators {

  enum Kind {
    IPV4,
    IPV6,
    DOMAIN,
    URL,
    EMAIL,
    MD5,
    SHA1,
    SHA256
  }

  record Indicator(Kind kind, String normalised) {}

  private static final Pattern IPV4 =
      Pattern.compile("^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9a-f:]+:[0-9a-f:]*$");
  private static final Pattern DOMAIN =
      Pattern.compile("^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern HEX = Pattern.compile("^[0-9a-f]+$");

  private Indicators() {}

  static Set<Indicator> in(String text) {
    Set<Indicator> found = new LinkedHashSet<>();
    for (String line : text.split("\\R")) {
      String value = refang(line.strip());
      if (value.isEmpty()) {
        continue;
      }
      Indicator indicator = classify(value);
      if (indicator != null) {
        found.add(indicator);
      }
    }
    return found;
  }

  private static @Nullable Indicator classify(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return new Indicator(Kind.URL, lower);
    }
    if (IPV4.matcher(lower).matches()) {
      return new Indicator(Kind.IPV4, lower);
    }
    if (EMAIL.matcher(lower).matches()) {
      return new Indicator(Kind.EMAIL, lower);
    }
    if (HEX.matcher(lower).matches()) {
      return switch (lower.length()) {
        case 32 -> new Indicator(Kind.MD5, lower);
        case 40 -> new Indicator(Kind.SHA1, lower);
        case 64 -> new Indicator(Kind.SHA256, lower);
        default -> null;
      };
    }
    if (IPV6.matcher(lower).matches()) {
      return new Indicator(Kind.IPV6, lower);
    }
    String ascii = toAscii(lower);
    if (ascii != null && DOMAIN.matcher(ascii).matches()) {
      return new Indicator(Kind.DOMAIN, ascii);
    }
    return null;
  }

  /** Undoes the usual defanging so a pasted indicator can be matched. */
  static String refang(String value) {
    return value
        .replaceAll("(?i)^hxxp", "http")
        .replace("[.]", ".")
        .replace("(.)", ".")
        .replace("[dot]", ".")
        .replace("[:]", ":")
        .replace("[@]", "@");
  }

  private static @Nullable String toAscii(String domain) {
    try {
      return IDN.toASCII(domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
    } catch (IllegalArgumentException notADomain) {
      return null;
    }
  }
}
