package org.mamori.notify.internal;

/**
 * What one attempt at a delivery gave.
 *
 * @param description words for the delivery log: a status code, an error, why it was withheld
 */
record Outcome(Result result, String description) {

  enum Result {
    SENT,
    /** Not to be sent: the recipient may not (or can no longer) be told. */
    WITHHELD,
    /** Worth trying again later: the server was down or said so. */
    TRY_AGAIN,
    /** Not worth trying again. */
    FAILED
  }

  static Outcome sent(String description) {
    return new Outcome(Result.SENT, description);
  }

  static Outcome withheld(String description) {
    return new Outcome(Result.WITHHELD, description);
  }

  static Outcome tryAgain(String description) {
    return new Outcome(Result.TRY_AGAIN, description);
  }

  static Outcome failed(String description) {
    return new Outcome(Result.FAILED, description);
  }
}
