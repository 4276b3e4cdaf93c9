import { kindWord, mappedColumns, type Mapping, MAPPING_HEADER } from './mapping';
import type { SheetEntry } from './registry';
import { locateHeader, type RawSheet } from './table';
import { namedAlike } from '../values/text';

/**
 * A center that keeps its ledger under its own name (相談受付簿, 委託状況…) and has not told 読み替え yet gets, on its
 * first check, "「相談記録」シートがありません" — or, for a sheet that may be absent (委託契約), nothing at all, and a 月報
 * that silently counts no contracts. The sheets nothing reads are looked through instead: one whose header row names
 * enough of a missing sheet's columns (by their headers and synonyms, as the check itself finds them) is named, with
 * the 読み替え row that would have it read.
 */

/** The sheets nothing reads yet whose header looks like that of a standard sheet that is missing. */
export interface LookAlike {
  readonly standard: string;
  /**
   * The sheet like it; several, in tab order, when as many fit exactly as well: a ledger kept a sheet a month (4月,
   * 5月…), or copied. 読み替え reads one sheet as a standard one, so those are named together, not one guessed.
   */
  readonly sheets: readonly string[];
  /** The header row of the first of them. */
  readonly headerRow: number;
  /** The first one's own headers the standard sheet's columns were recognised in, left to right. */
  readonly headers: readonly string[];
}

/**
 * How many of a standard sheet's required columns a header row must name to be taken for it: three (or all, for a
 * sheet that requires fewer). Columns any ledger has (a date, 対応, 備考) are not enough: a 事業所名 and a 備考 make no
 * 委託契約, and 受付日, 対応 and 備考 no 苦情記録.
 */
const ENOUGH_REQUIRED = 3;

interface Likeness {
  readonly sheet: string;
  readonly standard: string;
  readonly headerRow: number;
  readonly headers: readonly string[];
  /** Recognised columns, and their share of the standard sheet's columns: the better fit wins a tie. */
  readonly score: number;
  readonly share: number;
}

function likeness(entry: SheetEntry, sheet: RawSheet, mapping: Mapping): Likeness | undefined {
  const located = locateHeader(sheet, mappedColumns(mapping, entry.name, entry.columns));
  const found = (located?.columns ?? {}) as Record<string, number>;
  const required = entry.columns.filter((c) => c.required);
  const named = namedAlike(sheet.name, entry.name);
  if (!named && required.filter((c) => found[c.key] !== undefined).length < Math.min(ENOUGH_REQUIRED, required.length)) return undefined;
  // In the header's order, left to right: locateHeader names the columns as it meets them.
  const columns = Object.values(found);
  // A sheet named as the standard one is that sheet, whatever its header says: it ranks above any fit by header alone.
  const byName = named ? entry.columns.length + 1 : 0;
  return {
    sheet: sheet.name,
    standard: entry.name,
    headerRow: located?.headerRow ?? 1,
    headers: columns.map((c) => located?.headers[c] ?? ''),
    score: columns.length + byName,
    share: columns.length / entry.columns.length,
  };
}

/**
 * Pairs missing standard sheets with the sheets that look like them, best fits first, each sheet and each standard
 * at most once. Sheets that fit one standard exactly as well are named together (LookAlike.sheets). A sheet that
 * fits two standards exactly as well is named for neither: a guess there would send a person to the wrong sheet.
 */
export function lookAlikes(missing: readonly SheetEntry[], others: readonly RawSheet[], mapping: Mapping, present: readonly SheetEntry[] = []): LookAlike[] {
  const better = (a: Likeness, b: Likeness): number => b.score - a.score || b.share - a.share;
  // A sheet that fits a sheet the center has (last year's 相談記録 beside this year's) at least as well is not offered
  // for a missing one it resembles less.
  const ownedElsewhere = (sheet: RawSheet, fit: Likeness): boolean =>
    present.some((entry) => {
      const there = likeness(entry, sheet, mapping);
      return there !== undefined && better(there, fit) <= 0;
    });
  const pairs = missing.flatMap((entry) =>
    others.flatMap((sheet) => {
      const fit = likeness(entry, sheet, mapping);
      return fit && !ownedElsewhere(sheet, fit) ? [fit] : [];
    }),
  );
  // Stable: pairs that fit alike keep the tab order.
  pairs.sort(better);
  const found: LookAlike[] = [];
  const takenSheets = new Set<string>();
  const takenStandards = new Set<string>();
  for (const pair of pairs) {
    if (takenSheets.has(pair.sheet) || takenStandards.has(pair.standard)) continue;
    const alike = pairs.filter((p) => better(p, pair) === 0 && !takenSheets.has(p.sheet));
    const sheets = alike.filter((p) => p.standard === pair.standard).map((p) => p.sheet);
    const torn = alike.some((p) => p.standard !== pair.standard && sheets.includes(p.sheet));
    for (const sheet of sheets) takenSheets.add(sheet);
    takenStandards.add(pair.standard);
    if (!torn) found.push({ standard: pair.standard, sheets, headerRow: pair.headerRow, headers: pair.headers });
  }
  return found;
}

/** The 読み替え row that reads a sheet as a standard one, as a person would type it: 種類「シート」・この表での書き方「…」・標準「…」. */
export function sheetMappingRow(local: string, standard: string): string {
  const [kind, , ownWord, standardWord] = MAPPING_HEADER;
  return `${kind ?? ''}「${kindWord('sheet')}」・${ownWord ?? ''}「${local}」・${standardWord ?? ''}「${standard}」`;
}
