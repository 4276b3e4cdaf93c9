import { checkWorkbook, loadWorkbook } from './check-job';
import { japanTimeText } from '../domain/values/times';
import {
  type CellChange,
  CHANGE_LOG_HEADER,
  CHANGE_LOG_SHEET,
  changeFor,
  changeLogRows,
  issueCell,
  normalizationPlan,
  type SheetPatch,
} from './normalize-plan';
import type { WorkbookPort } from './port';

/**
 * 「表記を整える」 and 「チェック結果から適用」 as jobs over the port: the preview, the confirmed rewrite of user
 * cells and its record in _変更履歴. The Apps Script adapter only shows them; an .xlsx port runs them the same.
 */

/** What the change log's 操作 column says of each way a user cell gets rewritten. */
export const OPERATIONS = { normalize: '表記を整える', suggestion: 'チェック結果から適用', settings: '設定を保存' } as const;

/** A dialog stays usable with this many rows; the rest appear when it is opened again. */
export const PREVIEW_LIMIT = 1000;

/** What the 表記を整える dialog shows: every change with a number the dialog sends back when ticked. */
export interface NormalizePreview {
  readonly items: readonly (CellChange & { readonly id: number })[];
  /** All the changes the check suggests; the dialog lists PREVIEW_LIMIT of them at most. */
  readonly total: number;
}

export interface NormalizeResult {
  readonly applied: number;
  readonly skipped: number;
  /** 「8件を整えました」 or 「変更はありませんでした」. */
  readonly headline: string;
  /** Where the changes were recorded, and why some cells were left as they were. */
  readonly details: string;
  /** The two together, for a place that shows one sentence. */
  readonly message: string;
}

/**
 * Writes confirmed changes (each sheet's cells in blocks), skips the cells someone changed since the
 * preview and appends what was written to _変更履歴, stamped with `now` in Japan time.
 */
export function applyChanges<C extends SheetPatch>(
  port: WorkbookPort,
  changes: readonly C[],
  operation: string,
  now: Date = new Date(),
): { applied: C[]; skipped: C[] } {
  const applied: C[] = [];
  const skipped: C[] = [];
  const sheets = [...new Set(changes.map((c) => c.sheet))];
  for (const sheet of sheets) {
    const own = changes.filter((c) => c.sheet === sheet);
    const outcome = port.patchCells(sheet, own);
    const done = new Set(outcome.applied);
    for (const change of own) (done.has(change) ? applied : skipped).push(change);
  }
  port.appendRows(CHANGE_LOG_SHEET, CHANGE_LOG_HEADER, changeLogRows(applied, japanTimeText(now), operation));
  return { applied, skipped };
}

/** Reads the workbook and lists what 表記を整える would change, numbered for the dialog; writes nothing. */
export function previewNormalization(port: WorkbookPort): NormalizePreview {
  const { reading, raws } = loadWorkbook(port);
  const changes = normalizationPlan(reading, raws);
  return { items: changes.slice(0, PREVIEW_LIMIT).map((c, id) => ({ ...c, id })), total: changes.length };
}

function normalizeResult(applied: number, skipped: number): NormalizeResult {
  const headline = applied > 0 ? `${applied}件を整えました` : '変更はありませんでした';
  const parts = applied > 0 ? [`変更したセルは「${CHANGE_LOG_SHEET}」シートに記録しました。`] : [];
  if (skipped > 0)
    parts.push(
      `${skipped}件は、そのままにしました（プレビューを開いた後にセルが変更されていたか、数式やその結果のセル、またはあなたが編集できない保護されたセルです）。もう一度「表記を整える」を開くと、今の内容で確かめられます。`,
    );
  const details = parts.join('');
  return { applied, skipped, headline, details, message: `${headline}。${details}` };
}

/** 「整える」: applies only the ticked changes, then checks again so the marks match the cells. */
export function applyNormalization(port: WorkbookPort, ticked: readonly CellChange[], now: Date = new Date()): NormalizeResult {
  const { applied, skipped } = applyChanges(port, ticked, OPERATIONS.normalize, now);
  if (applied.length > 0) checkWorkbook(port);
  return normalizeResult(applied.length, skipped.length);
}

/**
 * 「適用」 of one issue's suggestion. The check runs again first: the suggestion is applied only if it still
 * stands for that cell as it is now, so a cell edited since the person saw it is never overwritten. A refusal
 * is thrown as a Japanese sentence that says what to do.
 */
export function applyIssueSuggestion(port: WorkbookPort, sheet: string, cell: string, suggestion: string, now: Date = new Date()): void {
  const { reading, raws } = loadWorkbook(port);
  const issue = reading.issues.find((i) => i.sheet === sheet && i.cell === cell && i.suggestion === suggestion);
  if (!issue)
    throw new Error(`${sheet}!${cell} はサイドバーを開いた後に変更されたため、候補を適用しませんでした。再チェックしてから、もう一度お試しください。`);
  const change = changeFor(issue, raws.get(sheet));
  if (!change) {
    const formula = issueCell(issue, raws.get(sheet))?.formula ?? '';
    throw new Error(
      formula !== ''
        ? `${sheet}!${cell} は数式のセルなので、候補を自動では書き込みません。セルを選んで、値を入力し直してください。`
        : `${sheet}!${cell} には、すでに候補と同じ値が入っています。再チェックしてください。`,
    );
  }
  const { applied } = applyChanges(port, [change], OPERATIONS.suggestion, now);
  if (applied.length === 0)
    throw new Error(
      `${sheet}!${cell} には候補を書き込めませんでした（今まさに変更されたか、数式の結果のセル、またはあなたが編集できない保護されたセルです）。再チェックしてください。`,
    );
}
