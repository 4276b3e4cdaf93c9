import { canonicalJson, sha256Hex } from '../domain/reports/fingerprint';
import { ISSUE_CATALOGUE } from '../domain/issues/catalogue';
import { groupIssues, inGroup, type IssueGroup } from '../domain/issues/groups';
import type { IssueCode } from '../domain/issues/issue';
import { cellText } from '../domain/values/cell';
import { loadWorkbook } from './check-job';
import { applyChanges, OPERATIONS } from './normalize-job';
import { type CellChange, normalizationPlan } from './normalize-plan';
import type { WorkbookPort } from './port';

/*
 * 「この 1,234 件を候補どおりに直す」 of the チェック結果 sidebar: every cell of one group (one kind of problem in one
 * sheet) set to its suggestion, through the path 表記を整える takes (normalizationPlan's changes, applyChanges'
 * blocks and _変更履歴), after a preview. Only a group the catalogue calls a matter of notation is fixed this way
 * (IssueGroup.bulk); a judgement stays one cell at a time.
 *
 * The page cannot carry thousands of cells back and forth, so the preview hands out the group's changes as row
 * blocks, each with a digest of its cells, befores and afters. Applying, the server works the changes out again
 * from the cells as they are and writes a block only when its digest is still the one the person previewed: a
 * block in which a cell was edited, added or moved since is left whole, never written from a stale reading, and
 * counted as such. patchCells then skips, cell by cell, formulas and cells protected from the person.
 */

/**
 * At most this many cells per call. A column's run of rows is one write, but lone cells of different values are one
 * write each: 2,000 of them at the bench's 50 ms a call take under 2 of the 6 minutes one call may run.
 */
export const FIX_CHUNK = 2000;
/** The preview lists this many changes (before → after) above the total. */
export const FIX_PREVIEW_ROWS = 10;
/** A block holds at least this many changes; more when the group is large, so that a preview stays small. */
const MIN_BLOCK = 100;
const MAX_BLOCKS = 250;

/** The group's changes in rows `first` to `last`, as previewed: `count` changes whose digest is `digest`. */
export interface FixBlock {
  readonly first: number;
  readonly last: number;
  readonly count: number;
  readonly digest: string;
}

export interface GroupFixPreview {
  readonly sheet: string;
  readonly code: IssueCode;
  readonly title: string;
  /** The cells that would change. */
  readonly total: number;
  /** Issues of the group with nothing safe to write (a formula's cell, or the value is already the suggestion). */
  readonly unchanged: number;
  /** The first FIX_PREVIEW_ROWS changes as the person reads them. */
  readonly items: readonly { readonly cell: string; readonly header: string; readonly before: string; readonly after: string }[];
  /** The blocks in calls of FIX_CHUNK cells at most: the page sends them back one call at a time. */
  readonly chunks: readonly (readonly FixBlock[])[];
}

export interface GroupFixResult {
  readonly applied: number;
  /** Left by patchCells: a formula, part of a formula's result, a protected cell, or changed at the last moment. */
  readonly skipped: number;
  /** Left because its block changed since the preview (a cell edited, added or moved). */
  readonly stale: number;
}

/** Which group: the sheet as the spreadsheet names it, and the code. */
export interface GroupRef {
  readonly sheet: string;
  readonly code: IssueCode;
}

/** Top to bottom, then left to right: the one order a block's digest is taken in, at the preview and at the write. */
function inPlaceOrder(changes: readonly CellChange[]): CellChange[] {
  return [...changes].sort((a, b) => a.row - b.row || a.column - b.column);
}

/** The digest of a block's changes: where, what was there, what would be written. */
export function blockDigest(changes: readonly CellChange[]): string {
  return sha256Hex(changes.map((c) => `${c.cell}\u0000${canonicalJson(c.before)}\u0000${canonicalJson(c.after)}`).join('\n')).slice(0, 16);
}

/**
 * The changes cut into blocks of whole rows (a row's cells are never split, so a block is its row range), in row
 * order, each of at least `size` changes but the last.
 */
