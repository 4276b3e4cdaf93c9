import { columnLetters } from '../domain/values/cell';
import { type ActivityKey, INDIVIDUAL_MEETING } from '../domain/sheets/activities';
import type { ComplaintKey } from '../domain/sheets/complaints';
import { ABUSE_TOPIC, type ConsultationKey } from '../domain/sheets/consultations';
import type { ContractKey } from '../domain/sheets/contracts';
import { localSheetName, type Mapping, MAPPING_SHEET, mappedColumns, NO_MAPPING } from '../domain/sheets/mapping';
import {
  ACTIVITIES_ENTRY,
  type ColumnKind,
  COMPLAINTS_ENTRY,
  CONSULTATIONS_ENTRY,
  CONTRACTS_ENTRY,
  PREPARED_ENTRIES,
  type ReportRole,
  type SheetEntry,
} from '../domain/sheets/registry';
import type { Settings } from '../domain/sheets/settings';
import { type ColumnSpec, HEADER_ZONE_ROWS, locateHeader, type OwnWord, type RawSheet } from '../domain/sheets/table';

/**
 * 「シートを準備」 as data: what each sheet the registry marks as prepared should have (its columns, and by
 * their kind dropdowns, checkboxes, date rules and text formats; a frozen and protected header), with the
 * presentation kept here (widths, highlights), compared with what the sheet has, gives the few changes to
 * make. The adapter reads the state, asks for the plan and carries it out; a second run finds nothing to do.
 * Nothing here deletes, moves or reorders a column or a row.
 *
 * A center's 読み替え (SPEC §2.5) is read as every check reads it: the plan works on the center's own sheet and
 * finds its columns by the center's own headers, so that a mapped column is never added a second time and no
 * header of the center's is ever rewritten; the center's own words join the dropdowns.
 */

/** A data validation rule as the product sets it: always a warning, never a rejection of what was typed. */
export type ColumnRule = { readonly kind: 'list'; readonly values: readonly string[] } | { readonly kind: 'checkbox' } | { readonly kind: 'date' };

/** A number format for a column the product creates: IDs and months as typed text, dates as 2026-10-03. */
export type ColumnFormat = 'text' | 'date';

export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = { text: '@', date: 'yyyy-mm-dd' };

/**
 * The rule a column of this kind carries; a text column has none (its format keeps what is typed). A dropdown
 * lists the standard choices, then the center's own words for them (読み替え), which the check reads without a
 * warning and which Sheets must therefore not flag as invalid either.
 */
function ruleOf(kind: ColumnKind | undefined, settings: Settings, words: ReadonlyMap<string, OwnWord> | undefined): ColumnRule | undefined {
  switch (kind?.kind) {
    case 'choice':
      return { kind: 'list', values: [...new Set([...kind.values(settings), ...[...(words?.values() ?? [])].map((w) => w.local)])] };
    case 'checkbox':
      return { kind: 'checkbox' };
    case 'date':
      return { kind: 'date' };
    default:
      return undefined;
  }
}

const FORMAT_OF: Readonly<Partial<Record<ColumnKind['kind'], ColumnFormat>>> = { date: 'date', text: 'text', choices: 'text' };

/** A conditional format that shows a rule of the check while the person types, before any check runs. */
interface Highlight<K extends string> {
  readonly target: K;
  readonly needs: readonly K[];
  /** The condition for the first data row; `ref(key)` is that row's cell of a column, e.g. `$G2`. */
  readonly formula: (ref: (key: K) => string) => string;
  readonly label: string;
}

/** What is presentation only, beyond the registry: widths and highlights. */
interface SheetLook<K extends string> {
  /** Pixels, for columns that hold sentences; others keep Sheets' default. */
  readonly widths: Readonly<Partial<Record<K, number>>>;
  readonly highlights: readonly Highlight<K>[];
}

/** A prepared sheet: its registry entry and how it looks. */
export interface SheetSetup extends SheetEntry, SheetLook<string> {}

const PLAIN: SheetLook<string> = { widths: {}, highlights: [] };

function lookOf<K extends string, R extends ReportRole>(entry: SheetEntry<K, R>, look: SheetLook<K>): readonly [string, SheetLook<string>] {
  return [entry.name, look as unknown as SheetLook<string>];
}

