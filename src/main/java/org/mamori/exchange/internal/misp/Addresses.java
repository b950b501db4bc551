package org.mamori.exchange.internal.misp;

import java.util.regex.Pattern;

/** What kind of object a referenced value is: an IP address, an e-mail address or a domain. */
final class Addresses {

  /** A reference target meaning "ipv4-addr or ipv6-addr, whichever the value is". */
  static final String IP = "ip";

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/\\d{1,2})?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");

  private Addresses() {}

  static boolean isIp(String value) {
    return IPV4.matcher(value).matches() || IPV6.matcher(value).matches();
  }

  /** The object type an address value needs: ipv6-addr when it has a colon, else ipv4-addr. */
  static String ipType(String value) {
    return value.indexOf(':') >= 0 ? "ipv6-addr" : "ipv4-addr";
  }

  /** Both address types stand for {@link #IP}, so paths compare equal whatever the family. */
  static String family(String type) {
    return type.equals("ipv4-addr") || type.equals("ipv6-addr") ? IP : type;
  }

  /** The object type a table target becomes for a value. */
  static String resolve(String target, String value) {
    return target.equals(IP) ? ipType(value) : target;
  }

  /** The target a pattern without a {@code .type} comparison most likely means. */
  static String guess(String value) {
    if (isIp(value)) {
      return IP;
    }
    return value.indexOf('@') >= 0 ? "email-addr" : "domain-name";
  }
}
