import { issueMessage } from '../issues/catalogue';
import { compareIssues, type Issue, severityOf } from '../issues/issue';
import { a1 } from '../values/cell';
import { choiceList, oneOf } from '../values/choices';
import { readChoiceField, readTextField, type RowReader, rowReader } from '../values/fields';
import { foldKey } from '../values/text';
import { type ColumnKind, SHEET_REGISTRY, type SheetEntry } from './registry';
import type { Settings } from './settings';
import { cellAddress, type ColumnSpec, namesOf, type OwnWord, type RawSheet, type Table, toTable } from './table';

/**
 * 読み替え (SPEC §2.5): a center's own words for the standard ones, one mapping a row, so that the add-on reads the
 * ledger the center already keeps instead of asking it to rename its sheets, columns and words:
 * - `シート | | 相談台帳 | 相談記録`: the sheet 相談台帳 is read as 相談記録;
 * - `見出し | 相談記録 | 来談日 | 受付日`: that sheet's column 来談日 is read as 受付日. The mapping wins over the
 *   built-in synonyms both ways: 受付日's own header and synonyms no longer name it, and 来談日 names nothing else;
 * - `値 | 相談方法 | 来談 | 来所`: in the choice column 相談方法 (of whichever sheet has it), 来談 is read as 来所,
 *   without a warning.
 * The mapping changes how sheets are found and framed (table.ts: ColumnSpec.names and .words), never a cell of
 * the center's sheets. A row that cannot be used is reported on 読み替え itself, and left out.
 */
export const MAPPING_SHEET = '読み替え';

export type MappingKey = 'kind' | 'target' | 'local' | 'standard';

export const MAPPING_COLUMNS: readonly ColumnSpec<MappingKey>[] = [
  { key: 'kind', header: '種類', required: true },
  // Blank for a シート row.
  { key: 'target', header: '対象' },
  { key: 'local', header: 'この表での書き方', synonyms: ['センターでの書き方', 'この表の書き方', '書き方'], required: true },
  { key: 'standard', header: '標準', synonyms: ['標準の書き方', '読み替え先'], required: true },
];

export const MAPPING_HEADER: readonly string[] = MAPPING_COLUMNS.map((c) => c.header);

export type MappingKind = 'sheet' | 'header' | 'value';

const KIND_WORDS = { シート: 'sheet', 見出し: 'header', 値: 'value' } as const satisfies Record<string, MappingKind>;

export const MAPPING_KINDS = choiceList(Object.keys(KIND_WORDS), {
  シート: ['シート名', '表', '表の名前'],
  見出し: ['列', '列名', '見出し名', '項目', '項目名'],
  値: ['選択肢', '言葉', '値の書き方'],
});

/** The word that names a kind in the 種類 column. */
export function kindWord(kind: MappingKind): string {
  return (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]).find((w) => KIND_WORDS[w] === kind) ?? kind;
}

/** Where a usable mapping came from: its row of 読み替え, for what is checked against the sheets themselves. */
interface Origin {
  readonly row: number;
  /** The cell of この表での書き方. */
  readonly cell: string;
  readonly column: string;
}

export interface Mapping {
  /** A standard sheet's name in this center, where it has another (standard → the center's). */
  readonly sheets: ReadonlyMap<string, { readonly local: string; readonly origin: Origin }>;
  /** Per standard sheet, per column key: the center's header for it. */
  readonly headers: ReadonlyMap<string, ReadonlyMap<string, { readonly local: string; readonly origin: Origin }>>;
  /** Per standard sheet, per column key: the center's words, by foldKey, and the standard choice each is. */
  readonly words: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, OwnWord>>>;
}

export const NO_MAPPING: Mapping = { sheets: new Map(), headers: new Map(), words: new Map() };

export interface MappingReading {
  /** The sheet as read (a whole read, or onEdit's partial one). */
  readonly raw?: RawSheet;
  readonly mapping: Mapping;
  /** What cannot be used, on 読み替え's own rows (and a missing header), in row order. */
  readonly issues: Issue[];
  readonly table: Table<MappingKey> | undefined;
}

/** The sheets a center may rename: every sheet of the registry (設定 and 読み替え itself keep their names). */
const MAPPABLE: readonly SheetEntry[] = SHEET_REGISTRY;

function entryByName(name: string): SheetEntry | undefined {
  const key = foldKey(name);
  return MAPPABLE.find((e) => foldKey(e.name) === key);
}

/** The choice columns of an entry (one choice a cell or several), with the values each offers in this center. */
function choiceColumns(entry: SheetEntry): { spec: ColumnSpec; kind: Extract<ColumnKind, { kind: 'choice' | 'choices' }> }[] {
  return entry.columns.flatMap((spec) => {
    const kind = entry.kinds[spec.key];
    return kind?.kind === 'choice' || kind?.kind === 'choices' ? [{ spec, kind }] : [];
  });
}

