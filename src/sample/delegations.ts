import type { CellValue } from '../domain/values/cell';
import { isActiveIn } from '../domain/sheets/contracts';
import { DELEGATION_COLUMNS, type DelegationKey, DELEGATIONS_SHEET, DIRECT } from '../domain/sheets/delegations';
import type { IssueCode } from '../domain/issues/issue';
import { addMonths, formatWarekiMonth, type YearMonth } from '../domain/values/months';
import type { ContractRole, SampleContract } from './contracts';
import type { Random } from './random';
import { layOut, type PlantedMess, type PlantedSheet } from './sheet';
import { headerOf, shortWarekiMonth, toFullWidth } from './typing';

/** One row of 委託実績: the center's own plans (`直営`) or those delegated to one office in one month. */
export interface SampleDelegation {
  readonly month: YearMonth;
  /** 事業所番号, or 直営. */
  readonly officeNumber: string;
  readonly name: string;
  readonly supportCases: number;
  readonly careManagementCases: number;
  readonly newCases: number;
}

/** When an office holds several contracts with the center (a renewal), the one that says most about the year. */
const ROLE_ORDER: readonly ContractRole[] = ['handout', 'idle', 'ended', 'new', 'renewed'];

/**
 * 委託実績 of one center for `months` (the last one is the handout's): each month a 直営 row, then a row for
 * each office with cases. An office has cases only in months where one of its contracts is active; in the
 * last month exactly the offices of the handout's 〇 (role `handout`) have at least one; an `idle` office's
 * cases stop a few months before the end, a `new` one has none yet.
 */
export function sampleDelegations(opts: {
  readonly contracts: readonly SampleContract[];
  readonly months: readonly YearMonth[];
  readonly random: Random;
}): SampleDelegation[] {
  const { random: rnd, months } = opts;
  const last = months[months.length - 1];
  const offices = new Map<string, SampleContract[]>();
  for (const c of opts.contracts) {
    const list = offices.get(c.office.officeNumber);
    if (list) list.push(c);
    else offices.set(c.office.officeNumber, [c]);
  }
  const plans = [...offices.values()].map((contracts) => {
    const role = ROLE_ORDER.find((r) => contracts.some((c) => c.role === r)) ?? 'renewed';
    const current = contracts.find((c) => c.role === role) ?? (contracts[0] as SampleContract);
    return {
      contracts,
      role,
      office: current.office,
      kind: current.kind,
      // Plans per month at this office: a few.
      level: rnd.int(1, 5),
      idleFrom: last === undefined ? '' : addMonths(last, -rnd.int(2, 5)),
    };
  });
  const count = (mean: number): number => Math.max(0, mean + rnd.int(-1, 1));
  const rows: SampleDelegation[] = [];
  for (const month of months) {
    const support = rnd.int(35, 70);
    const careManagement = rnd.int(25, 55);
    rows.push({ month, officeNumber: DIRECT, name: '', supportCases: support, careManagementCases: careManagement, newCases: rnd.int(2, 9) });
    for (const plan of plans) {
      if (!plan.contracts.some((c) => isActiveIn(c, month))) continue;
      if (plan.role === 'new' || plan.role === 'renewed') continue;
      if (month === last && plan.role !== 'handout') continue;
      if (plan.role === 'idle' && month >= plan.idleFrom) continue;
      const half = plan.level / 2;
      let supportCases = plan.kind === '介護予防ケアマネジメント' ? 0 : count(Math.ceil(plan.kind === '両方' ? half : plan.level));
      let careManagementCases = plan.kind === '介護予防支援' ? 0 : count(Math.floor(plan.kind === '両方' ? half : plan.level));
      if (supportCases + careManagementCases === 0) {
        // The handout's 〇 is at least one case; in other months an office may have none and no row.
        if (month !== last) continue;
        if (plan.kind === '介護予防ケアマネジメント') careManagementCases = 1;
        else supportCases = 1;
      }
      const total = supportCases + careManagementCases;
      rows.push({
        month,
        officeNumber: plan.office.officeNumber,
        name: plan.office.name,
        supportCases,
        careManagementCases,
        newCases: rnd.chance(0.25) ? rnd.int(1, Math.min(2, total)) : 0,
      });
    }
  }
  return rows;
}

/** The mess of 委託実績 a center may have typed. */
export type DelegationMess = 'warekiMonth' | 'shortWarekiMonth' | 'countWithUnit' | 'directVariant';

const NAME_COLUMN = '事業所名（メモ）';

/**
 * The 委託実績 sheet: header on the first row with a column of the center's own (the office's name beside its
 * number, which nobody remembers), a blank row between months. Then the planted mess, each with its code.
 */
export function delegationSheet(rows: readonly SampleDelegation[], opts: { readonly random: Random; readonly mess: readonly DelegationMess[] }): PlantedSheet {
  const { random: rnd } = opts;
  const keys = DELEGATION_COLUMNS.map((c) => c.key);
  const header = [
    headerOf(DELEGATION_COLUMNS, 'month'),
    headerOf(DELEGATION_COLUMNS, 'officeNumber'),
    NAME_COLUMN,
    ...keys.slice(2).map((k) => headerOf(DELEGATION_COLUMNS, k)),
  ];
  const columnOf = (key: DelegationKey): number => header.indexOf(headerOf(DELEGATION_COLUMNS, key));
  const laid = layOut({
    title: [],
    header,
    records: rows.map((r) => [r.month, r.officeNumber, r.name, r.supportCases, r.careManagementCases, r.newCases]),
    blankAfter: (i) => rows[i + 1]?.month !== rows[i]?.month,
  });

  const planted: PlantedMess[] = [];
  const used = new Set<number>();
  const plant = (index: number, key: DelegationKey, value: CellValue, code: IssueCode): void => {
    const rowNumber = laid.rowNumbers[index] ?? 0;
    const row = laid.rows[rowNumber - 1];
    if (!row) throw new Error(`cannot plant ${code}`);
    row[columnOf(key)] = value;
    used.add(index);
    planted.push({ sheet: DELEGATIONS_SHEET, row: rowNumber, header: headerOf(DELEGATION_COLUMNS, key), code });
  };
  const pick = (ok: (r: SampleDelegation) => boolean): number => rnd.pick(rows.map((r, i) => i).filter((i) => !used.has(i) && ok(rows[i] as SampleDelegation)));
  const last = rows[rows.length - 1]?.month ?? '';
  // A month of the autumn, typed the way the forms of the city name it.
  const autumn = addMonths(last, -3);
  for (const kind of opts.mess) {
    if (kind === 'warekiMonth')
      plant(
        pick((r) => r.month === autumn),
        'month',
        formatWarekiMonth(autumn),
        'MONTH_NOTATION',
      );
    if (kind === 'shortWarekiMonth')
      plant(
        pick((r) => r.month === autumn),
        'month',
        shortWarekiMonth(autumn),
        'MONTH_NOTATION',
      );
    if (kind === 'countWithUnit') {
      const i = pick((r) => r.officeNumber !== DIRECT && r.supportCases > 0);
      plant(i, 'supportCases', `${toFullWidth(String(rows[i]?.supportCases ?? 0))}件`, 'COUNT_NOTATION');
    }
    if (kind === 'directVariant')
      plant(
        pick((r) => r.officeNumber === DIRECT),
        'officeNumber',
        'センター直営',
        'CHOICE_VARIANT',
      );
  }
  return { sheet: { name: DELEGATIONS_SHEET, rows: laid.rows, widths: [10, 14, 36, 18, 26, 10] }, planted };
}
