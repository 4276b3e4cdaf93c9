import type { Issue } from '../issues/issue';
import {
  ACTIONS,
  BUSINESS_AREAS,
  CASE_TYPES,
  type Consultation,
  CONSULTATION_COLUMNS,
  type ConsultationKey,
  CONSULTATIONS_SHEET,
  METHODS,
  PROFESSIONS,
  readConsultations,
  REQUESTERS,
} from './consultations';
import { type Contract, CONTRACT_COLUMNS, type ContractKey, CONTRACTS_SHEET, DELEGATION_KINDS, readContracts } from './contracts';
import { ACTIVITIES_SHEET, ACTIVITY_COLUMNS, ACTIVITY_KINDS, type Activity, type ActivityKey, PARTICIPANT_PROFESSIONS, readActivities } from './activities';
import { COMPLAINANTS, COMPLAINT_CATEGORIES, COMPLAINT_COLUMNS, type Complaint, type ComplaintKey, COMPLAINTS_SHEET, readComplaints } from './complaints';
import { type Delegation, DELEGATION_COLUMNS, type DelegationKey, DELEGATIONS_SHEET, readDelegations } from './delegations';
import { checkEvaluationSheet, EVALUATION_COLUMNS, EVALUATION_SHEET, type EvaluationAnswer, type EvaluationKey } from './evaluation';
import { INDICATOR_COLUMNS, INDICATOR_LIST_SHEET, type IndicatorKey, readIndicatorList } from './indicators';
import type { Settings } from './settings';
import type { ColumnSpec, Table } from './table';
import type { CheckContext } from './workbook-check';

/**
 * Every sheet of rows the product reads, once: its name, its columns (headers and synonyms), what kind of
 * value each column holds as far as 「シートを準備」 needs it, whether a center may lack it, how its rows are
 * read into records and issues, what the reports take from it, and what it gives the rules of other sheets.
 * 入力チェック (readWorkbook), onEdit, シートを準備 and `houkatsu check` all walk this list, so a new sheet
 * (活動記録, 苦情記録…) is one more entry here, and a center's 読み替え of headers is a change of an entry's
 * columns. 設定 is not an entry: it is a list of 項目 and 値, not a table of rows, and every rule depends on
 * it, so it is read before any of these (readSettings).
 */

/** The kind of value a column holds, for the dropdown, checkbox, date rule or text format シートを準備 gives it. */
export type ColumnKind =
  | { readonly kind: 'choice'; readonly values: (settings: Settings) => readonly string[] }
  /** Several choices in one cell (参加職種): no dropdown (one value a cell), kept as typed text. */
  | { readonly kind: 'choices'; readonly values: (settings: Settings) => readonly string[] }
  | { readonly kind: 'checkbox' }
  | { readonly kind: 'date' }
  /** Typed text (IDs, months): kept as written, never turned into a number or a date. */
  | { readonly kind: 'text' };

/** The records each checked sheet gives the reports, by its role: the fields of WorkbookReading of those names. */
export interface SheetRecords {
  readonly consultations: Consultation;
  readonly contracts: Contract;
  readonly delegations: Delegation;
  readonly activities: Activity;
  readonly complaints: Complaint;
  readonly evaluation: EvaluationAnswer;
}

export type ReportRole = keyof SheetRecords;

/** What one sheet's rows tell the rules of another: the optional parts of CheckContext. */
export type CrossSheetFacts = Omit<CheckContext, 'settings' | 'today'>;
export type CrossSheetFact = keyof CrossSheetFacts;

/** How a sheet's table (and, for a checked sheet, its records) gives a fact to the sheets that need it. */
export type FactProviders<K extends string, R> = {
  readonly [F in CrossSheetFact]?: (table: Table<K>, records: readonly R[]) => NonNullable<CrossSheetFacts[F]>;
};

/** How a checked sheet's rows become records (for the reports that take its role) and issues (checked, marked). */
export interface RowChecker<K extends string, R extends ReportRole> {
  readonly role: R;
  readonly read: (table: Table<K>, context: CheckContext) => { readonly records: SheetRecords[R][]; readonly issues: Issue[] };
}