/** Everything readMapping accumulates while it walks the rows, in the order the rows come. */
class MappingBuilder {
  readonly sheets = new Map<string, { local: string; origin: Origin }>();
  /** The center's sheet names already used, by foldKey, with the row that used them. */
  readonly localSheets = new Map<string, number>();
  readonly headers = new Map<string, Map<string, { local: string; origin: Origin }>>();
  /** Per standard sheet, the center's headers already used, by foldKey, with their row. */
  readonly localHeaders = new Map<string, Map<string, number>>();
  readonly words = new Map<string, Map<string, Map<string, OwnWord>>>();
  /** Per standard sheet and column, the words already used, by foldKey, with their row. */
  readonly wordRows = new Map<string, number>();

  /** The standard sheet a target names: its standard name, or the center's name for it mapped above. */
  sheetOf(target: string): SheetEntry | undefined {
    const direct = entryByName(target);
    if (direct) return direct;
    const key = foldKey(target);
    for (const [standard, { local }] of this.sheets) if (foldKey(local) === key) return entryByName(standard);
    return undefined;
  }

  build(): Mapping {
    return { sheets: this.sheets, headers: this.headers, words: this.words };
  }
}

const TEXT = { required: true, maxLength: 200 } as const;

/**
 * Reads 読み替え: the usable mappings and, for each row that cannot be used, an issue on that row that says what
 * is wrong and what would be right. シート rows are read first, then 見出し rows, so a 見出し row may name the sheet
 * by the center's name for it (`見出し | 相談台帳 | 来談日 | 受付日`) and a 値 row its column by the center's header.
 */
export function readMapping(raw: RawSheet | undefined, settings: Settings): MappingReading {
  if (!raw) return { mapping: NO_MAPPING, issues: [], table: undefined };
  const read = mappingOf(raw, settings);
  return { raw, ...read };
}

function mappingOf(raw: RawSheet, settings: Settings): Omit<MappingReading, 'raw'> {
  const table = toTable(raw, MAPPING_COLUMNS);
  if (!table) {
    if (raw.rows.every((r) => r.values.every((v) => v === null || v === ''))) return { mapping: NO_MAPPING, issues: [], table: undefined };
    const issue: Issue = {
      sheet: raw.name,
      row: 1,
      column: '',
      cell: 'A1',
      code: 'HEADER_MISSING',
      severity: severityOf('HEADER_MISSING'),
      message: issueMessage('HEADER_MISSING', { sheet: raw.name, expected: MAPPING_HEADER }),
    };
    return { mapping: NO_MAPPING, issues: [issue], table: undefined };
  }
  const issues: Issue[] = [];
  for (const spec of MAPPING_COLUMNS) {
    if (spec.required && table.columns[spec.key] === undefined) {
      issues.push({
        sheet: table.sheet,
        row: table.headerRow,
        column: spec.header,
        cell: a1(table.headerRow, 1),
        code: 'HEADER_MISSING',
        severity: severityOf('HEADER_MISSING'),
        message: issueMessage('HEADER_MISSING', { sheet: table.sheet, header: spec.header, synonyms: spec.synonyms ?? [] }),
      });
    }
  }
  if (issues.length > 0) return { mapping: NO_MAPPING, issues, table };

  const rows = table.rows.map((row) => {
    const r = rowReader(table, MAPPING_COLUMNS, row, issues);
    const kindText = readChoiceField(r, 'kind', MAPPING_KINDS, { required: true, hint: oneOf(MAPPING_KINDS.values) });
    const kind = kindText === undefined ? undefined : KIND_WORDS[kindText as keyof typeof KIND_WORDS];
    return { r, kind };
  });
  const builder = new MappingBuilder();
  // シート first, then 見出し, then 値, whatever their order in the sheet: a 見出し row may name its sheet by the
  // center's name for it, and a 値 row its column by the center's header.
  for (const { r, kind } of rows) if (kind === 'sheet') readSheetRow(r, builder);
  for (const { r, kind } of rows) if (kind === 'header') readHeaderRow(r, builder);
  for (const { r, kind } of rows) if (kind === 'value') readValueRow(r, builder, settings);
  return { mapping: builder.build(), issues: issues.sort(compareIssues), table };
}

function originOf(r: RowReader<MappingKey>): Origin {
  const column = r.index('local') ?? 0;
  return { row: r.row.rowNumber, cell: cellAddress(r.row.rowNumber, column), column: r.title('local') };
}

function reportTwice(r: RowReader<MappingKey>, key: MappingKey, what: string, firstRow: number): void {
  r.report(key, 'MAPPING_TWICE', { what, firstRow });
}

