import { a1 } from '../values/cell';
import { type Consultation, CONSULTATION_COLUMNS, CONSULTATIONS_SHEET, readConsultations } from './consultations';
import { type Contract, CONTRACT_COLUMNS, CONTRACTS_SHEET, readContracts } from './contracts';
import type { IsoDate } from '../values/dates';
import { type Delegation, DELEGATION_COLUMNS, DELEGATIONS_SHEET, readDelegations } from './delegations';
import {
  checkEvaluationSheet,
  EVALUATION_COLUMNS,
  EVALUATION_SHEET,
  type EvaluationAnswer,
  type Indicator,
  INDICATOR_COLUMNS,
  INDICATOR_LIST_SHEET,
  readIndicatorList,
} from './evaluation';
import { compareIssues, type Issue, severityOf } from '../issue';
import type { Settings, SettingsReading } from './settings';
import { type ColumnSpec, type RawSheet, toTable, type Table } from './table';

/**
 * What a sheet's rules may look at beyond its own rows. `contracts` holds 委託契約's contracts when the
 * whole workbook is read; onEdit reads only the edited sheet, so there it is undefined and a cross-sheet
 * rule says nothing rather than something wrong.
 */
export interface CheckContext {
  readonly settings: Settings;
  readonly today: IsoDate;
  readonly contracts?: readonly Contract[];
  /** The year's list of evaluation indicators (評価指標), when the whole workbook is read. */
  readonly indicators?: (year: string) => readonly Indicator[] | undefined;
}

/** A sheet the product checks: its name, its columns and the rules of its rows. */
interface CheckedSheet<K extends string> {
  readonly name: string;
  readonly columns: readonly ColumnSpec<K>[];
  /** A center that delegates nothing may have no 委託 sheets; only a missing 相談記録 is an error. */
  readonly optional: boolean;
  readonly check: (table: Table<K>, context: CheckContext) => Issue[];
}

function sheetOf<K extends string>(sheet: CheckedSheet<K>): CheckedSheet<string> {
  return sheet as unknown as CheckedSheet<string>;
}

export const CHECKED_SHEETS: readonly CheckedSheet<string>[] = [
  sheetOf({ name: CONSULTATIONS_SHEET, columns: CONSULTATION_COLUMNS, optional: false, check: (t, c) => readConsultations(t, c.settings, c.today).issues }),
  sheetOf({ name: CONTRACTS_SHEET, columns: CONTRACT_COLUMNS, optional: true, check: (t, c) => readContracts(t, c).issues }),
  sheetOf({ name: DELEGATIONS_SHEET, columns: DELEGATION_COLUMNS, optional: true, check: (t, c) => readDelegations(t, c).issues }),
  sheetOf({ name: EVALUATION_SHEET, columns: EVALUATION_COLUMNS, optional: true, check: (t, c) => checkEvaluationSheet(t, c.indicators).issues }),
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
        ...sheetIssue(
          table.sheet,
          'HEADER_MISSING',
          `「${table.sheet}」に「${spec.header}」${synonyms}の列がありません。見出し行に列を追加してください（「シートを準備」で追加できます）。`,
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
      message: `「${spec?.header ?? dup.key}」の列が2つあります。左の ${a1(table.headerRow, first + 1)} の列を使い、この列は確認しません。どちらかの見出しを変えてください。`,
    });
  }
  return issues;
}

/** Finds the header of a checked sheet and maps its columns. */
export function tableOf(name: string, raw: RawSheet | undefined): Table<string> | undefined {
  const spec = checkedSheet(name);
  return spec && raw ? toTable(raw, spec.columns) : undefined;
}

