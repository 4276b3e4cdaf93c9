import { a1 } from './cell';
import { CONSULTATION_COLUMNS, CONSULTATIONS_SHEET, readConsultations } from './consultations';
import type { IsoDate } from './dates';
import { compareIssues, type Issue, severityOf } from './issue';
import type { Settings } from './settings';
import { type ColumnSpec, type RawSheet, toTable, type Table } from './table';

/**
 * What a sheet's rules may look at beyond its own rows. `workbook` holds the tables of the other checked
 * sheets when the whole workbook is checked; onEdit reads only the edited sheet, so there it is undefined
 * and a cross-sheet rule says nothing rather than something wrong.
 */
export interface CheckContext {
  readonly settings: Settings;
  readonly today: IsoDate;
  readonly workbook?: ReadonlyMap<string, Table<string>>;
}

/** A sheet the product checks: its name, its columns and the rules of its rows. */
interface CheckedSheet<K extends string> {
  readonly name: string;
  readonly columns: readonly ColumnSpec<K>[];
  readonly check: (table: Table<K>, context: CheckContext) => Issue[];
}

function sheetOf<K extends string>(sheet: CheckedSheet<K>): CheckedSheet<string> {
  return sheet as unknown as CheckedSheet<string>;
}

export const CHECKED_SHEETS: readonly CheckedSheet<string>[] = [
  sheetOf({ name: CONSULTATIONS_SHEET, columns: CONSULTATION_COLUMNS, check: (t, c) => readConsultations(t, c.settings, c.today).issues }),
];

export function checkedSheet(name: string): CheckedSheet<string> | undefined {
  return CHECKED_SHEETS.find((s) => s.name === name);
}

function sheetIssue(sheet: string, code: 'SHEET_MISSING' | 'HEADER_MISSING', message: string, row = 1): Issue {
  return { sheet, row, column: '', cell: a1(row, 1), code, severity: severityOf(code), message };
}

/** Reports columns the check needs and the sheet lacks, and known columns given twice. */
function headerIssues<K extends string>(table: Table<K>, columns: readonly ColumnSpec<K>[]): Issue[] {
  const issues: Issue[] = [];
  for (const spec of columns) {
    if (spec.required && table.columns[spec.key] === undefined) {
      const synonyms = spec.synonyms?.length ? `（または ${spec.synonyms.join('・')}）` : '';
      issues.push({
        ...sheetIssue(table.sheet, 'HEADER_MISSING', `「${table.sheet}」に「${spec.header}」${synonyms}の列がありません。見出し行に列を追加してください（「シートを準備」で追加できます）。`, table.headerRow),
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
      message: `「${spec?.header ?? dup.key}」の列が2つあります。左の ${a1(table.headerRow, first + 1)} の列を使い、この列は確認しません。どちらかの見出しを変えてください。`,
    });
  }
  return issues;
}

export interface SheetCheck {
  readonly sheet: string;
  readonly table: Table<string> | undefined;
  readonly issues: Issue[];
}

/** Finds the header of a checked sheet and maps its columns. */
export function tableOf(name: string, raw: RawSheet | undefined): Table<string> | undefined {
  const spec = checkedSheet(name);
  return spec && raw ? toTable(raw, spec.columns) : undefined;
}

/** Checks one sheet (or the rows of it that were read), including its header. */
export function checkSheet(
  name: string,
  raw: RawSheet | undefined,
  context: CheckContext,
  table: Table<string> | undefined = tableOf(name, raw),
): SheetCheck {
  const spec = checkedSheet(name);
  if (!spec) return { sheet: name, table: undefined, issues: [] };
  if (!raw) {
    return { sheet: name, table: undefined, issues: [sheetIssue(name, 'SHEET_MISSING', `「${name}」シートがありません。メニュー「包括支援」›「シートを準備」で作成してください。`)] };
  }
  if (!table) {
    const expected = spec.columns.filter((c) => c.required).map((c) => c.header).join('・');
    return {
      sheet: name,
      table: undefined,
      issues: [sheetIssue(name, 'HEADER_MISSING', `「${name}」の上から10行に見出し行が見つかりません。${expected} などの見出しを1行に並べてください。`)],
    };
  }
  const issues = [...headerIssues(table, spec.columns), ...spec.check(table, context)];
  return { sheet: name, table, issues: issues.sort(compareIssues) };
}
