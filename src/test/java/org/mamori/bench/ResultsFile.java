package org.mamori.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bench command's section of {@code docs/benchmarks.md}, between marker comments: how the figures
 * were measured and a table of them. A re-run replaces the section and moves each figure it held to
 * the "previous" column; everything else in the file (other sections, notes) is left as it is.
 */
final class ResultsFile {

  private static final String TITLE =
      """
      # Benchmarks

      Figures measured on Mamori by its bench commands (never by the test suite: the machines are
      shared and noisy). How to run them: README, "Benchmarks".
      """;

  /** A section: its marker name (such as {@code exchange-bench}) and its heading. */
  record Section(String id, String title) {

    String start() {
      return "<!-- " + id + ":start (written by the bench command) -->";
    }

    String end() {
      return "<!-- " + id + ":end -->";
    }
  }

  /** One figure: what was measured, the value, and the value aimed for (or "—"). */
  record Figure(String name, String value, String target) {}

  private ResultsFile() {}

  /** The section as Markdown; {@code previous} maps a figure's name to its earlier value. */
  static String section(
      Section section, List<String> about, List<Figure> figures, Map<String, String> previous) {
    StringBuilder text = new StringBuilder();
    text.append(section.start()).append("\n## ").append(section.title()).append("\n\n");
    about.forEach(line -> text.append("- ").append(line).append('\n'));
    text.append("\n| Figure | This run | Target | Previous run |\n|---|---|---|---|\n");
    for (Figure figure : figures) {
      text.append("| ")
          .append(figure.name())
          .append(" | ")
          .append(figure.value())
          .append(" | ")
          .append(figure.target())
          .append(" | ")
          .append(previous.getOrDefault(figure.name(), "—"))
          .append(" |\n");
    }
    return text.append(section.end()).append('\n').toString();
  }

  /**
   * Writes the section into the file (made if missing), replacing the one written before.
   *
   * @return the section as written
   */
  static String update(Path file, Section which, List<String> about, List<Figure> figures)
      throws IOException {
    String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : TITLE;
    int start = old.indexOf(which.start());
    int end = old.indexOf(which.end());
    String section;
    String updated;
    if (start >= 0 && end > start) {
      String before = old.substring(start, end);
      section = section(which, about, figures, previousValues(before));
      updated = old.substring(0, start) + section + old.substring(end + which.end().length() + 1);
    } else {
      section = section(which, about, figures, Map.of());
      updated = old.stripTrailing() + "\n\n" + section;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, updated, StandardCharsets.UTF_8);
    return section;
  }

  /** The "this run" value of each figure of an earlier section, with the date it was measured. */
  private static Map<String, String> previousValues(String section) {
    String date = "";
    Map<String, String> values = new HashMap<>();
    for (String line : section.split("\n")) {
      if (line.startsWith("- Date: ")) {
        date = line.substring("- Date: ".length()).strip();
      }
      String[] cells = line.split("\\|");
      if (cells.length >= 3 && line.startsWith("| ") && !line.startsWith("| Figure")) {
        values.put(cells[1].strip(), cells[2].strip() + (date.isEmpty() ? "" : " (" + date + ")"));
      }
    }
    return values;
  }
}
