package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Tlp;

/**
 * What an issuer writes in an advisory.
 *
 * @param acknowledgeBy when recipients must acknowledge receipt by; null when none is asked
 * @param redRecipientEmails for TLP:RED, the people who may read it besides its author
 * @param sourceReport the reference of the report a sanitised release is made from, else null
 */
record AdvisoryContent(
    String title,
    String body,
    String indicators,
    Tlp tlp,
    AdvisoryAudience audience,
    @Nullable Instant acknowledgeBy,
    List<String> redRecipientEmails,
    @Nullable String sourceReport) {

  AdvisoryContent {
    title = title.strip();
    body = body.strip();
    indicators = indicators.strip();
    redRecipientEmails = List.copyOf(redRecipientEmails);
  }
}
