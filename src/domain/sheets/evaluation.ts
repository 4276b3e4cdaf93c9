import { a1, type CellValue, isBlankCell } from '../values/cell';
import { NO_MARKS, NONE_WORDS, YES_MARKS, YES_WORDS } from '../values/written-marks';
import { choiceList, oneOf } from '../values/choices';
import { readChoiceField, readTextField, rowReader, shown } from '../values/fields';
import { type FiscalYear, readFiscalYear } from '../values/fiscal-year';
import { issueMessage } from '../issues/catalogue';
import { type Issue, severityOf } from '../issues/issue';
import { activityFigures, unrecordedClaims, type YearRecords } from '../reports/evaluation-evidence';
import type { Activity } from './activities';
import { type Indicator, INDICATOR_FIELDS, INDICATOR_LIST_SHEET, type IndicatorKey, indicatorText, indicatorWording } from './indicators';
import type { ColumnSpec, Table } from './table';

/**
 * 事業評価: a center's answers, はい/いいえ for each indicator of the year's list (評価指標), with its reason for
 * each いいえ. This module reads and checks the sheet; the list is indicators.ts, the payload and the city's
 * comparison are in reports/.
 */
export const EVALUATION_SHEET = '事業評価';

export type EvaluationKey = IndicatorKey | 'answer' | 'note';

export const EVALUATION_COLUMNS: readonly ColumnSpec<EvaluationKey>[] = [
  { ...INDICATOR_FIELDS.year, required: true },
  { ...INDICATOR_FIELDS.number, required: true },
  INDICATOR_FIELDS.category,
  INDICATOR_FIELDS.indicator,
  { key: 'answer', header: '回答', synonyms: ['はい・いいえ', '回答（はい・いいえ）'], required: true },
  { key: 'note', header: '根拠・備考', synonyms: ['根拠', '備考', '理由'] },
];

export const ANSWERS = choiceList(['はい', 'いいえ'], {
  はい: [...YES_MARKS, 'Yes', 'yes', 'Y', '1', 'TRUE', 'true', ...YES_WORDS, '実施', 'できている'],
  いいえ: [...NO_MARKS, 'No', 'no', 'N', '0', 'FALSE', 'false', ...NONE_WORDS, '未実施', '未', 'できていない'],
});

export interface EvaluationAnswer extends Indicator {
  readonly row: number;
  readonly year: FiscalYear;
  readonly answer?: 'はい' | 'いいえ';
  readonly note?: string;
}

/**
 * Reads and checks 事業評価 for a year against the year's list: every indicator answered, 回答 in the list
 * (variants read with a suggestion), いいえ with its 根拠・備考, rows not in the list and indicators missing
 * from the sheet reported; with the center's 活動記録, a はい the year's records show none of. Without a list
 * or 活動記録 (onEdit), only the rules of each row run.
 */
export function readEvaluation(
  table: Table<EvaluationKey>,
  year: FiscalYear,
  list?: readonly Indicator[],
  activities?: readonly Activity[],
): { answers: EvaluationAnswer[]; issues: Issue[] } {
  const records: YearRecords | undefined = activities ? { year, activities: activityFigures(activities, year) } : undefined;
  const issues: Issue[] = [];
  const answers: EvaluationAnswer[] = [];
  const known = new Map((list ?? []).map((i) => [i.number, i]));
  const seen = new Set<string>();
  for (const row of table.rows) {
    const r = rowReader(table, EVALUATION_COLUMNS, row, issues);
    const rowYear = readFiscalYear(r.raw('year'));
    if (rowYear !== year) continue;
    const number = indicatorText(r.raw('number'));
    if (number === '') {
      r.report('number', 'REQUIRED', { title: r.title('number'), hint: '評価指標の番号' });
      continue;
    }
    seen.add(number);
    const official = known.get(number);
    if (list && !official) {
      r.report('number', 'EVALUATION_INDICATOR_UNKNOWN', { number: shown(number), year, listSheet: INDICATOR_LIST_SHEET });
    }
    const answer = readChoiceField(r, 'answer', ANSWERS, { required: false, hint: oneOf(ANSWERS.values) }) as EvaluationAnswer['answer'];
    if (answer === undefined && isBlankCell(r.raw('answer'))) {
      r.report('answer', 'EVALUATION_UNANSWERED', { number });
    }
    const note = readTextField(r, 'note', { required: false, hint: '根拠・備考', maxLength: 2000 });
    if (answer === 'いいえ' && note === undefined) {
      r.report('note', 'EVALUATION_REASON_MISSING', { number, title: r.title('note') });
    }
    const asked = { category: official?.category ?? indicatorText(r.raw('category')), indicator: official?.indicator ?? indicatorWording(r.raw('indicator')) };
    if (answer === 'はい' && records) {
      for (const what of unrecordedClaims(asked, records)) r.report('answer', 'EVALUATION_YES_WITHOUT_RECORD', { number, year, what, count: 0 });
    }
    answers.push({
      row: row.rowNumber,
      year,
      number,
      ...asked,
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
      message: issueMessage('EVALUATION_INDICATOR_MISSING', { year, number: missing.number, category: missing.category, indicator: missing.indicator }),
    });
  }
  return { answers, issues };
}

/** The 年度 and 番号 of a row, as the import and the check tell rows apart; undefined for a row without a 年度. */
export function evaluationRowKey(table: Table<EvaluationKey>, values: readonly CellValue[]): string | undefined {
  const at = (key: EvaluationKey): CellValue | undefined => {
    const column = table.columns[key];
    return column === undefined ? undefined : values[column];
  };
  const year = readFiscalYear(at('year'));
  return year === undefined ? undefined : indicatorKey(year, indicatorText(at('number')));
}

/** The key of an indicator in a year: what makes a row of 事業評価 the answer to it. */
export function indicatorKey(year: FiscalYear, number: string): string {
  return `${year}|${number}`;
}

/** Every year that has rows in 事業評価; a row whose 年度 cannot be read is reported. */
export function checkEvaluationSheet(
  table: Table<EvaluationKey>,
  listFor?: (year: FiscalYear) => readonly Indicator[] | undefined,
  activities?: readonly Activity[],
): { answers: EvaluationAnswer[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const answers: EvaluationAnswer[] = [];
  const years = new Set<FiscalYear>();
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
    if (blank) r.report('year', 'REQUIRED', { title: r.title('year'), hint: '年度（例: 2025 や 令和7年度）' });
    else r.report('year', 'DATE_INVALID', { title: r.title('year'), shown: shown(raw), fiscalYear: true });
  }
  for (const year of [...years].sort()) {
    const reading = readEvaluation(table, year, listFor?.(year), activities);
    issues.push(...reading.issues);
    answers.push(...reading.answers);
  }
  return { answers, issues };
}
