package org.mamori.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: where to go for each task. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "platform/home";
  }
}