export interface SheetEntry<K extends string = string, R extends ReportRole = ReportRole> {
  readonly name: string;
  readonly columns: readonly ColumnSpec<K>[];
  readonly kinds: Readonly<Partial<Record<K, ColumnKind>>>;
  /** Only a missing 相談記録 is an error: a center that delegates nothing has no 委託 sheets. */
  readonly optional: boolean;
  /**
   * Whether the 月報 uses the sheet. 事業評価 is yearly (and 評価指標 is read only to check it): 月報を作成 does not
   * read them, and their problems are not the month's (SPEC §4.1: the errors and warnings left in M's rows).
   */
  readonly monthly: boolean;
  /**
   * For a sheet the 月報 uses, the column that places a row in a month (受付日, 対象月, 実施日, 契約開始日). Without it
   * no row is any month's, and the 月報 would count 0 of them: it is not made (workbook/report-job).
   */
  readonly monthColumn?: K;
  /** 「シートを準備」 creates the sheet and its header; others come from elsewhere (事業評価 from the indicator import). */
  readonly prepared: boolean;
  /** Absent for a list read only for what it gives other sheets (評価指標): never reported, never marked. */
  readonly check?: RowChecker<K, R>;
  /** Facts this sheet's rules use when the whole workbook is read; onEdit reads one sheet and has none. */
  readonly needs: readonly CrossSheetFact[];
  readonly provides: FactProviders<K, SheetRecords[R]>;
}

/** An entry with its keys and role forgotten, as the registry holds it. */
function entry<K extends string, R extends ReportRole>(sheet: SheetEntry<K, R>): SheetEntry {
  return sheet as unknown as SheetEntry;
}

const choice = (values: readonly string[]): ColumnKind => ({ kind: 'choice', values: () => values });
const DATE: ColumnKind = { kind: 'date' };
const CHECKBOX: ColumnKind = { kind: 'checkbox' };
const TEXT: ColumnKind = { kind: 'text' };

export const CONSULTATIONS_ENTRY: SheetEntry<ConsultationKey, 'consultations'> = {
  name: CONSULTATIONS_SHEET,
  columns: CONSULTATION_COLUMNS,
  kinds: {
    receivedOn: DATE,
    personId: TEXT,
    caseType: choice(CASE_TYPES.values),
    method: choice(METHODS.values),
    requester: choice(REQUESTERS.values),
    businessArea: choice(BUSINESS_AREAS.values),
    // The city decides its own list of 相談内容 in 設定.
    topic: { kind: 'choice', values: (settings) => settings.consultationTopics },
    dementia: CHECKBOX,
    afterHours: CHECKBOX,
    profession: choice(PROFESSIONS.values),
    action: choice(ACTIONS.values),
    reportedOn: DATE,
  },
  optional: false,
  monthly: true,
  monthColumn: 'receivedOn',
  prepared: true,
  check: {
    role: 'consultations',
    read: (table, context) => {
      const reading = readConsultations(table, context.settings, context.today);
      return { records: reading.consultations, issues: reading.issues };
    },
  },
  needs: [],
  provides: {},
};

export const CONTRACTS_ENTRY: SheetEntry<ContractKey, 'contracts'> = {
  name: CONTRACTS_SHEET,
  columns: CONTRACT_COLUMNS,
  kinds: { officeNumber: TEXT, kind: choice(DELEGATION_KINDS.values), start: DATE, end: DATE, approvedOn: DATE },
  optional: true,
  monthly: true,
  monthColumn: 'start',
  prepared: true,
  check: {
    role: 'contracts',
    read: (table, context) => {
      const reading = readContracts(table, context);
      return { records: reading.contracts, issues: reading.issues };
    },
  },
  needs: [],
  provides: { contracts: (_table, contracts) => contracts },
};

export const DELEGATIONS_ENTRY: SheetEntry<DelegationKey, 'delegations'> = {
  name: DELEGATIONS_SHEET,
  columns: DELEGATION_COLUMNS,
  kinds: { month: TEXT, officeNumber: TEXT },
  optional: true,
  monthly: true,
  monthColumn: 'month',
  prepared: true,
  check: {
    role: 'delegations',
    read: (table, context) => {
      const reading = readDelegations(table, context);
      return { records: reading.delegations, issues: reading.issues };
    },
  },
  // Each office must hold a contract active in the month.
  needs: ['contracts'],
  provides: {},
};

export const ACTIVITIES_ENTRY: SheetEntry<ActivityKey, 'activities'> = {
  name: ACTIVITIES_SHEET,
  columns: ACTIVITY_COLUMNS,
  kinds: {
    heldOn: DATE,
    kind: choice(ACTIVITY_KINDS.values),
    professions: { kind: 'choices', values: () => PARTICIPANT_PROFESSIONS.values },
  },
  optional: true,
  monthly: true,
  monthColumn: 'heldOn',
  prepared: true,
  check: {
    role: 'activities',
    read: (table, context) => {
      const reading = readActivities(table, context.today);
      return { records: reading.activities, issues: reading.issues };
    },
  },
  needs: [],
  provides: { activities: (_table, activities) => activities },
};

