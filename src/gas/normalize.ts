import * as z from 'zod';
import type { CellValue } from '../domain/values/cell';
import type { CellChange } from '../workbook/normalize-plan';
import {
  applyIssueSuggestion,
  applyNormalization,
  type NormalizePreview,
  type NormalizeResult,
  PREVIEW_LIMIT,
  previewNormalization,
} from '../workbook/normalize-job';
import { type CheckView, runCheck } from './check';
import { htmlWithData } from './html';
import { sheetsPort } from './sheets-port';

export function normalizePreview(): NormalizePreview {
  return previewNormalization(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()));
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

/** The dialog's 「整える」: what came from the browser is checked before anything is written. */
export function normalizeApply(ticked: unknown): NormalizeResult {
  const parsed = TickedSchema.safeParse(ticked);
  if (!parsed.success) throw new Error('選んだ項目を読み取れませんでした。ダイアログを閉じて、もう一度「表記を整える」を開いてください。');
  return applyNormalization(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), parsed.data as CellChange[]);
}

/** The チェック結果 sidebar's 「適用」 for one issue, then the sidebar's new view of the check. */
export function applySuggestion(sheet: string, cell: string, suggestion: string): CheckView {
  applyIssueSuggestion(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), sheet, cell, suggestion);
  return runCheck();
}