/** By registry entry; a prepared sheet not listed here looks plain. */
const LOOKS: ReadonlyMap<string, SheetLook<string>> = new Map([
  lookOf<ConsultationKey, 'consultations'>(CONSULTATIONS_ENTRY, {
    widths: { referralReason: 240, memo: 320 },
    highlights: [
      {
        target: 'reportedOn',
        needs: ['topic', 'reportedOn'],
        formula: (ref) => `=AND(${ref('topic')}="${ABUSE_TOPIC}",${ref('reportedOn')}="")`,
        label: '相談内容が虐待で市への報告日が空の行',
      },
      {
        target: 'referralReason',
        needs: ['referredOffice', 'referralReason'],
        formula: (ref) => `=AND(${ref('referredOffice')}<>"",${ref('referralReason')}="")`,
        label: '紹介事業所があって紹介理由が空の行',
      },
    ],
  }),
  lookOf<ContractKey, 'contracts'>(CONTRACTS_ENTRY, {
    widths: { address: 240, reason: 320 },
    highlights: [
      {
        target: 'reason',
        needs: ['name', 'reason'],
        formula: (ref) => `=AND(${ref('name')}<>"",${ref('reason')}="")`,
        label: '事業所名があって選定理由が空の行',
      },
    ],
  }),
  lookOf<ActivityKey, 'activities'>(ACTIVITIES_ENTRY, {
    widths: { title: 240, professions: 240, findings: 320 },
    highlights: [
      {
        target: 'cases',
        needs: ['kind', 'cases'],
        formula: (ref) => `=AND(${ref('kind')}="${INDIVIDUAL_MEETING}",${ref('cases')}="")`,
        label: `種類が${INDIVIDUAL_MEETING}で検討事例数が空の行`,
      },
    ],
  }),
  // 苦情の対応期限 comes from 設定, which a conditional format cannot read: the check tells an open complaint.
  lookOf<ComplaintKey, 'complaints'>(COMPLAINTS_ENTRY, { widths: { response: 320, memo: 320 }, highlights: [] }),
]);

/** The sheets 「シートを準備」 makes ready, in the registry's order (設定 is planned on its own). */
export const SETUP_SHEETS: readonly SheetSetup[] = PREPARED_ENTRIES.map((entry) => ({ ...entry, ...(LOOKS.get(entry.name) ?? PLAIN) }));

/** A sheet as the adapter finds it; undefined when there is no sheet of that name. */
export interface SheetFound {
  /** The top rows (where a header may sit below title rows). */
  readonly top: RawSheet;
  /** The last column holding anything, in any row (0 for an empty sheet). */
  readonly lastColumn: number;
  readonly lastRow: number;
  readonly maxRows: number;
  readonly frozenRows: number;
}

/**
 * A column of ours that this run does not add although the sheet lacks it: 読み替え reads it under a header the
 * sheet does not have (`local`), or gives its header and synonyms to another column, so that any title it got
 * would be read as that other column.
 */
export interface Unplaced {
  readonly header: string;
  readonly local?: string;
}

interface Placed {
  readonly headerRow: number;
  /** The sheet's columns as this center names them (mappedColumns). */
  readonly columns: readonly ColumnSpec<string>[];
  readonly positions: ReadonlyMap<string, number>;
  /** The columns this run adds, titled by titleOf. */
  readonly appended: readonly ColumnSpec<string>[];
  readonly unplaced: readonly Unplaced[];
  readonly width: number;
}

/** Where the header is and where each column is or will be: the first half of the plan, before rules are read. */
export type ColumnPlacement =
  | (Placed & { readonly kind: 'create' | 'empty'; readonly headerRow: 1 })
  | (Placed & { readonly kind: 'header' })
  | { readonly kind: 'unrecognised'; readonly columns: readonly ColumnSpec<string>[] };

/**
 * The title a column is given when this run writes it: the center's header where 読み替え maps one (only that
 * header names the column then), else the standard header. Undefined when the mapping left it no name at all.
 */
export function titleOf(column: ColumnSpec<string>): string | undefined {
  return column.names === undefined ? column.header : column.names[0];
}

