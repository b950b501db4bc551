package org.mamori.directory.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OperatorImport;
import org.mamori.directory.OperatorImport.Encoding;
import org.mamori.directory.OperatorImport.Scope;
import org.mamori.shared.Actor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk import of operators for platform administrators: upload a CSV file, see what each line would
 * do, then import all of it, only its valid rows, or nothing.
 */
@Controller
@RequestMapping("/directory/import")
class OperatorImportController {

  /** The refusal that means "no upload of yours has this id". */
  private static final String UNKNOWN = "import.unknown";

  /** How many lines without errors the results page lists. */
  static final int PREVIEW_LINES = 1_000;

  private final OperatorImport imports;
  private final DirectoryPolicy policy;

  OperatorImportController(OperatorImport imports, DirectoryPolicy policy) {
    this.imports = imports;
    this.policy = policy;
  }

  @GetMapping
  String start(Actor actor, Model model) {
    requirePlatformAdministrator(actor);
    model.addAttribute("form", new UploadForm(null, Encoding.AUTOMATIC));
    return form(model);
  }

  @PostMapping
  String upload(
      @ModelAttribute("form") UploadForm form, BindingResult errors, Actor actor, Model model)
      throws IOException {
    requirePlatformAdministrator(actor);
    MultipartFile file = form.file();
    if (file == null || file.isEmpty()) {
      errors.rejectValue("file", "import.file.required");
      return form(model);
    }
    if (file.getSize() > OperatorImport.MAX_BYTES) {
      rejectTooLarge(errors);
      return form(model);
    }
    try {
      OperatorImport.Check check =
          imports.check(
              actor,
              file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
              file.getBytes(),
              form.encodingOrAutomatic());
      return "redirect:/directory/import/" + check.upload();
    } catch (DirectoryRuleViolation rule) {
      rule.rejectIn(errors, "file");
      return form(model);
    }
  }

