import { inNationalOrder } from '../sheets/indicators';
import type { EvaluationAnswer } from '../sheets/evaluation';
import type { FiscalYear } from '../values/fiscal-year';
import type { CenterStatus } from './consolidation';
import type { EvaluationSubmission } from './evaluation-submission';

/**
 * 事業評価 in numbers: each category's achievement rate (はい over answered), a center's and the city's, side
 * by side with the national average the city enters, and every いいえ with its reason for the 運営協議会.
 */
export interface CategoryRate {
  readonly category: string;
  readonly yes: number;
  readonly answered: number;
  /** yes / answered; undefined when nothing in the category was answered. */
  readonly rate?: number;
}

/** Achievement rate per category (はい / answered), in the national order, then any other category. */
export function categoryRates(answers: readonly Pick<EvaluationAnswer, 'category' | 'answer'>[]): CategoryRate[] {
  return inNationalOrder(answers.map((a) => a.category)).map((category) => {
    const inCategory = answers.filter((a) => a.category === category && a.answer !== undefined);
    const yes = inCategory.filter((a) => a.answer === 'はい').length;
    return inCategory.length ? { category, yes, answered: inCategory.length, rate: yes / inCategory.length } : { category, yes, answered: 0 };
  });
}

export interface EvaluationOutcome {
  readonly name: string;
  readonly status: CenterStatus;
  readonly reason?: string;
  readonly submission?: EvaluationSubmission;
}

export interface EvaluationComparison {
  readonly year: FiscalYear;
  readonly categories: readonly string[];
  readonly centers: readonly { name: string; status: CenterStatus; reason?: string; rates: Record<string, number | null> }[];
  /** The city as a whole: はい over answered, summed over the centers that submitted. */
  readonly city: Record<string, number | null>;
  readonly national: Record<string, number | null>;
  /** Every いいえ with its 根拠・備考, so the 運営協議会 sees the reasons. */
  readonly no: readonly { center: string; number: string; category: string; note: string }[];
}

export function compareEvaluations(year: FiscalYear, outcomes: readonly EvaluationOutcome[], national: Readonly<Record<string, number>>): EvaluationComparison {
  const submitted = outcomes.flatMap((o) => (o.submission ? [{ name: o.name, s: o.submission }] : []));
  const categories = inNationalOrder(submitted.flatMap((x) => x.s.rates.map((r) => r.category)));
  const rateIn = (s: EvaluationSubmission, c: string): EvaluationSubmission['rates'][number] | undefined => s.rates.find((r) => r.category === c);
  const city: Record<string, number | null> = {};
  for (const c of categories) {
    const yes = submitted.reduce((sum, x) => sum + (rateIn(x.s, c)?.yes ?? 0), 0);
    const answered = submitted.reduce((sum, x) => sum + (rateIn(x.s, c)?.answered ?? 0), 0);
    city[c] = answered ? yes / answered : null;
  }
  return {
    year,
    categories,
    centers: outcomes.map((o) => ({
      name: o.name,
      status: o.status,
      ...(o.reason !== undefined ? { reason: o.reason } : {}),
      rates: Object.fromEntries(categories.map((c) => [c, o.submission ? (rateIn(o.submission, c)?.rate ?? null) : null])),
    })),
    city,
    national: Object.fromEntries(categories.map((c) => [c, national[c] ?? null])),
    no: submitted.flatMap((x) =>
      x.s.answers.filter((a) => a.answer === 'いいえ').map((a) => ({ center: x.name, number: a.number, category: a.category, note: a.note })),
    ),
  };
}
