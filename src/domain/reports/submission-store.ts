import { type CellValue, cellText } from '../values/cell';
import { compareTimes } from '../values/times';

/**
 * The hidden sheet `_提出データ`: what a center has submitted to the city, one current row per (種類, 対象月)
 * and the earlier submissions of the same month kept below as 履歴. The city reads only this sheet.
 * A cell holds at most 50,000 characters, so a payload's JSON is split across as many cells as it needs.
 */
export const SUBMISSIONS_SHEET = '_提出データ';
export const SUBMISSION_HEADER = ['種類', '対象', '状態', '提出日時', '指紋', 'スキーマ版', '本文の数', '本文'] as const;
/** Below both cell limits with room to spare: 50,000 characters in Sheets (which counts the apostrophe that keeps text as text) and 32,767 in Excel. */
export const CHUNK_CHARS = 30000;

export const CURRENT = '最新';
export const HISTORY = '履歴';

export interface StoredSubmission {
  /** 'monthly-report' or, later, 'evaluation'. */
  readonly kind: string;
  /** The month (YYYY-MM) or the year (YYYY) the payload is for. */
  readonly period: string;
  readonly status: typeof CURRENT | typeof HISTORY;
  /**
   * The payload's submittedAt, for machines: the city matches and orders submissions by it, so 提出日時 in this
   * hidden sheet keeps the payload's ISO 8601 form (with +09:00 since issue #18, `Z` in rows written before; both
   * compare as instants, compareTimes). People read the time in the 月報 beside it and in the city's sheets.
   */
  readonly submittedAt: string;
  readonly fingerprint: string;
  readonly schemaVersion: number;
  readonly json: string;
}

export function chunk(text: string, size = CHUNK_CHARS): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length ? parts : [''];
}

/** Reads the sheet's rows back; a row whose pieces are missing is skipped here and reported by the reader. */
export function readStoredSubmissions(rows: readonly (readonly CellValue[])[]): StoredSubmission[] {
  const out: StoredSubmission[] = [];
  for (const row of rows.slice(1)) {
    const count = Number(row[6]);
    if (!cellText(row[0]) || !Number.isInteger(count) || count < 1) continue;
    out.push({
      kind: cellText(row[0]),
      period: cellText(row[1]),
      status: cellText(row[2]) === HISTORY ? HISTORY : CURRENT,
      submittedAt: cellText(row[3]),
      fingerprint: cellText(row[4]),
      schemaVersion: Number(row[5]),
      json: row
        .slice(7, 7 + count)
        .map(cellText)
        .join(''),
    });
  }
  return out;
}

export function storedSubmissionRows(list: readonly StoredSubmission[]): CellValue[][] {
  const rows = list.map((s) => {
    const parts = chunk(s.json);
    return [s.kind, s.period, s.status, s.submittedAt, s.fingerprint, s.schemaVersion, parts.length, ...parts];
  });
  return [[...SUBMISSION_HEADER], ...rows];
}

/** Adds a submission: the same (kind, period) submitted before becomes 履歴; current rows first, by period. */
export function withSubmission(list: readonly StoredSubmission[], next: Omit<StoredSubmission, 'status'>): StoredSubmission[] {
  const demoted = list.map((s): StoredSubmission => (s.kind === next.kind && s.period === next.period ? { ...s, status: HISTORY } : s));
  const all: StoredSubmission[] = [{ ...next, status: CURRENT }, ...demoted];
  const rank = (s: StoredSubmission): number => (s.status === CURRENT ? 0 : 1);
  return all.sort((a, b) => rank(a) - rank(b) || (a.period < b.period ? 1 : a.period > b.period ? -1 : 0) || compareTimes(b.submittedAt, a.submittedAt));
}

export function currentSubmission(list: readonly StoredSubmission[], kind: string, period: string): StoredSubmission | undefined {
  return list.find((s) => s.kind === kind && s.period === period && s.status === CURRENT);
}
