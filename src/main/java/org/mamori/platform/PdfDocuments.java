package org.mamori.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PDF documents from XHTML, with Japanese text in a TrueType font ({@code mamori.pdf.font}, by
 * default Debian's IPA Gothic). Without the font the PDF is still made, but Japanese characters
 * cannot be shown in it: a warning says so in the log.
 */
@Component
public class PdfDocuments {

  /** The font family name documents use in their CSS for Japanese text. */
  public static final String FONT_FAMILY = "IPAGothic";

  private static final Logger log = LoggerFactory.getLogger(PdfDocuments.class);

  private final Path font;

  PdfDocuments(
      @Value("${mamori.pdf.font:/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf}") Path font) {
    this.font = font;
    if (!Files.isReadable(font)) {
      warnMissingFont();
    }
  }

  /**
   * Renders a well-formed XHTML document.
   *
   * @return the PDF's bytes
   */
  public byte[] render(String xhtml) {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    if (Files.isReadable(font)) {
      builder.useFont(font.toFile(), FONT_FAMILY);
    } else {
      warnMissingFont();
    }
    builder.withHtmlContent(xhtml, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the PDF", e);
    }
    return out.toByteArray();
  }

  private void warnMissingFont() {
    log.warn(
        "No Japanese font at {} (mamori.pdf.font, MAMORI_PDF_FONT): PDFs are made without it and"
            + " show no Japanese text. Install Debian's fonts-ipafont-gothic or point MAMORI_PDF_FONT"
            + " at a TrueType (.ttf) font.",
        font);
  }
}
