import { a1 } from '../values/cell';
import type { Activity } from './activities';
import type { Contract } from './contracts';
import type { IsoDate } from '../values/dates';
import type { Indicator } from './indicators';
import { issueMessage } from '../issues/catalogue';
import { compareIssues, type Issue, severityOf } from '../issues/issue';
import {
  CHECKED_ENTRIES,
  checkedEntry,
  type CrossSheetFacts,
  factsOf,
  registryEntry,
  type ReportRole,
  SHEET_REGISTRY,
  type SheetEntry,
  type SheetRecords,
} from './registry';
import type { Settings, SettingsReading } from './settings';
import { type LookAlike, lookAlikes, sheetMappingRow } from './look-alike';
import { type ColumnSpec, columnTitle, monthsAcross, type RawSheet, toTable, type Table, withContinuationRows } from './table';
import {
  localSheetName,
  MAPPING_SHEET,
  mappedColumns,
  type Mapping,
  mappingNotFound,
  type MappingReading,
  NO_MAPPING,
  readMapping,
  standardSheetOf,
} from './mapping';

/**
 * What a sheet's rules may look at beyond its own rows. The cross-sheet facts (`contracts`, `indicators`, `activities`)
 * are there when the whole workbook is read, given by the registry entries that provide them; onEdit reads
 * only the edited sheet, so there they are undefined and a cross-sheet rule says nothing rather than
 * something wrong.
 */
export interface CheckContext {
  readonly settings: Settings;
  readonly today: IsoDate;
  /** 委託契約's contracts. */
  readonly contracts?: readonly Contract[];
  /** The year's list of evaluation indicators (評価指標). */
  readonly indicators?: (year: string) => readonly Indicator[] | undefined;
  /** 活動記録's activities: the evidence 事業評価's answers are held against; undefined when the center keeps no 活動記録. */
  readonly activities?: readonly Activity[];
}

function sheetIssue(sheet: string, code: 'SHEET_MISSING' | 'SHEET_UNREAD' | 'HEADER_MISSING', message: string, row = 1): Issue {
  return { sheet, row, column: '', cell: a1(row, 1), code, severity: severityOf(code), message };
}

/**
 * Reports columns the check needs and the sheet lacks, total rows among the records, and known columns given twice. A missing column offers the
 * sheet's headers that name no known column, any of which 読み替え could read as it.
 */
function headerIssues<K extends string>(standard: string, table: Table<K>, columns: readonly ColumnSpec<K>[]): Issue[] {
  const issues: Issue[] = [];
  const known = new Set<number>(Object.values(table.columns as Record<string, number>));
  const unmatched = table.headers.filter((h, i) => h !== '' && !known.has(i));
  for (const spec of columns) {
    if (spec.required && table.columns[spec.key] === undefined) {
      issues.push({
        offer: { kind: 'header', sheet: standard, standard: spec.header, candidates: unmatched },
        ...sheetIssue(
          table.sheet,
          'HEADER_MISSING',
          issueMessage('HEADER_MISSING', { sheet: table.sheet, header: spec.header, synonyms: spec.synonyms ?? [] }),
          table.headerRow,
        ),
        column: spec.header,
      });
    }
  }
  for (const total of table.totalRows ?? []) {
    issues.push(tableIssue(table, total.rowNumber, total.column, 'TOTAL_ROW', issueMessage('TOTAL_ROW', { label: total.label })));
  }
  const required = columns.filter((c) => c.required).map((c) => columnTitle(table, c));
  for (const continued of table.continuationRows ?? []) {
    const written = continued.columns.map((c) => table.headers[c] ?? '');
    const message = issueMessage('CONTINUATION_ROW', { written, required });
    issues.push(tableIssue(table, continued.rowNumber, continued.columns[0] ?? 0, 'CONTINUATION_ROW', message));
  }
  for (const dup of table.duplicates) {
    const spec = columns.find((c) => c.key === dup.key);
    const used = a1(table.headerRow, (table.columns[dup.key] ?? 0) + 1);
    issues.push(
      tableIssue(table, table.headerRow, dup.column, 'HEADER_DUPLICATE', issueMessage('HEADER_DUPLICATE', { header: spec?.header ?? dup.key, used })),
    );
  }
  return issues;
}

/** An issue on one cell of a table, named by the header above it. */
function tableIssue(
  table: Pick<Table<string>, 'sheet' | 'headers'>,
  row: number,
  column: number,
  code: 'TOTAL_ROW' | 'CONTINUATION_ROW' | 'HEADER_DUPLICATE',
  message: string,
): Issue {
  return { sheet: table.sheet, row, column: table.headers[column] ?? '', cell: a1(row, column + 1), code, severity: severityOf(code), message };
}

