import { z } from 'zod';
import type { CellValue } from '../domain/values/cell';
import { checkWorkbook, loadWorkbook } from '../workbook/check-job';
import { JAPAN_TIME_ZONE, sheetDateOf } from '../workbook/cell-values';
import {
  type CellChange,
  CHANGE_LOG_HEADER,
  CHANGE_LOG_SHEET,
  changeFor,
  changeLogRows,
  issueCell,
  normalizationPlan,
  type SheetPatch,
} from '../workbook/normalize-plan';
import type { WorkbookPort } from '../workbook/port';
import { type CheckView, runCheck } from './check';
import { htmlWithData } from './html';
import { sheetsPort } from './sheets-port';

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

/** A dialog stays usable with this many rows; the rest appear when it is opened again. */
const PREVIEW_LIMIT = 1000;

export const OPERATIONS = { normalize: '表記を整える', suggestion: 'チェック結果から適用', settings: '設定を保存' } as const;

/** Japan time as the change log shows it: 2026-10-05 14:03. */
export function stampNow(now: Date = new Date()): string {
  const at = sheetDateOf(now, JAPAN_TIME_ZONE);
  return at ? `${at.iso} ${at.time ?? '00:00'}` : now.toISOString();
}

/**
 * Writes confirmed changes (each sheet's cells in blocks), skips the cells someone changed since the
 * preview and appends what was written to _変更履歴.
 */
export function applyChanges<C extends SheetPatch>(port: WorkbookPort, changes: readonly C[], operation: string): { applied: C[]; skipped: C[] } {
  const applied: C[] = [];
  const skipped: C[] = [];
  const sheets = [...new Set(changes.map((c) => c.sheet))];
  for (const sheet of sheets) {
    const own = changes.filter((c) => c.sheet === sheet);
    const outcome = port.patchCells(sheet, own);
    const done = new Set(outcome.applied);
    for (const change of own) (done.has(change) ? applied : skipped).push(change);
  }
  port.appendRows(CHANGE_LOG_SHEET, CHANGE_LOG_HEADER, changeLogRows(applied, stampNow(), operation));
  return { applied, skipped };
}

export function normalizePreview(): NormalizePreview {
  const { reading, raws } = loadWorkbook(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()));
  const changes = normalizationPlan(reading, raws);
  return { items: changes.slice(0, PREVIEW_LIMIT).map((c, id) => ({ ...c, id })), total: changes.length };
}

export function showNormalizeDialog(preview: NormalizePreview): void {
  SpreadsheetApp.getUi().showModalDialog(htmlWithData('normalize-dialog', preview).setWidth(760).setHeight(560), '表記を整える');
}

const CellValueSchema: z.ZodType<CellValue> = z.union([
  z.string().max(50000),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({
    kind: z.literal('date'),
    iso: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    time: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .optional(),
  }),
]);

/** What the dialog sends back: the ticked items as it got them (their before is what the person saw). */
const TickedSchema = z
  .array(
    z.object({
      sheet: z.string().min(1),
      cell: z.string().regex(/^[A-Z]+\d+$/),
      row: z.number().int().positive(),
      column: z.number().int().positive(),
      header: z.string(),
      code: z.string(),
      kind: z.string(),
      before: CellValueSchema,
      after: CellValueSchema,
    }),
  )
  .max(PREVIEW_LIMIT);

function result(applied: number, skipped: number): NormalizeResult {
  const headline = applied > 0 ? `${applied}件を整えました` : '変更はありませんでした';
  const parts = applied > 0 ? [`変更したセルは「${CHANGE_LOG_SHEET}」シートに記録しました。`] : [];
  if (skipped > 0)
    parts.push(
      `${skipped}件は、プレビューを開いた後にセルが変更されていたため、そのままにしました。もう一度「表記を整える」を開くと、今の内容で確かめられます。`,
    );
  const details = parts.join('');
  return { applied, skipped, headline, details, message: `${headline}。${details}` };
}

/** The dialog's 「整える」: applies only the ticked items, then checks again so the marks match the cells. */
export function normalizeApply(ticked: unknown): NormalizeResult {
  const parsed = TickedSchema.safeParse(ticked);
  if (!parsed.success) throw new Error('選んだ項目を読み取れませんでした。ダイアログを閉じて、もう一度「表記を整える」を開いてください。');
  const port = sheetsPort(SpreadsheetApp.getActiveSpreadsheet());
  const { applied, skipped } = applyChanges(port, parsed.data as CellChange[], OPERATIONS.normalize);
  if (applied.length > 0) checkWorkbook(port);
  return result(applied.length, skipped.length);
}

/**
 * The チェック結果 sidebar's 「適用」 for one issue. The check runs again first: the suggestion is applied only
 * if it still stands for that cell as it is now, so a cell edited since the sidebar opened is never overwritten.
 */
export function applySuggestion(sheet: string, cell: string, suggestion: string): CheckView {
  const port = sheetsPort(SpreadsheetApp.getActiveSpreadsheet());
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
  const { applied } = applyChanges(port, [change], OPERATIONS.suggestion);
  if (applied.length === 0) throw new Error(`${sheet}!${cell} は今まさに変更されたため、候補を適用しませんでした。再チェックしてください。`);
  return runCheck();
}
