package org.mamori.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A form that must carry a file, sent as something else or cut off, is the sender's mistake: 415
 * for a body that is not {@code multipart/form-data}, 413 for one beyond the server's limit, 400
 * for a broken one, each on the error page; never a 500. Pages with a better answer of their own
 * (the importers say "too large" on the form) handle these before this does.
 */
@ControllerAdvice
class UploadProblems {

  @ExceptionHandler(MultipartException.class)
  void refuse(MultipartException problem, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendError(status(problem, request.getContentType()).value());
  }

  private static HttpStatus status(MultipartException problem, @Nullable String contentType) {
    if (problem instanceof MaxUploadSizeExceededException) {
      return HttpStatus.CONTENT_TOO_LARGE;
    }
    return multipart(contentType) ? HttpStatus.BAD_REQUEST : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
  }

  private static boolean multipart(@Nullable String contentType) {
    try {
      return contentType != null
          && MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }
}
