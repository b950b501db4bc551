package org.mamori.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Japanese first, English second, and nothing only in one: every message key exists in both
 * bundles, every key a template or rule uses exists, and templates carry no hard-coded words.
 */
class MessageBundlesTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
  private static final Pattern CODE_KEY =
      Pattern.compile("(?:Violation|MessageKey)\\(\\s*\"([A-Za-z0-9_.\\-]+)\"");
  private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]");
  private static final Set<String> TEXT_ATTRIBUTES =
      Set.of("title", "alt", "placeholder", "aria-label");

  private static Properties japanese;
  private static Properties english;

  @BeforeAll
  static void loadBundles() throws IOException {
    japanese = load("ja");
    english = load("en");
  }

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertThat(new TreeSet<>(japanese.stringPropertyNames()))
        .isNotEmpty()
        .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
  }

  @Test
  void noMessageIsEmpty() {
    for (Properties bundle : List.of(japanese, english)) {
      bundle.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
    }
  }

  /**
   * A message with arguments goes through MessageFormat, where a lone apostrophe starts a quote and
   * swallows the arguments after it: write it twice ('').
   */
  @Test
  void messagesWithArgumentsDoubleTheirApostrophes() {
    for (Properties bundle : List.of(japanese, english)) {
      bundle.forEach(
          (key, value) -> {
            String text = value.toString();
            if (text.matches("(?s).*\\{\\d.*")) {
              assertThat(text.replace("''", "")).as(key.toString()).doesNotContain("'");
            }
          });
    }
  }

  @Test
  void everyKeyTemplatesAndRulesUseExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : files(TEMPLATES, ".html")) {
      collectMissing(Files.readString(file), TEMPLATE_KEY, file, missing);
    }
    for (Path file : files(SOURCES, ".java")) {
      collectMissing(Files.readString(file), CODE_KEY, file, missing);
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void templatesHaveNoHardCodedText() throws IOException {
    List<String> hardCoded = new ArrayList<>();
    for (Path file : files(TEMPLATES, ".html")) {
      Document page = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
      for (Element element : page.getAllElements()) {
        if (replacesItsContent(element)) {
          continue;
        }
        for (TextNode text : element.textNodes()) {
          if (WORDS.matcher(text.text()).find() && !insideReplacedElement(element)) {
            hardCoded.add(file + ": <" + element.tagName() + "> " + text.text().strip());
          }
        }
        element
            .attributes()
            .forEach(
                attribute -> {
                  if (TEXT_ATTRIBUTES.contains(attribute.getKey())
                      && WORDS.matcher(attribute.getValue()).find()) {
                    hardCoded.add(file + ": " + attribute.getKey() + "=" + attribute.getValue());
                  }
                });
      }
    }
    assertThat(hardCoded).isEmpty();
  }

  private static boolean replacesItsContent(Element element) {
    return element.hasAttr("th:text")
        || element.hasAttr("th:utext")
        || element.hasAttr("th:errors")
        || element.hasAttr("th:replace")
        || element.hasAttr("th:insert");
  }

  private static boolean insideReplacedElement(Element element) {
    for (Element parent : element.parents()) {
      if (replacesItsContent(parent)) {
        return true;
      }
    }
    return false;
  }

  private static void collectMissing(
      String content, Pattern pattern, Path file, List<String> missing) {
    Matcher keys = pattern.matcher(content);
    while (keys.find()) {
      String key = keys.group(1);
      if (!japanese.containsKey(key) || !english.containsKey(key)) {
        missing.add(file + ": " + key);
      }
    }
  }

  private static Properties load(String language) throws IOException {
    Properties all = new Properties();
    Resource[] bundles =
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:i18n/messages_*_" + language + ".properties");
    assertThat(bundles).isNotEmpty();
    for (Resource bundle : bundles) {
      try (InputStream in = bundle.getInputStream()) {
        Properties one = new Properties();
        one.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        all.putAll(one);
      }
    }
    return all;
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }
}
