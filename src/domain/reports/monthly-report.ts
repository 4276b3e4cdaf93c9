import { type ActivitySummary, type ComplaintSummary, isActivityOf, isComplaintOf, summarizeActivities, summarizeComplaints } from './activity-summary';
import { measureConcentration, type Concentration } from './concentration';
import { ACTIVITIES_SHEET, type Activity } from '../sheets/activities';
import { type Complaint, COMPLAINTS_SHEET } from '../sheets/complaints';
import { type ConsultationSummary, summarizeConsultations } from './consultation-summary';
import { type Consultation, CONSULTATIONS_SHEET } from '../sheets/consultations';
import { activeContracts, type Contract, CONTRACTS_SHEET, isActiveIn } from '../sheets/contracts';
import { type Delegation, DELEGATIONS_SHEET } from '../sheets/delegations';
import { registryEntry } from '../sheets/registry';
import type { Issue } from '../issues/issue';
import { monthOf, type YearMonth } from '../values/months';
import type { Settings } from '../sheets/settings';

/** One office the center delegated to in the month (SPEC §4.1 6–7), business data only. */
export interface OfficeDelegation {
  readonly officeNumber: string;
  readonly name: string;
  readonly corporation: string;
  readonly address: string;
  readonly municipality: string;
  /** 介護予防支援 + 介護予防ケアマネジメント. */
  readonly supportCases: number;
  readonly careManagementCases: number;
  readonly cases: number;
  readonly newCases: number;
  /** The start of the contract active in the month. */
  readonly contractStart: string;
}

/** A contract active in the month: the city lists its office even when no case went to it. */
export interface ActiveContract {
  readonly officeNumber: string;
  readonly name: string;
  readonly corporation: string;
  readonly address: string;
  readonly municipality: string;
  readonly start: string;
  readonly end?: string;
}

export interface ReportQuality {
  /** Issues left in the month's rows (and in the sheets' headers and 設定, which every month depends on). */
  readonly errors: number;
  readonly warnings: number;
  readonly rowsWithErrors: number;
  readonly rowsWithWarnings: number;
}

export interface MonthlyReport {
  readonly month: YearMonth;
  readonly center: { readonly name: string; readonly code: string; readonly municipality: string };
  readonly consultations: ConsultationSummary;
  /** 6. 介護予防支援・介護予防ケアマネジメント: 直営 / 委託 件数, うち新規. */
  readonly preventivePlans: {
    readonly direct: number;
    readonly delegated: number;
    readonly newCases: number;
    readonly directNewCases: number;
    readonly delegatedNewCases: number;
  };
  /** 6–7. Offices delegated to in the month, most cases first. */
  readonly delegations: readonly OfficeDelegation[];
  /** 7. Contracts that start in the month (新規委託). */
  readonly newContracts: readonly ActiveContract[];
  readonly activeContracts: readonly ActiveContract[];
  /** 7. The largest shares against the threshold. */
  readonly concentration: Concentration;
  readonly threshold: number;
  /** 9. 活動 and 苦情 of the month, counts only. */
  readonly activities: ActivitySummary;
  readonly complaints: ComplaintSummary;
  readonly quality: ReportQuality;
}

export interface ReportInput {
  readonly settings: Settings;
  readonly month: YearMonth;
  readonly consultations: readonly Consultation[];
  readonly contracts: readonly Contract[];
  readonly delegations: readonly Delegation[];
  /**
   * 活動記録 and 苦情記録 (section 9). Optional only so that a caller with neither sheet need not say so: a
   * workbook without them has nothing to count, and its section 9 shows zeros.
   */
  readonly activities?: readonly Activity[];
  readonly complaints?: readonly Complaint[];
  /** Every issue of the whole check; the report counts those that concern the month. */
  readonly issues: readonly Issue[];
}

function contractOf(c: Contract): ActiveContract {
  const base = { officeNumber: c.officeNumber, name: c.name, corporation: c.corporation, address: c.address, municipality: c.municipality, start: c.start };
  return c.end === undefined ? base : { ...base, end: c.end };
}

/**
 * Issues that concern the month: its rows, the headers and sheet-level problems, 設定 and 読み替え. A yearly
 * sheet's (事業評価) are not the month's, whatever its rows: the 月報 does not read it.
 */