export const COMPLAINTS_ENTRY: SheetEntry<ComplaintKey, 'complaints'> = {
  name: COMPLAINTS_SHEET,
  columns: COMPLAINT_COLUMNS,
  kinds: { receivedOn: DATE, complainant: choice(COMPLAINANTS.values), category: choice(COMPLAINT_CATEGORIES.values), closedOn: DATE, reportedOn: DATE },
  optional: true,
  monthly: true,
  monthColumn: 'receivedOn',
  prepared: true,
  check: {
    role: 'complaints',
    read: (table, context) => {
      const reading = readComplaints(table, context.settings, context.today);
      return { records: reading.complaints, issues: reading.issues };
    },
  },
  needs: [],
  provides: {},
};

/** The year's official list the city sent: read only for 事業評価, never checked itself. */
export const INDICATOR_LIST_ENTRY: SheetEntry<IndicatorKey> = {
  name: INDICATOR_LIST_SHEET,
  columns: INDICATOR_COLUMNS,
  kinds: {},
  optional: true,
  monthly: false,
  prepared: false,
  needs: [],
  provides: { indicators: (table) => (year) => readIndicatorList(table, year) },
};

export const EVALUATION_ENTRY: SheetEntry<EvaluationKey, 'evaluation'> = {
  name: EVALUATION_SHEET,
  columns: EVALUATION_COLUMNS,
  kinds: {},
  optional: true,
  monthly: false,
  prepared: false,
  check: {
    role: 'evaluation',
    read: (table, context) => {
      const reading = checkEvaluationSheet(table, context.indicators, context.activities);
      return { records: reading.answers, issues: reading.issues };
    },
  },
  // Every indicator of the year answered, and no row outside the list; no はい the year's 活動記録 shows none of.
  needs: ['indicators', 'activities'],
  provides: {},
};

/**
 * In reading order: a sheet comes after every sheet that provides what it needs (a test holds this). The
 * checked sheets' issues are listed in this order too.
 */
export const SHEET_REGISTRY: readonly SheetEntry[] = [
  entry(CONSULTATIONS_ENTRY),
  entry(CONTRACTS_ENTRY),
  entry(DELEGATIONS_ENTRY),
  entry(ACTIVITIES_ENTRY),
  entry(COMPLAINTS_ENTRY),
  entry(INDICATOR_LIST_ENTRY),
  entry(EVALUATION_ENTRY),
];

/** The entries whose rows are checked (入力チェック, onEdit, `houkatsu check`), in reading order. */
export const CHECKED_ENTRIES: readonly SheetEntry[] = SHEET_REGISTRY.filter((e) => e.check !== undefined);

/** The entries 「シートを準備」 makes ready, in the order it creates them. */
export const PREPARED_ENTRIES: readonly SheetEntry[] = SHEET_REGISTRY.filter((e) => e.prepared);

export function registryEntry(name: string): SheetEntry | undefined {
  return SHEET_REGISTRY.find((e) => e.name === name);
}

export function checkedEntry(name: string): SheetEntry | undefined {
  return CHECKED_ENTRIES.find((e) => e.name === name);
}

/** The facts an entry gives other sheets. */
export function factsProvided(sheet: SheetEntry): CrossSheetFact[] {
  return (Object.keys(sheet.provides) as CrossSheetFact[]).filter((f) => sheet.provides[f] !== undefined);
}

/** The facts an entry gives the sheets read after it, from its table and (for a checked sheet) its records. */
export function factsOf(sheet: SheetEntry, table: Table<string>, records: readonly SheetRecords[ReportRole][]): CrossSheetFacts {
  return Object.fromEntries(factsProvided(sheet).map((fact) => [fact, sheet.provides[fact]?.(table, records)])) as CrossSheetFacts;
}

/**
 * Whether a list read only for others is worth reading: some checked sheet that is there needs what it
 * gives (評価指標 is read only when there is a 事業評価 to check against it).
 */
export function isNeeded(list: SheetEntry, present: (name: string) => boolean): boolean {
  const given = factsProvided(list);
  return CHECKED_ENTRIES.some((e) => present(e.name) && e.needs.some((f) => given.includes(f)));
}
