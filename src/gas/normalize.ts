import * as z from 'zod/mini';
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
import { applyGroupFix, FIX_CHUNK, type FixBlock, type GroupFixPreview, type GroupFixResult, previewGroupFix } from '../workbook/group-fix';
import { type CheckView, GroupRefSchema, parseOpenGroup, runCheck } from './check';
import { UserFacingError } from './report';
import { htmlWithData } from './html';
import { sheetsPort } from './sheets-port';

export function normalizePreview(): NormalizePreview {
  return previewNormalization(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()));
}

export function showNormalizeDialog(preview: NormalizePreview): void {
  SpreadsheetApp.getUi().showModalDialog(htmlWithData('normalize-dialog', preview).setWidth(760).setHeight(560), '表記を整える');
}

const CellValueSchema: z.ZodMiniType<CellValue> = z.union([
  z.string().check(z.maxLength(50000)),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({
    kind: z.literal('date'),
    iso: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    time: z.optional(z.string().check(z.regex(/^\d{2}:\d{2}$/))),
  }),
]);

/** What the dialog sends back: the ticked items as it got them (their before is what the person saw). */
const TickedSchema = z
  .array(
    z.object({
      sheet: z.string().check(z.minLength(1)),
      cell: z.string().check(z.regex(/^[A-Z]+\d+$/)),
      row: z.number().check(z.int(), z.positive()),
      column: z.number().check(z.int(), z.positive()),
      header: z.string(),
      code: z.string(),
      kind: z.string(),
      before: CellValueSchema,
      after: CellValueSchema,
    }),
  )
  .check(z.maxLength(PREVIEW_LIMIT));

/** The dialog's 「整える」: what came from the browser is checked before anything is written. */
export function normalizeApply(ticked: unknown): NormalizeResult {
  const parsed = TickedSchema.safeParse(ticked);
  if (!parsed.success) throw new Error('選んだ項目を読み取れませんでした。ダイアログを閉じて、もう一度「表記を整える」を開いてください。');
  return applyNormalization(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), parsed.data as CellChange[]);
}

/** The チェック結果 sidebar's 「適用」 for one issue, then the sidebar's new view of the check (with its open group's page). */
export function applySuggestion(sheet: string, cell: string, suggestion: string, open?: unknown): CheckView {
  const request = parseOpenGroup(open);
  applyIssueSuggestion(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), sheet, cell, suggestion);
  return runCheck(request);
}

/** 「この n 件を候補どおりに直す」: what it would write, before anything is written. */
export function groupFixPreview(group: unknown): GroupFixPreview {
  const parsed = GroupRefSchema.safeParse(group);
  if (!parsed.success) throw new UserFacingError('直す問題の種類を読み取れませんでした。再チェックしてから、もう一度お試しください。');
  return previewGroupFix(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), parsed.data);
}

/** One call's blocks as the preview gave them; a call never asks for more than FIX_CHUNK cells. */
const GroupFixSchema = z
  .extend(GroupRefSchema, {
    blocks: z
      .array(
        z.object({
          first: z.number().check(z.int(), z.positive()),
          last: z.number().check(z.int(), z.positive()),
          count: z.number().check(z.int(), z.positive()),
          digest: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
        }),
      )
      .check(z.minLength(1), z.maxLength(FIX_CHUNK)),
  })
  .check(z.refine((fix) => fix.blocks.reduce((n, b) => n + b.count, 0) <= FIX_CHUNK));

/** The sidebar after one call of a group fix: what was written, and the check made after it. */
export interface GroupFixView extends GroupFixResult {
  readonly view: CheckView;
}

/**
 * The confirmed group fix, one chunk of the preview's blocks per call (the page sends the next chunk while the
 * person watches the count go down), then the new view of the check, so the chips and the marks follow each step.
 */
export function groupFixApply(fix: unknown, open?: unknown): GroupFixView {
  const request = parseOpenGroup(open);
  const parsed = GroupFixSchema.safeParse(fix);
  if (!parsed.success) throw new UserFacingError('直す内容を読み取れませんでした。再チェックしてから、もう一度プレビューしてください。');
  const { blocks, ...group } = parsed.data;
  const result = applyGroupFix(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), group, blocks as FixBlock[]);
  return { ...result, view: runCheck(request) };
}