/** The sheet as a table, with what is wrong with the sheet itself: missing, no header, columns missing or twice. */
export function frameSheet(name: string, raw: RawSheet | undefined): { table: Table<string> | undefined; issues: Issue[] } {
  const spec = checkedSheet(name);
  if (!spec) return { table: undefined, issues: [] };
  if (!raw) {
    const issues = spec.optional
      ? []
      : [sheetIssue(name, 'SHEET_MISSING', `「${name}」シートがありません。メニュー「包括支援」›「シートを準備」で作成してください。`)];
    return { table: undefined, issues };
  }
  const table = tableOf(name, raw);
  if (!table) {
    if (spec.optional && raw.rows.every((r) => r.values.every((v) => v === null || v === ''))) return { table: undefined, issues: [] };
    const expected = spec.columns
      .filter((c) => c.required)
      .map((c) => c.header)
      .join('・');
    return {
      table: undefined,
      issues: [sheetIssue(name, 'HEADER_MISSING', `「${name}」の上から10行に見出し行が見つかりません。${expected} などの見出しを1行に並べてください。`)],
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
  const spec = checkedSheet(name);
  const frame = frameSheet(name, raw);
  const issues = spec && frame.table ? [...frame.issues, ...spec.check(frame.table, context)] : frame.issues;
  return { sheet: name, table: frame.table, issues: issues.sort(compareIssues) };
}

export interface WorkbookReading {
  readonly settings: Settings;
  /** 設定's issues first, then each checked sheet's, in the order of CHECKED_SHEETS. */
  readonly issues: Issue[];
  /** Each checked sheet's issues and table, for marking. */
  readonly sheets: readonly SheetCheck[];
  readonly consultations: Consultation[];
  readonly contracts: Contract[];
  readonly delegations: Delegation[];
  readonly evaluation: EvaluationAnswer[];
}

/**
 * Reads the whole workbook once: every row of every checked sheet into records (for the reports) and
 * issues (for the check), with the rules that span sheets. 委託契約 is read before 委託実績 needs it.
 */
export function readWorkbook(raws: ReadonlyMap<string, RawSheet | undefined>, settings: SettingsReading, today: IsoDate): WorkbookReading {
  const frames = new Map(CHECKED_SHEETS.map((spec) => [spec.name, frameSheet(spec.name, raws.get(spec.name))] as const));
  const table = <K extends string>(name: string): Table<K> | undefined => frames.get(name)?.table as Table<K> | undefined;
  const base = { settings: settings.settings, today };
  const consultationTable = table<never>(CONSULTATIONS_SHEET);
  const contractTable = table<never>(CONTRACTS_SHEET);
  const delegationTable = table<never>(DELEGATIONS_SHEET);
  const consultations = consultationTable ? readConsultations(consultationTable, base.settings, today) : { consultations: [], issues: [] };
  const contracts = contractTable ? readContracts(contractTable, base) : { contracts: [], issues: [] };
  const delegations = delegationTable
    ? readDelegations(delegationTable, { ...base, contracts: contractTable ? contracts.contracts : undefined })
    : { delegations: [], issues: [] };
  const indicatorRaw = raws.get(INDICATOR_LIST_SHEET);
  const indicatorTable = indicatorRaw ? toTable(indicatorRaw, INDICATOR_COLUMNS) : undefined;
  const evaluationTable = table<never>(EVALUATION_SHEET);
  const evaluation = evaluationTable
    ? checkEvaluationSheet(evaluationTable, indicatorTable ? (year) => readIndicatorList(indicatorTable, year) : undefined)
    : { answers: [], issues: [] };
  const rowIssues = new Map<string, Issue[]>([
    [CONSULTATIONS_SHEET, consultations.issues],
    [CONTRACTS_SHEET, contracts.issues],
    [DELEGATIONS_SHEET, delegations.issues],
    [EVALUATION_SHEET, evaluation.issues],
  ]);
  const sheets = CHECKED_SHEETS.map((spec): SheetCheck => {
    const frame = frames.get(spec.name) ?? { table: undefined, issues: [] };
    return { sheet: spec.name, table: frame.table, issues: [...frame.issues, ...(rowIssues.get(spec.name) ?? [])].sort(compareIssues) };
  });
  return {
    settings: settings.settings,
    issues: [...settings.issues, ...sheets.flatMap((s) => s.issues)],
    sheets,
    consultations: consultations.consultations,
    contracts: contracts.contracts,
    delegations: delegations.delegations,
    evaluation: evaluation.answers,
  };
}
