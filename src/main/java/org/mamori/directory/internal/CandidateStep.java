package org.mamori.directory.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.mamori.shared.PersonId;

/**
 * One step a person records in a candidate's review.
 *
 * @param on the Japanese calendar date the step happened (a consultation last week), not when it
 *     was recorded
 * @param by who recorded it
 * @param recordedAt when it was recorded
 * @param note what happened, in the recorder's words; may be empty
 */
record CandidateStep(LocalDate on, PersonId by, Instant recordedAt, String note) {

  CandidateStep {
    note = note.strip();
  }

  LocalDate recordedOn() {
    return LocalDate.ofInstant(recordedAt, JapanDate.JAPAN);
  }
}