export function fixBlocks(changes: readonly CellChange[], size: number = Math.max(MIN_BLOCK, Math.ceil(changes.length / MAX_BLOCKS))): FixBlock[] {
  const sorted = inPlaceOrder(changes);
  const blocks: FixBlock[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = Math.min(start + size, sorted.length);
    while (end < sorted.length && sorted[end]?.row === sorted[end - 1]?.row) end++;
    const part = sorted.slice(start, end);
    blocks.push({ first: part[0]?.row ?? 0, last: part[part.length - 1]?.row ?? 0, count: part.length, digest: blockDigest(part) });
    start = end;
  }
  return blocks;
}

/** Consecutive blocks in calls of at most `limit` cells (a block larger than that is a call of its own). */
export function fixChunks(blocks: readonly FixBlock[], limit: number = FIX_CHUNK): FixBlock[][] {
  const chunks: FixBlock[][] = [];
  let current: FixBlock[] = [];
  let cells = 0;
  for (const block of blocks) {
    if (current.length > 0 && cells + block.count > limit) {
      chunks.push(current);
      current = [];
      cells = 0;
    }
    current.push(block);
    cells += block.count;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The group as the check sees it now, and its changes: what 表記を整える would change among its cells. */
function groupNow(port: WorkbookPort, ref: GroupRef): { group: IssueGroup | undefined; changes: CellChange[] } {
  const { reading, raws } = loadWorkbook(port);
  const members = reading.issues.filter((i) => inGroup(i, ref));
  const group = groupIssues(members)[0];
  return { group, changes: group?.bulk ? normalizationPlan({ issues: members }, raws) : [] };
}

function refuseUnlessBulk(ref: GroupRef, group: IssueGroup | undefined): asserts group is IssueGroup {
  const title = ISSUE_CATALOGUE[ref.code].title;
  if (!group) throw new Error(`「${ref.sheet}」の「${title}」は、もう見つかりません。再チェックしてください。`);
  if (!group.bulk)
    throw new Error(
      `「${ref.sheet}」の「${title}」は、まとめて直せる種類ではありません（候補のない行があるか、人が決める直し方です）。1件ずつ確かめて直してください。`,
    );
}

/** Reads the workbook and says what fixing the group would write; writes nothing. */
export function previewGroupFix(port: WorkbookPort, ref: GroupRef): GroupFixPreview {
  const { group, changes } = groupNow(port, ref);
  refuseUnlessBulk(ref, group);
  return {
    sheet: ref.sheet,
    code: ref.code,
    title: group.title,
    total: changes.length,
    unchanged: group.count - changes.length,
    items: changes.slice(0, FIX_PREVIEW_ROWS).map((c) => ({ cell: c.cell, header: c.header, before: cellText(c.before), after: cellText(c.after) })),
    chunks: fixChunks(fixBlocks(changes)),
  };
}

/**
 * Writes the group's changes in the given blocks (one call's chunk), each only when it is as previewed, and
 * records them in _変更履歴 as 「チェック結果から適用」. The caller checks again afterwards, so the marks follow.
 */
export function applyGroupFix(port: WorkbookPort, ref: GroupRef, blocks: readonly FixBlock[], now: Date = new Date()): GroupFixResult {
  const { group, changes } = groupNow(port, ref);
  refuseUnlessBulk(ref, group);
  const chosen: CellChange[] = [];
  let stale = 0;
  for (const block of blocks) {
    const part = inPlaceOrder(changes.filter((c) => c.row >= block.first && c.row <= block.last));
    if (part.length === block.count && blockDigest(part) === block.digest) chosen.push(...part);
    else stale += block.count;
  }
  if (chosen.length === 0) return { applied: 0, skipped: 0, stale };
  const { applied, skipped } = applyChanges(port, chosen, OPERATIONS.suggestion, now);
  return { applied: applied.length, skipped: skipped.length, stale };
}
