/**
 * axe-core over a served sidebar or dialog (issue #20): the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA
 * plus axe's best practices, run in the page as it is at the moment of the call, so a test can check every
 * state a screen goes through. Only what axe rates serious or critical fails the test: moderate findings (a
 * missing landmark, say) are for a person to judge, and a test that failed on them would be turned off.
 *
 * axe-core's source is read from node_modules and evaluated in the page: the harness refuses every request, so a
 * <script src> to a CDN would fail, and nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** axe's own Japanese texts, so that the list a failed test prints reads as the rest of the project does. */
const AXE_JA: unknown = JSON.parse(readFileSync(require.resolve('axe-core/locales/ja.json'), 'utf8'));

/**
 * Every A and AA criterion of WCAG 2.0, 2.1 and 2.2 that axe can test, and its best practices. There is no
 * wcag22a: the criteria 2.2 added at level A (consistent help, redundant entry) cannot be tested by a machine,
 * and axe logs a tag it does not know.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

/** One finding of axe, reduced to what a person needs to find and fix it. */
interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

interface AxeWindow {
  axe?: {
    configure(spec: { locale: unknown }): void;
    run(
      context: Document,
      options: { runOnly: { type: 'tag'; values: readonly string[] }; resultTypes: string[] },
    ): Promise<{
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }>;
  };
}

/** Every violation axe finds in the page as it is now, whatever its impact. */
async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // Once per document: a page that navigated or was reloaded has lost it.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(AXE_SOURCE);
    await page.evaluate((locale) => (window as unknown as AxeWindow).axe?.configure({ locale }), AXE_JA);
  }
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as AxeWindow).axe;
    if (!axe) throw new Error('axe-core を読み込めませんでした。');
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({
        // A target is a list of selectors when the node is inside an iframe or a shadow root.
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, AXE_TAGS);
}

/** A finding as one readable entry of the failure message: rule, impact, what it means, and where. */
function describeFinding(f: AxeFinding): string {
  return [`${f.id}（${f.impact}）: ${f.help}`, ...f.nodes.map((n) => `  ${n.target} — ${n.summary}`)].join('\n');
}

/**
 * Fails the test when axe finds anything serious or critical on the page as it is now. `screen` names the screen
 * and state in the failure ("設定: 保存の後"), since one test checks several.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const findings = await axeFindings(page);
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical').map(describeFinding);
  // Comparing { screen, violations } prints the screen's name beside the list, which a bare array would not.
  expect({ screen, violations: blocking }).toEqual({ screen, violations: [] });
}
