package org.mamori.directory;

/** Which way information travels along the sharing map. */
public enum SharingDirection {
  /** 情報連絡: reports going up, from operators towards the national hub. */
  REPORT,
  /** 情報提供: advisories going down and across, from the hub towards operators. */
  PROVIDE
}