/** Finds the header of a sheet of the registry (by its standard name) and maps its columns as this center names them. */
export function tableOf(name: string, raw: RawSheet | undefined, mapping: Mapping = NO_MAPPING): Table<string> | undefined {
  const spec = registryEntry(name);
  return spec && raw ? toTable(raw, mappedColumns(mapping, spec.name, spec.columns)) : undefined;
}

/** What readWorkbook knows of the sheets nothing reads, for a sheet that is missing. */
interface Aside {
  /** The sheets nothing reads, in tab order: what 読み替え could name for a missing sheet. */
  readonly candidates: readonly string[];
  /** The one among them that looks like this missing sheet (look-alike.ts). */
  readonly likely?: LookAlike;
}

/**
 * A checked sheet as a table, with what is wrong with the sheet itself: missing, no header, columns missing
 * or twice. (シートを準備 places missing columns instead: placeColumns in workbook/setup-plan.) Issues name the
 * sheet by the center's name for it. A missing 相談記録 is an error that names the sheet like it, if any; a missing
 * sheet that may be absent is no issue, but a sheet like it that nothing reads is told (SHEET_UNREAD), since the
 * 月報 would count nothing from it.
 */
function frameTable(spec: SheetEntry, raw: RawSheet | undefined, mapping: Mapping, aside: Aside): { table: Table<string> | undefined; issues: Issue[] } {
  const name = localSheetName(mapping, spec.name);
  if (!raw) {
    const likely = name === spec.name ? aside.likely : undefined;
    const [only, ...more] = likely?.sheets ?? [];
    const like =
      likely && only !== undefined
        ? more.length === 0
          ? { sheet: only, headers: likely.headers, row: sheetMappingRow(only, spec.name) }
          : { sheets: likely.sheets, headers: likely.headers }
        : undefined;
    // The sheets like it first, where the sidebar offers the sheets to read as this one.
    const candidates = likely ? [...likely.sheets, ...aside.candidates.filter((c) => !likely.sheets.includes(c))] : aside.candidates;
    const offer = { kind: 'sheet', standard: spec.name, candidates } as const;
    if (!spec.optional) {
      const params = name !== spec.name ? { sheet: name, standard: spec.name } : { sheet: name, ...(like ? { likely: like } : {}) };
      return { table: undefined, issues: [{ ...sheetIssue(name, 'SHEET_MISSING', issueMessage('SHEET_MISSING', params)), offer }] };
    }
    if (!likely || !like || only === undefined) return { table: undefined, issues: [] };
    const unread: Issue = {
      ...sheetIssue(only, 'SHEET_UNREAD', issueMessage('SHEET_UNREAD', { standard: spec.name, ...like }), likely.headerRow),
      offer: { ...offer, candidates: likely.sheets },
    };
    return { table: undefined, issues: [unread] };
  }
  const columns = mappedColumns(mapping, spec.name, spec.columns);
  const found = toTable(raw, columns);
  const table = found && withContinuationRows(found, columns);
  if (!table) {
    if (spec.optional && raw.rows.every((r) => r.values.every((v) => v === null || v === ''))) return { table: undefined, issues: [] };
    const expected = spec.columns.filter((c) => c.required).map((c) => c.header);
    const across = monthsAcross(raw);
    return {
      table: undefined,
      issues: [sheetIssue(name, 'HEADER_MISSING', issueMessage('HEADER_MISSING', { sheet: name, expected, ...(across ? { across } : {}) }), across?.row)],
    };
  }
  return { table, issues: headerIssues(spec.name, table, columns) };
}

export interface SheetCheck {
  /** The sheet's name in the spreadsheet (the center's own, where 読み替え gives one). */
  readonly sheet: string;
  /** The standard sheet it is read as (読み替え itself for the mapping's own issues). */
  readonly standard: string;
  readonly table: Table<string> | undefined;
  readonly issues: Issue[];
}

/**
 * Checks one sheet of the spreadsheet (or the rows of it that were read) on its own: what onEdit does. `name` is
 * the sheet's own name; 読み替え tells which standard sheet it is read as. No issues for a sheet the product does
 * not check (isCheckedSheet).
 */