/** `シート | | 相談台帳 | 相談記録`. */
function readSheetRow(r: RowReader<MappingKey>, b: MappingBuilder): void {
  const local = readTextField(r, 'local', { ...TEXT, hint: 'このスプレッドシートでのシート名' });
  const standard = readTextField(r, 'standard', { ...TEXT, hint: '標準のシート名（例: 相談記録）' });
  if (local === undefined || standard === undefined) return;
  const entry = entryByName(standard);
  if (!entry) {
    r.report('standard', 'MAPPING_SHEET_UNKNOWN', { title: r.title('standard'), shown: standard, sheets: MAPPABLE.map((e) => e.name) });
    return;
  }
  const earlier = b.sheets.get(entry.name);
  if (earlier) return reportTwice(r, 'standard', `「${entry.name}」シート`, earlier.origin.row);
  const usedBy = b.localSheets.get(foldKey(local));
  if (usedBy !== undefined) return reportTwice(r, 'local', `「${local}」シート`, usedBy);
  b.localSheets.set(foldKey(local), r.row.rowNumber);
  b.sheets.set(entry.name, { local, origin: originOf(r) });
}

/** `見出し | 相談記録 | 来談日 | 受付日`. */
function readHeaderRow(r: RowReader<MappingKey>, b: MappingBuilder): void {
  const target = readTextField(r, 'target', { ...TEXT, hint: '見出しのあるシート（例: 相談記録）' });
  const local = readTextField(r, 'local', { ...TEXT, hint: 'この表での見出し' });
  const standard = readTextField(r, 'standard', { ...TEXT, hint: '標準の見出し（例: 受付日）' });
  if (target === undefined || local === undefined || standard === undefined) return;
  const entry = b.sheetOf(target);
  if (!entry) {
    r.report('target', 'MAPPING_SHEET_UNKNOWN', { title: r.title('target'), shown: target, sheets: MAPPABLE.map((e) => e.name) });
    return;
  }
  const key = foldKey(standard);
  const spec = entry.columns.find((c) => [c.header, ...(c.synonyms ?? [])].some((n) => foldKey(n) === key));
  if (!spec) {
    r.report('standard', 'MAPPING_HEADER_UNKNOWN', { sheet: entry.name, shown: standard, headers: entry.columns.map((c) => c.header) });
    return;
  }
  const byKey = b.headers.get(entry.name) ?? new Map<string, { local: string; origin: Origin }>();
  const locals = b.localHeaders.get(entry.name) ?? new Map<string, number>();
  const earlier = byKey.get(spec.key);
  if (earlier) return reportTwice(r, 'standard', `「${entry.name}」の「${spec.header}」`, earlier.origin.row);
  const usedBy = locals.get(foldKey(local));
  if (usedBy !== undefined) return reportTwice(r, 'local', `「${entry.name}」の見出し「${local}」`, usedBy);
  locals.set(foldKey(local), r.row.rowNumber);
  byKey.set(spec.key, { local, origin: originOf(r) });
  b.headers.set(entry.name, byKey);
  b.localHeaders.set(entry.name, locals);
}

/** `値 | 相談方法 | 来談 | 来所`: every choice column named so (by its header, a synonym or its mapped header). */
function readValueRow(r: RowReader<MappingKey>, b: MappingBuilder, settings: Settings): void {
  const target = readTextField(r, 'target', { ...TEXT, hint: '選択肢の列の見出し（例: 相談方法）' });
  const local = readTextField(r, 'local', { ...TEXT, hint: 'この表での言葉' });
  const standard = readTextField(r, 'standard', { ...TEXT, hint: '標準の選択肢（例: 来所）' });
  if (target === undefined || local === undefined || standard === undefined) return;
  const key = foldKey(target);
  const columns = MAPPABLE.flatMap((entry) =>
    choiceColumns(entry)
      .filter(({ spec }) => {
        const byKey = b.headers.get(entry.name);
        const mapped = byKey?.get(spec.key)?.local;
        // A header a 見出し row gave another column of the sheet names that column only (区分 for 業務区分).
        const takenByOthers = new Set([...(byKey ?? [])].filter(([k]) => k !== spec.key).map(([, h]) => foldKey(h.local)));
        const names = [...namesOf(spec).filter((n) => !takenByOthers.has(foldKey(n))), ...(mapped === undefined ? [] : [mapped])];
        return names.some((n) => foldKey(n) === key);
      })
      .map((c) => ({ entry, ...c })),
  );
  if (columns.length === 0) {
    const all = [...new Set(MAPPABLE.flatMap((e) => choiceColumns(e).map((c) => c.spec.header)))];
    r.report('target', 'MAPPING_COLUMN_UNKNOWN', { title: r.title('target'), shown: target, columns: all });
    return;
  }
  const wordKey = foldKey(local);
  for (const { entry, spec, kind } of columns) {
    const values = kind.values(settings);
    const chosen = values.find((v) => foldKey(v) === foldKey(standard));
    if (chosen === undefined) return r.report('standard', 'MAPPING_CHOICE_UNKNOWN', { column: spec.header, shown: standard, choices: values });
    if (values.some((v) => foldKey(v) === wordKey)) return r.report('local', 'MAPPING_CHOICE_ITSELF', { column: spec.header, shown: local });
    const at = `${entry.name}\u0000${spec.key}\u0000${wordKey}`;
    const usedBy = b.wordRows.get(at);
    if (usedBy !== undefined) return reportTwice(r, 'local', `「${spec.header}」の「${local}」`, usedBy);
  }
  for (const { entry, spec, kind } of columns) {
    const chosen = kind.values(settings).find((v) => foldKey(v) === foldKey(standard)) as string;
    b.wordRows.set(`${entry.name}\u0000${spec.key}\u0000${wordKey}`, r.row.rowNumber);
    const bySheet = b.words.get(entry.name) ?? new Map<string, Map<string, OwnWord>>();
    const byWord = bySheet.get(spec.key) ?? new Map<string, OwnWord>();
    byWord.set(wordKey, { local: local.trim(), standard: chosen });
    bySheet.set(spec.key, byWord);
    b.words.set(entry.name, bySheet);
  }
}