/**
 * Finds the header (title rows and synonyms allowed, and the center's 読み替え, as every check finds it) and
 * where each known column is or will be: missing ones go after the last column that holds anything, so that no
 * user data, not even a column without a title, ends up under one of ours. A column 読み替え maps is the
 * center's own: when its header is not found it is not added again (see Unplaced).
 */
export function placeColumns(spec: SheetSetup, found: SheetFound | undefined, mapping: Mapping = NO_MAPPING): ColumnPlacement {
  const columns = mappedColumns(mapping, spec.name, spec.columns);
  const mapped = mapping.headers.get(spec.name);
  const nameless = (c: ColumnSpec<string>): Unplaced[] => (titleOf(c) === undefined ? [{ header: c.header }] : []);
  const all = (kind: 'create' | 'empty'): ColumnPlacement => {
    const appended = columns.filter((c) => titleOf(c) !== undefined);
    return {
      kind,
      headerRow: 1,
      columns,
      positions: new Map(appended.map((c, i) => [c.key, i + 1])),
      appended,
      unplaced: columns.flatMap(nameless),
      width: appended.length,
    };
  };
  if (!found) return all('create');
  if (found.lastRow === 0) return all('empty');
  const header = locateHeader(found.top, columns);
  if (!header) return { kind: 'unrecognised', columns };
  const positions = new Map<string, number>();
  // An end of a range cell (契約期間 for 契約開始日) is there, and its column is not its own: it gets no date rule or format.
  const ranged = new Set(Object.keys(header.ranges ?? {}));
  for (const [key, index] of Object.entries(header.columns) as [string, number | undefined][]) {
    if (index !== undefined && !ranged.has(key)) positions.set(key, index + 1);
  }
  const absent = columns.filter((c) => !positions.has(c.key) && !ranged.has(c.key));
  const appended = absent.filter((c) => !mapped?.has(c.key) && titleOf(c) !== undefined);
  const unplaced = absent.flatMap((c): Unplaced[] => {
    const local = mapped?.get(c.key)?.local;
    return local === undefined ? nameless(c) : [{ header: c.header, local }];
  });
  const start = Math.max(found.lastColumn, header.headers.length);
  appended.forEach((c, i) => positions.set(c.key, start + i + 1));
  return { kind: 'header', headerRow: header.headerRow, columns, positions, appended, unplaced, width: start + appended.length };
}

/** The rules each column should carry (by 1-based column), for the adapter to compare with what is there. */
export function wantedRules(spec: SheetSetup, frame: ColumnPlacement, settings: Settings): Map<number, { rule: ColumnRule; header: string }> {
  const wanted = new Map<number, { rule: ColumnRule; header: string }>();
  if (frame.kind === 'unrecognised') return wanted;
  for (const column of frame.columns) {
    const rule = ruleOf(spec.kinds[column.key], settings, column.words);
    const position = frame.positions.get(column.key);
    if (rule && position !== undefined) wanted.set(position, { rule, header: titleOf(column) ?? column.header });
  }
  return wanted;
}

/** A rule as read back from the sheet. */
export interface RuleFound {
  readonly kind: 'list' | 'checkbox' | 'date' | 'other';
  readonly values: readonly string[];
  readonly allowInvalid: boolean;
}

export function sameRule(found: RuleFound | null | undefined, wanted: ColumnRule): boolean {
  if (!found || found.kind !== wanted.kind || !found.allowInvalid) return false;
  if (wanted.kind !== 'list') return true;
  return found.values.length === wanted.values.length && found.values.every((v, i) => v === wanted.values[i]);
}

/** What the adapter reads once it knows where the header is. */
export interface Decorations {
  /** The rule on the first and on the last row below the header, by 1-based column (absent: none). */
  readonly firstRowRules: ReadonlyMap<number, RuleFound>;
  readonly lastRowRules: ReadonlyMap<number, RuleFound>;
  /** Columns where some cell below the header has no rule at all (rows pasted from another file). */
  readonly gaps: ReadonlySet<number>;
  /** A1 of the header protection this add-on made earlier, if any. */
  readonly headerProtection: string | undefined;
  /** The formulas of this add-on's custom-formula conditional formats, as Sheets gives them back. */
  readonly highlightFormulas: readonly string[];
}

