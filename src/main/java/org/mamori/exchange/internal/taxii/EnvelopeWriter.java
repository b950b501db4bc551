package org.mamori.exchange.internal.taxii;

import java.io.OutputStream;
import org.mamori.exchange.internal.store.StoredVersion;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a TAXII envelope object by object into the response. A page of 1,000 objects is larger
 * than half a G1 heap region: built whole in memory it would be allocated straight into the old
 * generation on every request and bring on a concurrent collection every few hundred pages.
 */
final class EnvelopeWriter extends AbstractHttpMessageConverter<TaxiiJson.Envelope> {

  EnvelopeWriter() {
    super(TaxiiMedia.TAXII);
  }

  @Override
  protected boolean supports(Class<?> type) {
    return TaxiiJson.Envelope.class == type;
  }

  @Override
  public boolean canRead(Class<?> type, MediaType mediaType) {
    return false;
  }

  @Override
  protected TaxiiJson.Envelope readInternal(
      Class<? extends TaxiiJson.Envelope> type, HttpInputMessage input) {
    throw new HttpMessageNotReadableException("TAXII envelopes are only written", input);
  }

  @Override
  protected Long getContentLength(TaxiiJson.Envelope envelope, MediaType contentType) {
    return envelope.length();
  }

  @Override
  protected void writeInternal(TaxiiJson.Envelope envelope, HttpOutputMessage output)
      throws java.io.IOException {
    OutputStream body = output.getBody();
    body.write(envelope.head());
    boolean first = true;
    for (StoredVersion version : envelope.page().versions()) {
      if (!first) {
        body.write(',');
      }
      body.write(version.json());
      first = false;
    }
    body.write(envelope.tail());
  }
}