// Applying ---------------------------------------------------------------------------------------------

/** The name of the sheet read as a standard one in this center. */
export function localSheetName(mapping: Mapping, standard: string): string {
  return mapping.sheets.get(standard)?.local ?? standard;
}

/**
 * Which standard sheet a sheet of the spreadsheet is read as: the one mapped to it, or the one of its name when
 * that one is not mapped elsewhere. Undefined for any other sheet (設定, a center's own notes…).
 */
export function standardSheetOf(mapping: Mapping, name: string): string | undefined {
  for (const [standard, { local }] of mapping.sheets) if (local === name) return standard;
  const entry = MAPPABLE.find((e) => e.name === name);
  return entry && !mapping.sheets.has(entry.name) ? entry.name : undefined;
}

/**
 * A sheet's columns as this center names them: a mapped column is named by the center's header only; the
 * center's mapped headers name nothing else; the center's words join the columns they are for.
 */
export function mappedColumns<K extends string>(mapping: Mapping, sheet: string, columns: readonly ColumnSpec<K>[]): readonly ColumnSpec<K>[] {
  const headers = mapping.headers.get(sheet);
  const words = mapping.words.get(sheet);
  if (!headers && !words) return columns;
  const taken = new Set([...(headers?.values() ?? [])].map((h) => foldKey(h.local)));
  return columns.map((spec) => {
    const mapped = headers?.get(spec.key);
    const names = mapped ? [mapped.local] : namesOf(spec).filter((n) => !taken.has(foldKey(n)));
    const own = words?.get(spec.key);
    return { ...spec, names, ...(own ? { words: own } : {}) };
  });
}

/**
 * What 読み替え names that the spreadsheet does not have: a mapped sheet that is not there, a mapped header that
 * is not on its sheet's header row. Warnings on 読み替え's rows (the sheet itself reports what it then lacks).
 */
export function mappingNotFound(
  mapping: Mapping,
  mappingSheet: string,
  present: (sheet: string) => boolean,
  tables: ReadonlyMap<string, Table<string> | undefined>,
): Issue[] {
  const issues: Issue[] = [];
  const notFound = (origin: Origin, what: string, found: readonly string[]): void => {
    issues.push({
      sheet: mappingSheet,
      row: origin.row,
      column: origin.column,
      cell: origin.cell,
      code: 'MAPPING_NOT_FOUND',
      severity: severityOf('MAPPING_NOT_FOUND'),
      message: issueMessage('MAPPING_NOT_FOUND', { what, found }),
    });
  };
  for (const { local, origin } of mapping.sheets.values()) if (!present(local)) notFound(origin, `「${local}」シート`, []);
  for (const [standard, byKey] of mapping.headers) {
    const table = tables.get(standard);
    if (!table) continue;
    const present = new Set(table.headers.map(foldKey));
    const known = new Set(Object.values(table.columns as Record<string, number>));
    for (const { local, origin } of byKey.values()) {
      if (present.has(foldKey(local))) continue;
      const unmatched = table.headers.filter((h, i) => h !== '' && !known.has(i));
      notFound(origin, `「${table.sheet}」の見出し行（${table.headerRow} 行目）に「${local}」`, unmatched.slice(0, 12));
    }
  }
  return issues.sort(compareIssues);
}