function monthQuality(input: ReportInput, headerRows: ReadonlyMap<string, number>, standardOf: ReadonlyMap<string, string>): ReportQuality {
  const { month } = input;
  const rowsOf = new Map<string, Set<number>>([
    [CONSULTATIONS_SHEET, new Set(input.consultations.filter((c) => c.receivedOn !== undefined && monthOf(c.receivedOn) === month).map((c) => c.row))],
    [DELEGATIONS_SHEET, new Set(input.delegations.filter((d) => d.month === month).map((d) => d.row))],
    [CONTRACTS_SHEET, new Set(input.contracts.filter((c) => isActiveIn(c, month)).map((c) => c.row))],
    // The rows section 9 counts: as for 相談記録, a row whose date could not be read is in no month.
    [ACTIVITIES_SHEET, new Set((input.activities ?? []).filter((a) => isActivityOf(a, month)).map((a) => a.row))],
    [COMPLAINTS_SHEET, new Set((input.complaints ?? []).filter((c) => isComplaintOf(c, month)).map((c) => c.row))],
  ]);
  const errorRows = new Set<string>();
  const warningRows = new Set<string>();
  let errors = 0;
  let warnings = 0;
  for (const issue of input.issues) {
    const standard = standardOf.get(issue.sheet) ?? issue.sheet;
    if (registryEntry(standard)?.monthly === false) continue;
    const rows = rowsOf.get(standard);
    const concerns = rows === undefined || rows.has(issue.row) || issue.row <= (headerRows.get(issue.sheet) ?? 1);
    if (!concerns) continue;
    const key = `${issue.sheet}:${issue.row}`;
    if (issue.severity === 'error') {
      errors++;
      errorRows.add(key);
    } else {
      warnings++;
      warningRows.add(key);
    }
  }
  return { errors, warnings, rowsWithErrors: errorRows.size, rowsWithWarnings: warningRows.size };
}

/**
 * The month's report (SPEC §4.1), pure. `headerRows` tells which row of each sheet is its header, so that
 * issues in a header count for every month.
 */
export function buildMonthlyReport(
  input: ReportInput,
  headerRows: ReadonlyMap<string, number> = new Map(),
  standardOf: ReadonlyMap<string, string> = new Map(),
): MonthlyReport {
  const { settings, month } = input;
  const monthDelegations = input.delegations.filter((d) => d.month === month);
  const active = activeContracts(input.contracts, month);
  const contractFor = (officeNumber: string): Contract | undefined =>
    active.find((c) => c.officeNumber === officeNumber) ?? input.contracts.find((c) => c.officeNumber === officeNumber);
  const offices = monthDelegations
    .filter((d) => !d.direct && d.cases > 0)
    .map((d): OfficeDelegation => {
      const c = contractFor(d.officeNumber);
      return {
        officeNumber: d.officeNumber,
        name: c?.name ?? '',
        corporation: c?.corporation ?? '',
        address: c?.address ?? '',
        municipality: c?.municipality ?? '',
        supportCases: d.supportCases,
        careManagementCases: d.careManagementCases,
        cases: d.cases,
        newCases: d.newCases,
        contractStart: c?.start ?? '',
      };
    })
    .sort((a, b) => b.cases - a.cases || (a.officeNumber < b.officeNumber ? -1 : 1));
  const direct = monthDelegations.filter((d) => d.direct);
  const delegated = monthDelegations.filter((d) => !d.direct);
  const sum = (list: readonly Delegation[], f: (d: Delegation) => number): number => list.reduce((s, d) => s + f(d), 0);
  return {
    month,
    center: { name: settings.centerName, code: settings.centerCode, municipality: settings.municipality },
    consultations: summarizeConsultations(input.consultations, settings, month),
    preventivePlans: {
      direct: sum(direct, (d) => d.cases),
      delegated: sum(delegated, (d) => d.cases),
      newCases: sum(monthDelegations, (d) => d.newCases),
      directNewCases: sum(direct, (d) => d.newCases),
      delegatedNewCases: sum(delegated, (d) => d.newCases),
    },
    delegations: offices,
    newContracts: input.contracts.filter((c) => monthOf(c.start) === month).map(contractOf),
    activeContracts: active.map(contractOf),
    concentration: measureConcentration({
      delegations: monthDelegations,
      contracts: input.contracts,
      ownCorporation: settings.corporation,
      threshold: settings.concentrationThreshold,
    }),
    threshold: settings.concentrationThreshold,
    activities: summarizeActivities(input.activities ?? [], month),
    complaints: summarizeComplaints(input.complaints ?? [], month),
    quality: monthQuality(input, headerRows, standardOf),
  };
}
