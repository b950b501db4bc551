package org.mamori.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API reads a body whole, so one beyond {@code mamori.api.max-body} ({@code
 * MAMORI_API_MAX_BODY}, 1 MB unless set; a report is a few kilobytes) is refused with 413 before
 * anything reads it, and a body sent without a length stops being read at the limit. The MISP
 * import and TAXII keep their own, larger limits.
 */
@Component
class ApiBodyLimit extends OncePerRequestFilter {

  private final long maxBytes;

  ApiBodyLimit(@Value("${mamori.api.max-body}") DataSize max) {
    this.maxBytes = max.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/") || path.startsWith("/api/exchange/misp");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getOutputStream()
          .write(
              """
              {"type":"about:blank","title":"Content Too Large","status":413,\
              "detail":"The request body is larger than %d bytes."}"""
                  .formatted(maxBytes)
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  /** A request whose body ends in an error once it passes the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long maxBytes;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream body = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = body.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = body.read(buffer, offset, length);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        private void count(int bytes) throws IOException {
          read += bytes;
          if (read > maxBytes) {
            throw new IOException("the request body passed " + maxBytes + " bytes");
          }
        }

        @Override
        public boolean isFinished() {
          return body.isFinished();
        }

        @Override
        public boolean isReady() {
          return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          body.setReadListener(listener);
        }
      };
    }
  }
}
