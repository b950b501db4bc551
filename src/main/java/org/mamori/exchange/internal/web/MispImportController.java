package org.mamori.exchange.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.misp.MispFormatException;
import org.mamori.exchange.internal.misp.MispProblem;
import org.mamori.exchange.internal.misp.MispUpload;
import org.mamori.exchange.internal.taxii.CollectionIntake;
import org.mamori.exchange.internal.taxii.CollectionIntake.Outcome;
import org.mamori.exchange.internal.taxii.CollectionIntake.Target;
import org.mamori.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The MISP import page, for people whose organisation may add to a TAXII collection: upload one
 * MISP event, several, or a feed, and its objects go into the chosen collection exactly as a TAXII
 * client's would. The result says what was stored, what was there already and what was refused.
 */
@Controller
@RequestMapping("/exchange/misp")
class MispImportController {

  private final CollectionIntake intake;
  private final MispUpload upload;
  private final MessageSource messages;

  MispImportController(CollectionIntake intake, MispUpload upload, MessageSource messages) {
    this.intake = intake;
    this.upload = upload;
    this.messages = messages;
  }

  /** The form; the files cannot be shown again after an error, the collection is. */
  record ImportForm(@Nullable List<MultipartFile> files, @Nullable String collection) {}

  @GetMapping
  String start(Actor actor, Model model) {
    List<Target> targets = targets(actor);
    String only = targets.size() == 1 ? targets.get(0).id().toString() : null;
    model.addAttribute("form", new ImportForm(null, only));
    return form(model, targets);
  }

  @PostMapping
  String upload(
      @ModelAttribute("form") ImportForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      Locale locale)
      throws IOException {
    List<Target> targets = targets(actor);
    Optional<Target> target =
        targets.stream().filter(t -> t.id().toString().equals(form.collection())).findFirst();
    if (target.isEmpty()) {
      errors.rejectValue("collection", "mispimport.collection.required");
    }
    List<MispUpload.File> files = files(form);
    if (files.isEmpty()) {
      errors.rejectValue("files", "mispimport.files.required");
    }
    if (errors.hasErrors()) {
      return form(model, targets);
    }
    MispUpload.Result read;
    try {
      read = upload.read(files);
    } catch (MispFormatException unreadable) {
      reject(errors, List.of(unreadable.problem()));
      return form(model, targets);
    }
    if (read.events() == 0) {
      reject(errors, read.problems());
      return form(model, targets);
    }
    Outcome outcome = intake.add(actor, target.get().id(), read.objects());
    model.addAttribute("collection", target.get());
    model.addAttribute("events", read.events());
    model.addAttribute("problems", MispProblemText.of(read.problems(), messages, locale));
    return result(model, outcome);
  }

  /** An import's outcome again, for the person who made it: the page its result links to. */
  @GetMapping("/status/{status}")
  String status(@PathVariable UUID status, Actor actor, Model model) {
    Outcome outcome =
        intake
            .outcome(actor, status)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return result(model, outcome);
  }

  /**
   * Files beyond the web server's own limit never reach {@link #upload}; say so on the form rather
   * than show an error page. (Multipart is resolved lazily, so this happens inside this
   * controller.)
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String uploadTooLarge(Actor actor, Model model) {
    List<Target> targets = targets(actor);
    ImportForm form = new ImportForm(null, null);
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    reject(errors, List.of(MispUpload.tooLarge().problem()));
    model.addAttribute("form", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
    return form(model, targets);
  }

  /** Each problem under the file field, naming the file or event it concerns. */
  private static void reject(BindingResult errors, List<MispProblem> problems) {
    for (MispProblem problem : problems) {
      DefaultMessageSourceResolvable message =
          new DefaultMessageSourceResolvable(
              new String[] {problem.messageKey()}, problem.arguments().toArray());
      if (problem.subject().isEmpty()) {
        errors.rejectValue("files", problem.messageKey(), problem.arguments().toArray(), null);
      } else {
        errors.rejectValue(
            "files", "mispimport.problem.of", new Object[] {problem.subject(), message}, null);
      }
    }
  }

  private static List<MispUpload.File> files(ImportForm form) throws IOException {
    List<MispUpload.File> files = new ArrayList<>();
    if (form.files() != null) {
      for (MultipartFile file : form.files()) {
        if (!file.isEmpty()) {
          String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
          files.add(
              new MispUpload.File(name.substring(name.lastIndexOf('/') + 1), file.getBytes()));
        }
      }
    }
    return files;
  }

  private String result(Model model, Outcome outcome) {
    model.addAttribute("outcome", outcome);
    model.addAttribute("taxiiStatus", "/taxii2/mamori/status/" + outcome.status() + "/");
    return "exchange/misp-result";
  }

  private String form(Model model, List<Target> targets) {
    model.addAttribute("targets", targets);
    model.addAttribute("maxMegabytes", MispUpload.MAX_BYTES / (1024 * 1024));
    return "exchange/misp-import";
  }

  /** The collections the actor may add to; the page is only for those who may add to one. */
  private List<Target> targets(Actor actor) {
    List<Target> targets = intake.writableBy(actor);
    if (targets.isEmpty()) {
      throw new AccessDeniedException("may add to no collection");
    }
    return targets;
  }
}
