import { z } from 'zod';
import { a1, type CellValue, cellText, isBlankCell } from '../values/cell';
import { choiceList } from '../values/choices';
import { canonicalJson, fingerprintMismatch, sha256Hex } from '../reports/fingerprint';
import { readChoiceField, readTextField, rowReader, shown } from '../values/fields';
import { type Issue, severityOf } from '../issue';
import type { ColumnSpec, Table } from './table';
import { toHalfWidthAlnum } from '../values/text';

/**
 * 事業評価: the national evaluation indicators (市町村・センター評価指標) a center answers はい/いいえ each year.
 * The list of indicators is data the city distributes, never code: a new indicator mid-year is a new row.
 */
export const EVALUATION_SHEET = '事業評価';
/** Where a center keeps the year's official list the city sent (番号, 分類, 指標), to copy into 事業評価. */
export const INDICATOR_LIST_SHEET = '評価指標';

export const EVALUATION_CATEGORIES = [
  '組織運営体制等',
  '総合相談支援',
  '権利擁護',
  '包括的・継続的ケアマネジメント支援',
  '地域ケア会議',
  '介護予防ケアマネジメント・介護予防支援',
  '事業間連携',
] as const;

export type EvaluationKey = 'year' | 'number' | 'category' | 'indicator' | 'answer' | 'note';

export const EVALUATION_COLUMNS: readonly ColumnSpec<EvaluationKey>[] = [
  { key: 'year', header: '年度', required: true },
  { key: 'number', header: '番号', synonyms: ['指標番号', 'No', 'No.'], required: true },
  { key: 'category', header: '分類', synonyms: ['区分', '項目'] },
  { key: 'indicator', header: '指標', synonyms: ['評価指標', '内容'] },
  { key: 'answer', header: '回答', synonyms: ['はい・いいえ', '回答（はい・いいえ）'], required: true },
  { key: 'note', header: '根拠・備考', synonyms: ['根拠', '備考', '理由'] },
];

export const INDICATOR_COLUMNS: readonly ColumnSpec<EvaluationKey>[] = [
  { key: 'year', header: '年度' },
  { key: 'number', header: '番号', synonyms: ['指標番号', 'No', 'No.'], required: true },
  { key: 'category', header: '分類', synonyms: ['区分', '項目'], required: true },
  { key: 'indicator', header: '指標', synonyms: ['評価指標', '内容'], required: true },
];

export const ANSWERS = choiceList(['はい', 'いいえ'], {
  はい: ['○', '〇', '◯', 'Yes', 'yes', 'Y', '1', 'TRUE', 'true', 'あり', '有', '実施', 'できている'],
  いいえ: ['×', '✕', 'No', 'no', 'N', '0', 'FALSE', 'false', 'なし', '無', '未実施', 'できていない'],
});

export interface Indicator {
  readonly number: string;
  readonly category: string;
  readonly indicator: string;
}

export interface EvaluationAnswer extends Indicator {
  readonly row: number;
  readonly year: string;
  readonly answer?: 'はい' | 'いいえ';
  readonly note?: string;
}

const text = (v: CellValue | undefined): string => toHalfWidthAlnum(cellText(v)).trim();

/** `2025`, `2025年度`, `令和7年度`, `R7` → '2025' (年度 as the western year it starts in). */
export function readFiscalYear(value: CellValue | undefined): string | undefined {
  const t = text(value).replace(/\s/g, '');
  const western = /^(\d{4})(年度)?$/.exec(t);
  if (western) return western[1];
  const reiwa = /^(?:令和|R)(元|\d{1,2})(年度)?$/i.exec(t);
  if (reiwa) return String(2018 + (reiwa[1] === '元' ? 1 : Number(reiwa[1])));
  const heisei = /^(?:平成|H)(\d{1,2})(年度)?$/i.exec(t);
  if (heisei) return String(1988 + Number(heisei[1]));
  return undefined;
}

