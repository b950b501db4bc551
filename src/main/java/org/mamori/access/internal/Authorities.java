package org.mamori.access.internal;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The few authorities Spring Security sees. What a person may do in an organisation is decided per
 * request by the access policy from their roles, so a role change applies at once.
 */
final class Authorities {

  /** Signed in completely (password, and the second step where one is set up). */
  static final String MEMBER = "MEMBER";

  /** Password accepted; the two-step code is still to come. */
  static final String TWO_STEP_PENDING = "TWO_STEP_PENDING";

  /** Signed in, but must set up two-step sign-in before doing anything else. */
  static final String TWO_STEP_SETUP_REQUIRED = "TWO_STEP_SETUP_REQUIRED";

  /** Signed in with a personal API token rather than a browser session. */
  static final String API_TOKEN = "API_TOKEN";

  /** The token allows only reading. */
  static final String READ_ONLY = "READ_ONLY";

  private Authorities() {}

  static List<GrantedAuthority> of(String... names) {
    return java.util.Arrays.stream(names)
        .<GrantedAuthority>map(SimpleGrantedAuthority::new)
        .toList();
  }
}
