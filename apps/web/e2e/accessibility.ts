import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe-core in the page (every rule it enables by default: WCAG 2.x A and AA, plus its
 * best practices) and fails on any serious or critical violation, naming each one and where.
 * axe is injected through Playwright's page.evaluate, which the page's CSP does not govern.
 * Legacy mode runs it in the page alone, without the extra blank page that only cross-origin
 * frames need (the app has none): about a second faster per check.
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
  expect(serious, `accessibility of ${what}`).toEqual([]);
}