/** The year's official list as the city sent it (rows of 評価指標, one year or a 年度 column). */
export function readIndicatorList(table: Table<EvaluationKey> | undefined, year: string): Indicator[] {
  if (!table) return [];
  const at = (row: readonly CellValue[], key: EvaluationKey): CellValue | undefined => {
    const column = table.columns[key];
    return column === undefined ? undefined : row[column];
  };
  return table.rows
    .filter((r) => table.columns.year === undefined || isBlankCell(at(r.values, 'year') ?? null) || readFiscalYear(at(r.values, 'year')) === year)
    .map((r) => ({ number: text(at(r.values, 'number')), category: text(at(r.values, 'category')), indicator: String(at(r.values, 'indicator') ?? '').trim() }))
    .filter((i) => i.number !== '');
}

/**
 * Reads and checks 事業評価 for a year against the year's list: every indicator answered, 回答 in the list
 * (variants read with a suggestion), いいえ with its 根拠・備考, rows not in the list and indicators missing
 * from the sheet reported. Without a list (onEdit), only the rules of each row run.
 */
export function readEvaluation(table: Table<EvaluationKey>, year: string, list?: readonly Indicator[]): { answers: EvaluationAnswer[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const answers: EvaluationAnswer[] = [];
  const known = new Map((list ?? []).map((i) => [i.number, i]));
  const seen = new Set<string>();
  for (const row of table.rows) {
    const r = rowReader(table, EVALUATION_COLUMNS, row, issues);
    const rowYear = readFiscalYear(r.raw('year'));
    if (rowYear !== year) continue;
    const number = text(r.raw('number'));
    if (number === '') {
      r.report('number', 'REQUIRED', `「${r.title('number')}」が空です。評価指標の番号を入力してください。`);
      continue;
    }
    seen.add(number);
    const official = known.get(number);
    if (list && !official) {
      r.report(
        'number',
        'EVALUATION_INDICATOR_UNKNOWN',
        `番号「${shown(number)}」は${year}年度の評価指標の一覧にありません。番号を確かめるか、市から届いた一覧を「${INDICATOR_LIST_SHEET}」に入れてください。`,
      );
    }
    const answer = readChoiceField(r, 'answer', ANSWERS, { required: false, hint: 'はい・いいえ のどちらか' }) as EvaluationAnswer['answer'];
    if (answer === undefined && isBlankCell(r.raw('answer'))) {
      r.report('answer', 'EVALUATION_UNANSWERED', `指標 ${number} に回答がありません。「はい」か「いいえ」を入力してください。`);
    }
    const note = readTextField(r, 'note', { required: false, hint: '根拠・備考', maxLength: 2000 });
    if (answer === 'いいえ' && note === undefined) {
      r.report(
        'note',
        'EVALUATION_REASON_MISSING',
        `指標 ${number} が「いいえ」です。運営協議会に説明できるよう、理由を「${r.title('note')}」に書いてください（例: 保健師ではなく看護師を配置）。`,
      );
    }
    answers.push({
      row: row.rowNumber,
      year,
      number,
      category: official?.category ?? text(r.raw('category')),
      indicator: official?.indicator ?? String(r.raw('indicator') ?? '').trim(),
      ...(answer ? { answer } : {}),
      ...(note !== undefined ? { note } : {}),
    });
  }
  for (const missing of (list ?? []).filter((i) => !seen.has(i.number))) {
    issues.push({
      sheet: table.sheet,
      row: table.headerRow,
      column: '番号',
      cell: a1(table.headerRow, (table.columns.number ?? 0) + 1),
      code: 'EVALUATION_INDICATOR_MISSING',
      severity: severityOf('EVALUATION_INDICATOR_MISSING'),
      message: `${year}年度の指標 ${missing.number}（${missing.category}: ${missing.indicator.slice(0, 40)}）の行がありません。「事業評価の指標を取り込む」で追加して回答してください。`,
    });
  }
  return { answers, issues };
}

export interface CategoryRate {
  readonly category: string;
  readonly yes: number;
  readonly answered: number;
  /** yes / answered; undefined when nothing in the category was answered. */
  readonly rate?: number;
}

/** Achievement rate per category (はい / answered), in the national order, then any other category. */
export function categoryRates(answers: readonly Pick<EvaluationAnswer, 'category' | 'answer'>[]): CategoryRate[] {
  const categories = [
    ...EVALUATION_CATEGORIES,
    ...new Set(answers.map((a) => a.category).filter((c) => !(EVALUATION_CATEGORIES as readonly string[]).includes(c))),
  ];
  return categories.map((category) => {
    const inCategory = answers.filter((a) => a.category === category && a.answer !== undefined);
    const yes = inCategory.filter((a) => a.answer === 'はい').length;
    return inCategory.length ? { category, yes, answered: inCategory.length, rate: yes / inCategory.length } : { category, yes, answered: 0 };
  });
}

// The payload ---------------------------------------------------------------------------------------------

export const EVALUATION_KIND = 'evaluation';
export const EVALUATION_SCHEMA_VERSION = 1;

export const EvaluationSubmissionSchema = z.object({
  kind: z.literal(EVALUATION_KIND),
  schemaVersion: z.literal(EVALUATION_SCHEMA_VERSION),
  center: z.object({ name: z.string().min(1), code: z.string() }),
  year: z.string().regex(/^\d{4}$/),
  generatedAt: z.string(),
  submittedAt: z.string().nullable(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /** 根拠・備考 is the only free text, and it is the center's own account to the 運営協議会. */
  answers: z.array(z.object({ number: z.string(), category: z.string(), answer: z.enum(['はい', 'いいえ']).nullable(), note: z.string() })),
  rates: z.array(z.object({ category: z.string(), yes: z.number().int().min(0), answered: z.number().int().min(0), rate: z.number().nullable() })),
});

export type EvaluationSubmission = z.infer<typeof EvaluationSubmissionSchema>;

function evaluationFingerprint(s: Omit<EvaluationSubmission, 'fingerprint'> | EvaluationSubmission): string {
  const { fingerprint: _f, generatedAt: _g, submittedAt: _s, ...data } = s as EvaluationSubmission;
  return sha256Hex(canonicalJson(data));
}

export function toEvaluationSubmission(
  center: { name: string; code: string },
  year: string,
  answers: readonly EvaluationAnswer[],
  generatedAt: string,
  submittedAt: string | null,
): EvaluationSubmission {
  const draft = {
    kind: EVALUATION_KIND,
    schemaVersion: EVALUATION_SCHEMA_VERSION,
    center: { name: center.name, code: center.code },
    year,
    generatedAt,
    submittedAt,
    answers: answers.map((a) => ({ number: a.number, category: a.category, answer: a.answer ?? null, note: a.note ?? '' })),
    rates: categoryRates(answers).map((r) => ({ category: r.category, yes: r.yes, answered: r.answered, rate: r.rate ?? null })),
  } as const;
  return EvaluationSubmissionSchema.parse({ ...draft, fingerprint: evaluationFingerprint(draft) });
}

export function readEvaluationPayload(json: string): { kind: 'ok'; submission: EvaluationSubmission } | { kind: 'bad'; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { kind: 'bad', reason: '事業評価の提出データが壊れています（JSON として読めません）。' };
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== EVALUATION_SCHEMA_VERSION)
    return { kind: 'bad', reason: `事業評価の提出データの版（${String(version)}）がこの集計の版（${EVALUATION_SCHEMA_VERSION}）と違います。` };
  const parsed = EvaluationSubmissionSchema.safeParse(data);
  if (!parsed.success) return { kind: 'bad', reason: `事業評価の提出データの形が正しくありません（${parsed.error.issues[0]?.path.join('.') ?? ''}）。` };
  if (evaluationFingerprint(data as EvaluationSubmission) !== parsed.data.fingerprint)
    return { kind: 'bad', reason: fingerprintMismatch('事業評価の提出データ') };
  return { kind: 'ok', submission: parsed.data };
}

// The city's comparison ------------------------------------------------------------------------------------

export interface EvaluationOutcome {
  readonly name: string;
  readonly status: 'submitted' | 'missing' | 'unreadable';
  readonly reason?: string;
  readonly submission?: EvaluationSubmission;
}

export interface EvaluationComparison {
  readonly year: string;
  readonly categories: readonly string[];
  readonly centers: readonly { name: string; status: EvaluationOutcome['status']; reason?: string; rates: Record<string, number | null> }[];
  /** The city as a whole: はい over answered, summed over the centers that submitted. */
  readonly city: Record<string, number | null>;
  readonly national: Record<string, number | null>;
  /** Every いいえ with its 根拠・備考, so the 運営協議会 sees the reasons. */
  readonly no: readonly { center: string; number: string; category: string; note: string }[];
}

export function compareEvaluations(year: string, outcomes: readonly EvaluationOutcome[], national: Readonly<Record<string, number>>): EvaluationComparison {
  const submitted = outcomes.flatMap((o) => (o.submission ? [{ name: o.name, s: o.submission }] : []));
  const categories = [
    ...EVALUATION_CATEGORIES,
    ...new Set(submitted.flatMap((x) => x.s.rates.map((r) => r.category)).filter((c) => !(EVALUATION_CATEGORIES as readonly string[]).includes(c))),
  ];
  const rateOf = (rates: EvaluationSubmission['rates'], c: string): number | null => rates.find((r) => r.category === c)?.rate ?? null;
  const city: Record<string, number | null> = {};
  for (const c of categories) {
    const yes = submitted.reduce((s, x) => s + (x.s.rates.find((r) => r.category === c)?.yes ?? 0), 0);
    const answered = submitted.reduce((s, x) => s + (x.s.rates.find((r) => r.category === c)?.answered ?? 0), 0);
    city[c] = answered ? yes / answered : null;
  }
  return {
    year,
    categories,
    centers: outcomes.map((o) => ({
      name: o.name,
      status: o.status,
      ...(o.reason !== undefined ? { reason: o.reason } : {}),
      rates: Object.fromEntries(categories.map((c) => [c, o.submission ? rateOf(o.submission.rates, c) : null])),
    })),
    city,
    national: Object.fromEntries(categories.map((c) => [c, national[c] ?? null])),
    no: submitted.flatMap((x) =>
      x.s.answers.filter((a) => a.answer === 'いいえ').map((a) => ({ center: x.name, number: a.number, category: a.category, note: a.note })),
    ),
  };
}

/** Every year that has rows in 事業評価; a row whose 年度 cannot be read is reported. */
export function checkEvaluationSheet(
  table: Table<EvaluationKey>,
  listFor?: (year: string) => readonly Indicator[] | undefined,
): { answers: EvaluationAnswer[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const answers: EvaluationAnswer[] = [];
  const years = new Set<string>();
  for (const row of table.rows) {
    const column = table.columns.year;
    const raw = column === undefined ? undefined : row.values[column];
    const year = readFiscalYear(raw);
    if (year) {
      years.add(year);
      continue;
    }
    const r = rowReader(table, EVALUATION_COLUMNS, row, issues);
    const blank = isBlankCell(raw ?? null);
    r.report(
      'year',
      blank ? 'REQUIRED' : 'DATE_INVALID',
      blank
        ? `「${r.title('year')}」が空です。年度（例: 2025 や 令和7年度）を入力してください。`
        : `「${r.title('year')}」の「${shown(raw)}」は年度として読めません。2025 や 令和7年度 の形で入力してください。`,
    );
  }
  for (const year of [...years].sort()) {
    const reading = readEvaluation(table, year, listFor?.(year));
    issues.push(...reading.issues);
    answers.push(...reading.answers);
  }
  return { answers, issues };
}
