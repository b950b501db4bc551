package org.mamori.directory;

/** What one end of a sharing-map edge stands for. */
public enum EndpointType {
  /** One named organisation. */
  ORGANISATION,
  /** Every operator working in a sector. */
  SECTOR_OPERATORS,
  /** Every operator that is a member of a CEPTOAR. */
  CEPTOAR_MEMBERS,
  /** Every operator. */
  ALL_OPERATORS
}
