import { mergeStored, refusalOf, targetRefusalOf } from '../domain/reports/submission-file';
import { readStoredSubmissions, type StoredSubmission, storedSubmissionRows, SUBMISSIONS_SHEET, withSubmission } from '../domain/reports/submission-store';
import type { RawSheet } from '../domain/sheets/table';
import type { WorkbookPort } from './port';
import type { SheetModel } from './sheet-model';

/**
 * A center's 提出用ファイル as both adapters open it: a spreadsheet reached through the Sheets API (the
 * center under drive.file, the city under spreadsheets) or an .xlsx file. Reading is a fixed number of calls
 * whatever the number of months in it; writing replaces the given sheets together, or not at all.
 */
export interface SubmissionFile {
  /** Where a person finds it again: the spreadsheet's URL or the file's path. */
  readonly location: string;
  /** Every sheet the file holds, so a file that is not a 提出用ファイル is refused before anything is read. */
  sheetNames(): string[];
  readSheet(name: string): RawSheet | undefined;
  /** Replaces (or adds) these sheets in one step: a failure half-way leaves the file as it was. */
  replaceSheets(models: readonly SheetModel[]): void;
}

/** A file the center's submission must not go into; its message says what is wrong and what would be right. */
export class SubmissionTargetError extends Error {}

const storedOf = (raw: RawSheet | undefined): StoredSubmission[] => readStoredSubmissions(raw?.rows.map((r) => r.values) ?? []);

function storeModel(list: readonly StoredSubmission[]): SheetModel {
  return { name: SUBMISSIONS_SHEET, blocks: [{ row: 1, column: 1, values: storedSubmissionRows(list) }], frozenRows: 1 };
}

/** A readable copy for the city: the same tables as values, without charts (they would point at nothing). */
function readableCopy(model: SheetModel): SheetModel {
  const { charts: _charts, hidden: _hidden, ...rest } = model;
  return rest;
}

export interface Payload {
  readonly submittedAt: string | null;
  readonly fingerprint: string;
  readonly schemaVersion: number;
}

/**
 * Writes one payload into the 提出用ファイル: its `_提出データ` gains the payload (an earlier one of the same
 * period becomes 履歴; rows moved in from the center's old `_提出データ` are kept), and the readable sheet is
 * replaced, both in one step.
 */
export function writeToSubmissionFile(
  file: SubmissionFile,
  entry: { readonly kind: string; readonly period: string; readonly payload: Payload },
  readable: SheetModel | undefined,
  legacy: readonly StoredSubmission[] = [],
): { resubmitted: boolean } {
  const refusal = targetRefusalOf(file.sheetNames(), `「${file.location}」`);
  if (refusal) throw new SubmissionTargetError(refusal);
  const stored = mergeStored(storedOf(file.readSheet(SUBMISSIONS_SHEET)), legacy);
  const resubmitted = stored.some((s) => s.kind === entry.kind && s.period === entry.period);
  const { payload } = entry;
  const next = withSubmission(stored, {
    kind: entry.kind,
    period: entry.period,
    // For machines: the city matches and orders submissions by it (StoredSubmission.submittedAt), so it stays the
    // payload's ISO 8601 time; people read the time in the 月報 written beside it.
    submittedAt: payload.submittedAt ?? '',
    fingerprint: payload.fingerprint,
    schemaVersion: payload.schemaVersion,
    json: JSON.stringify(payload),
  });
  file.replaceSheets([storeModel(next), ...(readable ? [readableCopy(readable)] : [])]);
  return { resubmitted };
}

/**
 * 「市へ提出」 from the center's side: the payload goes to the 提出用ファイル, never into the center's own
 * spreadsheet. A center file that still holds a `_提出データ` from before gives its rows (history included) to
 * the 提出用ファイル; only once they are written there is the old sheet removed.
 */
export function submitToFile(
  center: WorkbookPort,
  file: SubmissionFile,
  entry: { readonly kind: string; readonly period: string; readonly payload: Payload },
  readable: SheetModel | undefined,
): { resubmitted: boolean; migrated: number } {
  const oldStore = center.readSheet(SUBMISSIONS_SHEET);
  const legacy = storedOf(oldStore);
  const { resubmitted } = writeToSubmissionFile(file, entry, readable, legacy);
  if (oldStore) center.removeSheet(SUBMISSIONS_SHEET);
  return { resubmitted, migrated: legacy.length };
}

/** What reading one center's file gave the city: its payloads, or why it was not read. */
export type CenterRead = { readonly kind: 'ok'; readonly stored: readonly StoredSubmission[] } | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * The city's reading of a 提出用ファイル: the names of its sheets first; a file with any other sheet (a center
 * ledger with 相談記録) is refused and nothing of it is read. Then `_提出データ`, and only that.
 */
export function readSubmissionStore(file: Pick<SubmissionFile, 'sheetNames' | 'readSheet'>): CenterRead {
  const refusal = refusalOf(file.sheetNames());
  if (refusal) return { kind: 'unreadable', reason: refusal };
  return { kind: 'ok', stored: storedOf(file.readSheet(SUBMISSIONS_SHEET)) };
}