/**
 * A formula as Sheets may give it back (the reference does not promise the text it was set): spaces outside
 * quotes dropped, capitals, and ';' read as ',' (the argument separator of a locale writing decimal commas).
 * Two formulas with the same key are the same rule.
 */
export function formulaKey(formula: string): string {
  let key = '';
  let quote: string | undefined;
  for (const ch of formula) {
    if (quote !== undefined) {
      key += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      key += ch;
    } else if (!/\s/.test(ch)) {
      key += ch === ';' ? ',' : ch.toUpperCase();
    }
  }
  return key;
}

export const NO_DECORATIONS: Decorations = {
  firstRowRules: new Map(),
  lastRowRules: new Map(),
  gaps: new Set(),
  headerProtection: undefined,
  highlightFormulas: [],
};

/** Marks the header protection as ours, so a second run finds it and a person knows who set it. */
export const HEADER_PROTECTION = '包括支援シート: 見出し行（列名を変えると、チェックと集計がその列を見つけられなくなります）';

export interface SheetPlan {
  /** The sheet in the spreadsheet: the center's own name for it where 読み替え gives one. */
  readonly sheet: string;
  /** The registry's name for it. */
  readonly standard: string;
  /** create: a new sheet, or an empty one given its header; update: an existing table. */
  readonly status: 'create' | 'update' | 'unrecognised';
  /** The sheet must be inserted first. */
  readonly insert: boolean;
  readonly headerRow: number;
  /** Titles to write into the header row from column `at`: all of them for a new sheet, else those appended. */
  readonly header?: { readonly at: number; readonly titles: readonly string[] };
  /** Formats of the columns this run creates (never of a column the person already has). */
  readonly formats: readonly { readonly column: number; readonly format: ColumnFormat }[];
  readonly widths: readonly { readonly column: number; readonly width: number }[];
  readonly rules: readonly { readonly column: number; readonly header: string; readonly rule: ColumnRule }[];
  readonly freeze?: number;
  /** The header block to protect (warning only); replaces our earlier protection when that covered less. */
  readonly protect?: { readonly a1: string; readonly replace: boolean };
  readonly highlights: readonly { readonly column: number; readonly formula: string; readonly label: string }[];
  /** Columns the sheet lacks that this run does not add, to be told (they change nothing). */
  readonly unplaced: readonly Unplaced[];
  /** For a sheet whose header is not found: the first headers it should have, as this center names them. */
  readonly expected?: readonly string[];
}

/** A1 of a column block: from a row down to the last row of the sheet. */
export function columnBlock(column: number, fromRow: number, toRow: number): string {
  const letters = columnLetters(column);
  return `${letters}${fromRow}:${letters}${toRow}`;
}

