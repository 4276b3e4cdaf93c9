import { a1 } from '../values/cell';
import type { Contract } from './contracts';
import type { IsoDate } from '../values/dates';
import type { Indicator } from './indicators';
import { issueMessage } from '../issues/catalogue';
import { compareIssues, type Issue, severityOf } from '../issues/issue';
import { checkedEntry, type CrossSheetFacts, factsOf, registryEntry, type ReportRole, SHEET_REGISTRY, type SheetEntry, type SheetRecords } from './registry';
import type { Settings, SettingsReading } from './settings';
import { type ColumnSpec, type RawSheet, toTable, type Table } from './table';

/**
 * What a sheet's rules may look at beyond its own rows. The cross-sheet facts (`contracts`, `indicators`)
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
}

function sheetIssue(sheet: string, code: 'SHEET_MISSING' | 'HEADER_MISSING', message: string, row = 1): Issue {
  return { sheet, row, column: '', cell: a1(row, 1), code, severity: severityOf(code), message };
}

/** Reports columns the check needs and the sheet lacks, and known columns given twice. */
function headerIssues<K extends string>(table: Table<K>, columns: readonly ColumnSpec<K>[]): Issue[] {
  const issues: Issue[] = [];
  for (const spec of columns) {
    if (spec.required && table.columns[spec.key] === undefined) {
      issues.push({
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
  for (const dup of table.duplicates) {
    const spec = columns.find((c) => c.key === dup.key);
    const first = table.columns[dup.key] ?? 0;
    issues.push({
      sheet: table.sheet,
      row: table.headerRow,
      column: table.headers[dup.column] ?? '',
      cell: a1(table.headerRow, dup.column + 1),
      code: 'HEADER_DUPLICATE',
      severity: severityOf('HEADER_DUPLICATE'),
      message: issueMessage('HEADER_DUPLICATE', { header: spec?.header ?? dup.key, used: a1(table.headerRow, first + 1) }),
    });
  }
  return issues;
}

/** Finds the header of a sheet of the registry and maps its columns. */
export function tableOf(name: string, raw: RawSheet | undefined): Table<string> | undefined {
  const spec = registryEntry(name);
  return spec && raw ? toTable(raw, spec.columns) : undefined;
}

/**
 * A checked sheet as a table, with what is wrong with the sheet itself: missing, no header, columns missing
 * or twice. (シートを準備 places missing columns instead: placeColumns in workbook/setup-plan.)
 */
function frameTable(spec: SheetEntry, raw: RawSheet | undefined): { table: Table<string> | undefined; issues: Issue[] } {
  const name = spec.name;
  if (!raw) {
    const issues = spec.optional ? [] : [sheetIssue(name, 'SHEET_MISSING', issueMessage('SHEET_MISSING', { sheet: name }))];
    return { table: undefined, issues };
  }
  const table = toTable(raw, spec.columns);
  if (!table) {
    if (spec.optional && raw.rows.every((r) => r.values.every((v) => v === null || v === ''))) return { table: undefined, issues: [] };
    const expected = spec.columns.filter((c) => c.required).map((c) => c.header);
    return {
      table: undefined,
      issues: [sheetIssue(name, 'HEADER_MISSING', issueMessage('HEADER_MISSING', { sheet: name, expected }))],
    };
  }
  return { table, issues: headerIssues(table, spec.columns) };
}

export interface SheetCheck {
  readonly sheet: string;
  readonly table: Table<string> | undefined;
  readonly issues: Issue[];
}

/** Checks one sheet (or the rows of it that were read) on its own: what onEdit does. */
export function checkSheet(name: string, raw: RawSheet | undefined, context: CheckContext): SheetCheck {
  const spec = checkedEntry(name);
  if (!spec) return { sheet: name, table: undefined, issues: [] };
  const frame = frameTable(spec, raw);
  const issues = spec.check && frame.table ? [...frame.issues, ...spec.check.read(frame.table, context).issues] : frame.issues;
  return { sheet: name, table: frame.table, issues: issues.sort(compareIssues) };
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
export function readWorkbook(raws: ReadonlyMap<string, RawSheet | undefined>, settings: SettingsReading, today: IsoDate): WorkbookReading {
  const records: RecordsByRole = { consultations: [], contracts: [], delegations: [], evaluation: [] };
  const sheets: SheetCheck[] = [];
  let facts: CrossSheetFacts = {};
  for (const spec of SHEET_REGISTRY) {
    const raw = raws.get(spec.name);
    if (!spec.check) {
      const table = raw ? toTable(raw, spec.columns) : undefined;
      if (table) facts = { ...facts, ...factsOf(spec, table, []) };
      continue;
    }
    const frame = frameTable(spec, raw);
    const read = frame.table ? spec.check.read(frame.table, { settings: settings.settings, today, ...facts }) : { records: [], issues: [] };
    if (frame.table) facts = { ...facts, ...factsOf(spec, frame.table, read.records) };
    (records[spec.check.role] as SheetRecords[ReportRole][]).push(...read.records);
    sheets.push({ sheet: spec.name, table: frame.table, issues: [...frame.issues, ...read.issues].sort(compareIssues) });
  }
  return { settings: settings.settings, issues: [...settings.issues, ...sheets.flatMap((s) => s.issues)], sheets, ...records };
}
