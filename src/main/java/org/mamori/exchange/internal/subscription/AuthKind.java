package org.mamori.exchange.internal.subscription;

/** How Mamori signs in to a remote TAXII server. */
enum AuthKind {
  /** The remote collection is open. */
  NONE,
  /** {@code Authorization: Bearer} and a token. */
  BEARER,
  /** HTTP Basic with a user name and password (for Mamori: any name and an API token). */
  BASIC
}