  /**
   * A file beyond the web server's own limit never reaches {@link #upload}; say so on the form
   * instead of showing an error page. (Multipart is resolved lazily, so this happens inside this
   * controller.)
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String uploadTooLarge(Actor actor, Model model) {
    requirePlatformAdministrator(actor);
    UploadForm form = new UploadForm(null, Encoding.AUTOMATIC);
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    rejectTooLarge(errors);
    model.addAttribute("form", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
    return form(model);
  }

  @GetMapping("/{id}")
  String review(@PathVariable UUID id, Actor actor, Model model) {
    requirePlatformAdministrator(actor);
    OperatorImport.Check check = reviewed(actor, id);
    // Every line with an error, and the others up to a page a person can read.
    List<OperatorImport.Line> shown = new ArrayList<>();
    int others = 0;
    for (OperatorImport.Line line : check.lines()) {
      if (line.hasErrors() || others < PREVIEW_LINES) {
        shown.add(line);
        others += line.hasErrors() ? 0 : 1;
      }
    }
    model.addAttribute("check", check);
    model.addAttribute("shownLines", shown);
    model.addAttribute("previewLines", String.format("%,d", PREVIEW_LINES));
    model.addAttribute("hiddenLines", check.lines().size() - shown.size());
    return "directory/import-check";
  }

  @PostMapping("/{id}")
  String importRows(
      @PathVariable UUID id, @RequestParam Scope scope, Actor actor, RedirectAttributes redirect) {
    requirePlatformAdministrator(actor);
    try {
      OperatorImport.Result result = imports.importRows(actor, id, scope);
      // Flash attributes live in the stored session: plain values only.
      redirect.addFlashAttribute("created", result.created());
      redirect.addFlashAttribute("updated", result.updated());
      redirect.addFlashAttribute("unchanged", result.unchanged());
      redirect.addFlashAttribute("skipped", result.skipped());
    } catch (DirectoryRuleViolation rule) {
      refuse(rule, redirect);
    } catch (OptimisticLockingFailureException | DataIntegrityViolationException changed) {
      // Someone changed the directory (or imported this file) between the check and now.
      redirect.addFlashAttribute("refusal", "import.changedMeanwhile");
      redirect.addFlashAttribute("refusalArguments", new Object[0]);
    }
    return "redirect:/directory/import/" + id;
  }

  @PostMapping("/{id}/cancel")
  String cancel(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    requirePlatformAdministrator(actor);
    try {
      imports.cancel(actor, id);
      redirect.addFlashAttribute("cancelled", true);
      return "redirect:/directory/import";
    } catch (DirectoryRuleViolation rule) {
      refuse(rule, redirect);
      return "redirect:/directory/import/" + id;
    }
  }

  /** The template to fill in: the Japanese headings and one example row. */
  @GetMapping("/template.csv")
  ResponseEntity<byte[]> template(
      @RequestParam(name = "encoding", defaultValue = "utf-8") String encoding, Actor actor) {
    requirePlatformAdministrator(actor);
    boolean windows31j = "windows-31j".equalsIgnoreCase(encoding);
    Charset charset = windows31j ? CsvText.WINDOWS_31J : StandardCharsets.UTF_8;
    // Excel opens UTF-8 correctly only with a byte-order mark.
    byte[] body = CsvText.encode(OperatorImportTemplate.text(), charset, !windows31j);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(windows31j ? "operators-windows-31j.csv" : "operators.csv")
                .build()
                .toString())
        .contentType(new MediaType("text", "csv", charset))
        .body(body);
  }

  private OperatorImport.Check reviewed(Actor actor, UUID id) {
    try {
      return imports.review(actor, id);
    } catch (DirectoryRuleViolation rule) {
      throw notFound(rule);
    }
  }

  private static void refuse(DirectoryRuleViolation rule, RedirectAttributes redirect) {
    if (UNKNOWN.equals(rule.messageKey())) {
      throw notFound(rule);
    }
    redirect.addFlashAttribute("refusal", rule.messageKey());
    // Numbers stay numbers, so the messages can say "1 line" and "2 lines".
    redirect.addFlashAttribute("refusalArguments", rule.arguments());
  }

  private static ResponseStatusException notFound(DirectoryRuleViolation rule) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, rule.messageKey(), rule);
  }

  private String form(Model model) {
    model.addAttribute("columns", ColumnGuide.all());
    model.addAttribute("encodings", Encoding.values());
    model.addAttribute("maxMegabytes", OperatorImport.MAX_BYTES / (1024 * 1024));
    model.addAttribute("maxBytes", OperatorImport.MAX_BYTES);
    model.addAttribute("maxRows", String.format("%,d", OperatorImport.MAX_ROWS));
    return "directory/import";
  }

  private static void rejectTooLarge(BindingResult errors) {
    Object[] limit = {OperatorImport.MAX_BYTES / (1024 * 1024)};
    errors.rejectValue("file", "import.file.tooLarge", limit, "import.file.tooLarge");
  }

  private void requirePlatformAdministrator(Actor actor) {
    if (!policy.mayAdministerPlatform(actor)) {
      throw new AccessDeniedException("only platform administrators import operators");
    }
  }

  /** The upload form; the file cannot be shown again after an error, the encoding is. */
  record UploadForm(@Nullable MultipartFile file, @Nullable Encoding encoding) {

    Encoding encodingOrAutomatic() {
      return encoding == null ? Encoding.AUTOMATIC : encoding;
    }
  }

  /** One column explained on the upload page. */
  record ColumnGuide(String japanese, String english, boolean required, String hintKey) {

    static List<ColumnGuide> all() {
      return Arrays.stream(OperatorImportColumn.values())
          .map(
              c ->
                  new ColumnGuide(
                      c.japanese(), c.english(), c.required(), "import.column." + c.name()))
          .toList();
    }
  }
}
