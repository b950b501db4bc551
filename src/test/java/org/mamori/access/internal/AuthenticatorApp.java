package org.mamori.access.internal;

import java.time.Instant;

/** What a person's authenticator app would show, for tests that sign in with two steps. */
final class AuthenticatorApp {

  private AuthenticatorApp() {}

  /** The code showing now. */
  static String currentCode(byte[] secret) {
    return Totp.code(secret, Totp.step(Instant.now()));
  }

  /**
   * The code of the step after now: still accepted (clocks may drift by one step), and later than
   * any code used before, so it is never a replay.
   */
  static String nextCode(byte[] secret) {
    return Totp.code(secret, Totp.step(Instant.now()) + 1);
  }

  /** Six digits that match none of the steps around now. */
  static String wrongCode(byte[] secret) {
    long step = Totp.step(Instant.now());
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      boolean matches = false;
      for (long s = step - 2; s <= step + 2; s++) {
        matches |= code.equals(Totp.code(secret, s));
      }
      if (!matches) {
        return code;
      }
    }
  }
}