export function checkSheet(name: string, raw: RawSheet | undefined, context: CheckContext, mapping: MappingReading = NO_MAPPING_READING): SheetCheck {
  if (name === MAPPING_SHEET) {
    const own = raw === mapping.raw ? mapping : readMapping(raw, context.settings);
    return { sheet: name, standard: MAPPING_SHEET, table: own.table, issues: own.issues };
  }
  const standard = standardSheetOf(mapping.mapping, name);
  const spec = standard === undefined ? undefined : checkedEntry(standard);
  if (!spec) return { sheet: name, standard: standard ?? name, table: undefined, issues: [] };
  const frame = frameTable(spec, raw, mapping.mapping, { candidates: [] });
  const issues = spec.check && frame.table ? [...frame.issues, ...spec.check.read(frame.table, context).issues] : frame.issues;
  return { sheet: name, standard: spec.name, table: frame.table, issues: issues.sort(compareIssues) };
}

const NO_MAPPING_READING: MappingReading = { mapping: NO_MAPPING, issues: [], table: undefined };

/** Whether a sheet of the spreadsheet, by its own name, is one the product checks (on edit): 読み替え or a mapped checked sheet. */
export function isCheckedSheet(name: string, mapping: Mapping): boolean {
  if (name === MAPPING_SHEET) return true;
  const standard = standardSheetOf(mapping, name);
  return standard !== undefined && checkedEntry(standard) !== undefined;
}

type RecordsByRole = { -readonly [R in ReportRole]: SheetRecords[R][] };

export interface WorkbookReading extends Readonly<RecordsByRole> {
  readonly settings: Settings;
  /** 設定's issues first, then each checked sheet's, in the order of the registry. */
  readonly issues: Issue[];
  /** Each checked sheet's issues and table, for marking. */
  readonly sheets: readonly SheetCheck[];
}

/**
 * Reads the whole workbook once: every row of every checked sheet into records (for the reports) and
 * issues (for the check), walking the registry in its order so that a sheet (委託契約, 評価指標) gives the
 * rules that span sheets (委託実績, 事業評価) what they need before they run.
 */
/** The checked sheets looked for and not there: a sheet a job did not look for at all is no key of `raws`. */
export function missingSheets(raws: ReadonlyMap<string, RawSheet | undefined>, mapping: Mapping): SheetEntry[] {
  return CHECKED_ENTRIES.filter((e) => {
    const local = localSheetName(mapping, e.name);
    return raws.has(local) && raws.get(local) === undefined;
  });
}

export function readWorkbook(
  raws: ReadonlyMap<string, RawSheet | undefined>,
  settings: SettingsReading,
  today: IsoDate,
  mapping: MappingReading = NO_MAPPING_READING,
  others: readonly RawSheet[] = [],
): WorkbookReading {
  const records: RecordsByRole = { consultations: [], contracts: [], delegations: [], activities: [], complaints: [], evaluation: [] };
  const sheets: SheetCheck[] = [];
  const tables = new Map<string, Table<string> | undefined>();
  let facts: CrossSheetFacts = {};
  const missing = missingSheets(raws, mapping.mapping);
  const alike = lookAlikes(
    missing,
    others,
    mapping.mapping,
    CHECKED_ENTRIES.filter((e) => !missing.includes(e)),
  );
  const candidates = others.map((o) => o.name);
  for (const spec of SHEET_REGISTRY) {
    const name = localSheetName(mapping.mapping, spec.name);
    const raw = raws.get(name);
    if (!spec.check) {
      const table = raw ? toTable(raw, mappedColumns(mapping.mapping, spec.name, spec.columns)) : undefined;
      tables.set(spec.name, table);
      if (table) facts = { ...facts, ...factsOf(spec, table, []) };
      continue;
    }
    const frame = frameTable(spec, raw, mapping.mapping, { candidates, likely: alike.find((a) => a.standard === spec.name) });
    tables.set(spec.name, frame.table);
    const read = frame.table ? spec.check.read(frame.table, { settings: settings.settings, today, ...facts }) : { records: [], issues: [] };
    if (frame.table) facts = { ...facts, ...factsOf(spec, frame.table, read.records) };
    (records[spec.check.role] as SheetRecords[ReportRole][]).push(...read.records);
    sheets.push({ sheet: name, standard: spec.name, table: frame.table, issues: [...frame.issues, ...read.issues].sort(compareIssues) });
  }
  if (mapping.table || mapping.issues.length > 0) {
    // 読み替え first: what it cannot map explains the issues of the sheets it maps.
    const present = (local: string): boolean => raws.get(local) !== undefined;
    const notFound = mappingNotFound(mapping.mapping, mapping.table?.sheet ?? MAPPING_SHEET, present, tables);
    sheets.unshift({ sheet: MAPPING_SHEET, standard: MAPPING_SHEET, table: mapping.table, issues: [...mapping.issues, ...notFound].sort(compareIssues) });
  }
  return { settings: settings.settings, issues: [...settings.issues, ...sheets.flatMap((s) => s.issues)], sheets, ...records };
}
