package org.mamori.sharing;

/**
 * An indicator Mamori found in what a reporter or an issuer pasted, normalised (lower case,
 * defanging undone, IDN domains as punycode) so the same indicator matches across items.
 */
public record ExportedIndicator(Type type, String value) {

  public enum Type {
    IPV4,
    IPV6,
    DOMAIN,
    URL,
    EMAIL,
    MD5,
    SHA1,
    SHA256
  }
}
