import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** WCAG 2.0/2.1/2.2 level A and AA, and axe's best practices. */
export const AXE_TAGS = [
  "wcag2a",
  "wcag2aa",
  "wcag21a",
  "wcag21aa",
  "wcag22aa",
  "best-practice",
] as const;

/** The impacts the suite refuses; `moderate` and `minor` ones are reported, not failed. */
const BLOCKING = new Set(["serious", "critical"]);

export type A11yViolation = {
  /** Where: a label such as "admin · phone · /credits". */
  where: string;
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements, as axe reports them. */
  targets: string[];
};

/** Runs axe on the page as it is now; returns its serious and critical violations. */
export async function scanForViolations(page: Page, where: string): Promise<A11yViolation[]> {
  const results = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => ({
      where,
      rule: v.id,
      impact: v.impact ?? "?",
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" ")),
    }));
}

/** One line per violation, with its targets: the failure message a reader can act on. */
export function describeViolations(violations: A11yViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.where}: ${v.rule} (${v.impact}) ${v.help}\n${v.targets.map((t) => `    ${t}`).join("\n")}`,
    )
    .join("\n");
}
