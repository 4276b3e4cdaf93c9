import type { Issue } from '../domain/issues/issue';
import type { CellRect } from '../domain/sheets/table';
import { rectOfA1 } from './a1';
import type { CellStyles } from './port';

/**
 * Marks are how a check shows itself in the sheet: a background and a note on each bad cell. They must
 * never cost the user a colour or a note of their own, and they must travel with the cell when rows are
 * inserted, deleted or sorted. So a mark describes itself instead of living in a ledger keyed by address:
 * - the background is one of our own two colours, and is only ever set on a cell that had no colour;
 *   a cell the user coloured keeps its colour and gets the note alone;
 * - the note starts with MARK_PREFIX; a note the user had is kept below NOTE_SEPARATOR and given back
 *   when the mark is cleared.
 */
export const MARK_COLORS = { error: '#f9d6d5', warning: '#fcefc7' } as const;
export const MARK_PREFIX = '【包括支援チェック】';
export const NOTE_SEPARATOR = '\n―――― 元のメモ ――――\n';

const OUR_COLORS = new Set<string>(Object.values(MARK_COLORS));

function isOurColor(color: string | null | undefined): boolean {
  return !!color && OUR_COLORS.has(color.toLowerCase());
}

function isDefaultColor(color: string | null | undefined): boolean {
  return !color || color.toLowerCase() === '#ffffff' || color.toLowerCase() === 'white';
}

/** The part of a note that the user wrote. */
export function userNote(note: string): string {
  if (!note.startsWith(MARK_PREFIX)) return note;
  const at = note.indexOf(NOTE_SEPARATOR);
  return at < 0 ? '' : note.slice(at + NOTE_SEPARATOR.length);
}

export function isMarkNote(note: string): boolean {
  return note.startsWith(MARK_PREFIX);
}

function markNote(issues: readonly Issue[], previous: string): string {
  const lines = issues.map((i) => `${i.severity === 'error' ? '✖' : '△'} ${i.message}${i.suggestion !== undefined ? `\n\u3000→ 候補: ${i.suggestion}` : ''}`);
  const own = userNote(previous);
  return `${MARK_PREFIX}\n${lines.join('\n')}${own ? NOTE_SEPARATOR + own : ''}`;
}

/**
 * The styles a block should have after a check of its rows: bad cells marked, marks that no longer apply
 * cleared, everything the user set left as it was. Returns undefined when nothing changes, so an adapter
 * can skip the write.
 */
export function restyle(rect: CellRect, current: CellStyles, issues: readonly Issue[]): CellStyles | undefined {
  // A number per cell (Sheets has at most 18,278 columns): the loop below looks up every cell of the block.
  const cellKey = (row: number, column: number): number => row * 32768 + column;
  const byCell = new Map<number, Issue[]>();
  for (const issue of issues) {
    const key = cellKey(issue.row, rectOfA1(issue.cell)?.column ?? 0);
    const list = byCell.get(key);
    if (list) list.push(issue);
    else byCell.set(key, [issue]);
  }
  let changed = false;
  const backgrounds = current.backgrounds.map((row) => row.slice());
  const notes = current.notes.map((row) => row.slice());
  for (let r = 0; r < rect.numRows; r++) {
    const bgRow = backgrounds[r];
    const noteRow = notes[r];
    if (!bgRow || !noteRow) continue;
    for (let c = 0; c < rect.numColumns; c++) {
      const found = byCell.get(cellKey(rect.row + r, rect.column + c));
      const bg = bgRow[c] ?? null;
      const note = noteRow[c] ?? '';
      let nextBg = bg;
      let nextNote = note;
      if (found) {
        const color = found.some((i) => i.severity === 'error') ? MARK_COLORS.error : MARK_COLORS.warning;
        if (isDefaultColor(bg) || isOurColor(bg)) nextBg = color;
        nextNote = markNote(found, note);
      } else {
        if (isOurColor(bg)) nextBg = null;
        if (isMarkNote(note)) nextNote = userNote(note);
      }
      if (nextBg !== bg) {
        bgRow[c] = nextBg;
        changed = true;
      }
      if (nextNote !== note) {
        noteRow[c] = nextNote;
        changed = true;
      }
    }
  }
  return changed ? { backgrounds, notes } : undefined;
}

/**
 * What a restyle changes, cell by cell over `rect`: the new background (null: none) or note, undefined where the
 * cell keeps what it has. An adapter writes these cells only: a cell whose mark stays is never touched (it may
 * be protected, or someone may be editing it).
 */
export interface StyleChanges {
  readonly rect: CellRect;
  readonly backgrounds: (string | null | undefined)[][];
  readonly notes: (string | undefined)[][];
}

export function styleChanges(rect: CellRect, before: CellStyles, after: CellStyles): StyleChanges {
  const backgrounds = after.backgrounds.map((row, r) =>
    row.map((bg, c) => {
      const was = before.backgrounds[r]?.[c] ?? null;
      return (bg ?? null) === was || (isDefaultColor(bg) && isDefaultColor(was)) ? undefined : (bg ?? null);
    }),
  );
  const notes = after.notes.map((row, r) => row.map((note, c) => (note === (before.notes[r]?.[c] ?? '') ? undefined : note)));
  return { rect, backgrounds, notes };
}