export function planSheet(
  spec: SheetSetup,
  found: SheetFound | undefined,
  decorations: Decorations,
  settings: Settings,
  mapping: Mapping = NO_MAPPING,
): SheetPlan {
  const frame = placeColumns(spec, found, mapping);
  const names = { sheet: localSheetName(mapping, spec.name), standard: spec.name };
  if (frame.kind === 'unrecognised') {
    const expected = frame.columns.flatMap((c) => titleOf(c) ?? []).slice(0, 3);
    return { ...names, status: 'unrecognised', insert: false, headerRow: 0, formats: [], widths: [], rules: [], highlights: [], unplaced: [], expected };
  }
  const { headerRow, positions } = frame;
  const created = new Set(frame.appended.map((c) => c.key));
  const fresh = frame.kind !== 'header';
  const formats: { column: number; format: ColumnFormat }[] = [];
  const widths: { column: number; width: number }[] = [];
  for (const column of frame.columns) {
    const position = positions.get(column.key);
    if (position === undefined || !created.has(column.key)) continue;
    const kind = spec.kinds[column.key];
    const format = kind && FORMAT_OF[kind.kind];
    const width = spec.widths[column.key];
    if (format) formats.push({ column: position, format });
    if (width) widths.push({ column: position, width });
  }
  const rules = [...wantedRules(spec, frame, settings)]
    .filter(
      ([column, { rule }]) =>
        decorations.gaps.has(column) || !sameRule(decorations.firstRowRules.get(column), rule) || !sameRule(decorations.lastRowRules.get(column), rule),
    )
    .map(([column, { rule, header }]) => ({ column, header, rule }))
    .sort((a, b) => a.column - b.column);
  const headerA1 = `A${headerRow}:${columnLetters(frame.width)}${headerRow}`;
  const protect = decorations.headerProtection === headerA1 ? undefined : { a1: headerA1, replace: decorations.headerProtection !== undefined };
  const ref = (key: string): string => `$${columnLetters(positions.get(key) ?? 1)}${headerRow + 1}`;
  const highlightsThere = new Set(decorations.highlightFormulas.map(formulaKey));
  const highlights = spec.highlights
    .filter((h) => h.needs.every((k) => positions.has(k)))
    .map((h) => ({ column: positions.get(h.target) ?? 1, formula: h.formula(ref), label: h.label }))
    .filter((h) => !highlightsThere.has(formulaKey(h.formula)));
  const plan: SheetPlan = {
    ...names,
    status: fresh ? 'create' : 'update',
    insert: frame.kind === 'create',
    headerRow,
    formats,
    widths,
    rules,
    protect,
    highlights,
    unplaced: frame.unplaced,
  };
  const withHeader =
    frame.appended.length === 0
      ? plan
      : { ...plan, header: { at: fresh ? 1 : (positions.get(frame.appended[0]?.key ?? '') ?? 1), titles: frame.appended.map((c) => titleOf(c) ?? c.header) } };
  // A person who froze more rows (the header and a sample row) keeps them.
  return (found?.frozenRows ?? 0) >= headerRow ? withHeader : { ...withHeader, freeze: headerRow };
}

/** Nothing to do: what a second run must find. */
export function isDone(plan: SheetPlan): boolean {
  return (
    plan.status !== 'create' &&
    plan.header === undefined &&
    plan.formats.length === 0 &&
    plan.widths.length === 0 &&
    plan.rules.length === 0 &&
    plan.freeze === undefined &&
    plan.protect === undefined &&
    plan.highlights.length === 0
  );
}

const RULE_NAMES: Readonly<Record<ColumnRule['kind'], string>> = { list: 'プルダウン', checkbox: 'チェックボックス', date: '日付の入力規則' };

/** What a plan does, in Japanese, for the result dialog. */
export function describePlan(plan: SheetPlan): string[] {
  if (plan.status === 'unrecognised') {
    return [
      `上から${HEADER_ZONE_ROWS}行に見出し行が見つからないため、このシートは変更しませんでした。見出し（${(plan.expected ?? []).join(
        '・',
      )} など）を1行に並べてから、もう一度実行してください。`,
    ];
  }
  const lines: string[] = [];
  if (plan.insert) lines.push('シートを作成し、見出し行を入れました。');
  else if (plan.status === 'create') lines.push('空のシートに見出し行を入れました。');
  else if (plan.header) lines.push(`右端に列を追加しました: ${plan.header.titles.join('、')}`);
  lines.push(...plan.unplaced.map(describeUnplaced));
  for (const kind of ['list', 'checkbox', 'date'] as const) {
    const headers = plan.rules.filter((r) => r.rule.kind === kind).map((r) => r.header);
    if (headers.length > 0) lines.push(`${RULE_NAMES[kind]}を設定しました（入力は拒否せず、警告のみ）: ${headers.join('、')}`);
  }
  if (plan.freeze !== undefined) lines.push(`見出し行（${plan.freeze}行目まで）を固定しました。`);
  if (plan.protect) lines.push('見出し行を保護しました（編集すると警告が出ます）。');
  if (plan.highlights.length > 0) lines.push(`条件付き書式で色を付けます: ${plan.highlights.map((h) => h.label).join('、')}`);
  return lines;
}

function describeUnplaced(column: Unplaced): string {
  return column.local === undefined
    ? `「${column.header}」の列は追加しませんでした。「${MAPPING_SHEET}」でこの見出しが別の列の書き方になっているため、追加しても「${column.header}」として読めません。`
    : `「${column.header}」の列は追加しませんでした。「${MAPPING_SHEET}」でこの列を「${column.local}」と読むことになっていますが、見出し行に「${column.local}」がありません。見出し行の列名か「${MAPPING_SHEET}」の行を直してください。`;
}
