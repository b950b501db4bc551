package org.mamori.access.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes drawn on the server as a PNG {@code data:} URI: the page's content security policy
 * allows no inline scripts, and a data URI needs none.
 */
final class QrCodes {

  private static final int MODULE_PIXELS = 6;
  private static final int QUIET_ZONE_MODULES = 4;

  private QrCodes() {}

  static String pngDataUri(String text) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      0));
    } catch (WriterException e) {
      throw new IllegalArgumentException("too long for a QR code", e);
    }
    int modules = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
    int size = modules * MODULE_PIXELS;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int mx = x / MODULE_PIXELS - QUIET_ZONE_MODULES;
        int my = y / MODULE_PIXELS - QUIET_ZONE_MODULES;
        boolean dark =
            mx >= 0
                && my >= 0
                && mx < matrix.getWidth()
                && my < matrix.getHeight()
                && matrix.get(mx, my);
        image.setRGB(x, y, dark ? 0xff000000 : 0xffffffff);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
  }
}
