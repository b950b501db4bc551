package org.mamori.exchange.internal.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A download of an item in an exchange format, saved under Mamori's name for the item. */
final class Attachments {

  private Attachments() {}

  /**
   * @param fileName the name the browser saves the file under, such as {@code mamori-R1.stix.json}
   */
  static ResponseEntity<byte[]> of(String fileName, MediaType type, byte[] content) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(content);
  }
}
