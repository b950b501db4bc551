package org.mamori.shared;

/**
 * Traffic Light Protocol 2.0 (FIRST, 2022) markings, from the widest audience to the narrowest. The
 * declaration order is the order of strictness: a later constant is stricter.
 */
public enum Tlp {
  /** No limit on disclosure. */
  CLEAR,
  /** The recipient's community: here, Mamori's critical-infrastructure protection community. */
  GREEN,
  /** The recipient's organisation and its clients, on a need-to-know basis. */
  AMBER,
  /** The recipient's organisation only, on a need-to-know basis. */
  AMBER_STRICT,
  /** Named individual recipients only. */
  RED;

  /** The label as FIRST writes it, e.g. {@code TLP:AMBER+STRICT}. */
  public String label() {
    return "TLP:" + name().replace('_', '+');
  }

  public boolean isStricterThan(Tlp other) {
    return compareTo(other) > 0;
  }
}
