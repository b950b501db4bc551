package org.mamori.sharing.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a file is, judged by its first bytes rather than its name: the kinds people attach to a
 * report (documents, screenshots, logs, office files, archives). Anything else is refused.
 */
final class FileTypes {

  private FileTypes() {}

  static Optional<String> of(byte[] content) {
    if (starts(content, "%PDF-")) {
      return Optional.of("application/pdf");
    }
    if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return Optional.of("image/png");
    }
    if (starts(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of("image/jpeg");
    }
    if (starts(content, "GIF87a") || starts(content, "GIF89a")) {
      return Optional.of("image/gif");
    }
    if (starts(content, new byte[] {'P', 'K', 3, 4})) {
      // Office documents (docx, xlsx, pptx) are zip archives too.
      return Optional.of("application/zip");
    }
    if (isText(content)) {
      return Optional.of("text/plain; charset=UTF-8");
    }
    return Optional.empty();
  }

  /** UTF-8 (with or without a byte-order mark) and no control characters but tabs and newlines. */
  private static boolean isText(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return text.chars()
          .noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
  }

  private static boolean starts(byte[] content, String prefix) {
    return starts(content, prefix.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean starts(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
