package dev.flexkit.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core's rules (WCAG 2.1 A and AA) over what the agent sees: no serious or critical violation.
 */
final class Axe {
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  private Axe() {}

  /** Fails with each serious or critical violation on the page as it is now, and where it is. */
  static void assertNoSeriousViolations(Page page, String screen) {
    AxeResults results =
        new AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze();
    List<Rule> blocking =
        results.getViolations().stream()
            .filter(rule -> BLOCKING.contains(rule.getImpact()))
            .collect(Collectors.toList());
    if (!blocking.isEmpty()) {
      String report =
          blocking.stream()
              .map(
                  rule ->
                      rule.getImpact()
                          + " "
                          + rule.getId()
                          + ": "
                          + rule.getHelp()
                          + " at "
                          + rule.getNodes().stream()
                              .map(CheckedNode::getTarget)
                              .map(String::valueOf)
                              .collect(Collectors.joining(", ")))
              .collect(Collectors.joining("\n  "));
      throw new AssertionError(
          "axe on " + screen + ": " + blocking.size() + " serious violation(s)\n  " + report);
    }
  }
}
