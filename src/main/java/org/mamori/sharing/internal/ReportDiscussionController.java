package org.mamori.sharing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Comments and attachments on a report page. */
@Controller
@RequestMapping("/reports/{reference}")
class ReportDiscussionController {

  private final Reports reports;
  private final ReportDiscussion discussion;

  ReportDiscussionController(Reports reports, ReportDiscussion discussion) {
    this.reports = reports;
    this.discussion = discussion;
  }

  @PostMapping("/comments")
  String comment(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String text,
      @RequestParam Tlp tlp,
      Actor actor,
      RedirectAttributes redirect) {
    Report report = report(reference);
    try {
      discussion.comment(actor, report.id(), text, tlp);
      redirect.addFlashAttribute("done", "commented");
    } catch (SharingRuleViolation rule) {
      redirect.addFlashAttribute("problem", rule.messageKey());
      redirect.addFlashAttribute("commentText", text);
    }
    return "redirect:/reports/" + reference + "#discussion";
  }

  @PostMapping("/attachments")
  String attach(
      @PathVariable String reference,
      @RequestParam("file") MultipartFile file,
      @RequestParam Tlp tlp,
      Actor actor,
      RedirectAttributes redirect)
      throws IOException {
    Report report = report(reference);
    try {
      discussion.attach(
          actor,
          report.id(),
          file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
          file.getBytes(),
          tlp);
      redirect.addFlashAttribute("done", "attached");
    } catch (SharingRuleViolation rule) {
      redirect.addFlashAttribute("problem", rule.messageKey());
    }
    return "redirect:/reports/" + reference + "#discussion";
  }

  @GetMapping("/attachments/{id}")
  ResponseEntity<byte[]> download(
      @PathVariable String reference, @PathVariable java.util.UUID id, Actor actor) {
    Report report = report(reference);
    ReportDiscussion.Download file =
        discussion
            .download(actor, report.id(), id)
            .orElseThrow(() -> new AccessDeniedException("may not read this attachment"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(file.content());
  }

  /** A file larger than the server takes at all: say so on the page instead of failing. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(@PathVariable String reference, RedirectAttributes redirect) {
    redirect.addFlashAttribute("problem", "attachment.tooLargeForServer");
    return "redirect:/reports/" + reference + "#discussion";
  }

  private Report report(String reference) {
    return reports
        .findByReference(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
