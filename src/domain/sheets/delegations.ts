import * as z from 'zod/mini';
import { isBlankCell } from '../values/cell';
import { choiceList, matchChoice } from '../values/choices';
import { type Contract, CONTRACTS_SHEET, contractPeriod, isActiveIn } from './contracts';
import { readCountField, readMonthField, readTextField, type RowReader, rowReader, shown } from '../values/fields';
import type { Issue } from '../issues/issue';
import { formatMonthJa, type YearMonth } from '../values/months';
import { checkOfficeNumberCell, reportOfficeNumber } from '../values/office-number';
import type { ColumnSpec, Table } from './table';
import type { CheckContext } from './workbook-check';

export const DELEGATIONS_SHEET = '委託実績';

export type DelegationKey = 'month' | 'officeNumber' | 'supportCases' | 'careManagementCases' | 'newCases';

/** The columns of 委託実績 in the order 「シートを準備」 creates them (SPEC §2.3). */
export const DELEGATION_COLUMNS: readonly ColumnSpec<DelegationKey>[] = [
  { key: 'month', header: '対象月', synonyms: ['年月', '実績月', '月', '提供月', 'サービス提供月'], required: true },
  { key: 'officeNumber', header: '事業所番号', synonyms: ['介護保険事業所番号', '事業者番号', '事業所コード'], required: true },
  { key: 'supportCases', header: '介護予防支援件数', synonyms: ['介護予防支援', '予防支援件数'], required: true },
  { key: 'careManagementCases', header: '介護予防ケアマネジメント件数', synonyms: ['介護予防ケアマネジメント', 'ケアマネジメント件数'], required: true },
  { key: 'newCases', header: 'うち新規', synonyms: ['うち新規件数', '新規件数', '新規'] },
];

/** 事業所番号 of the plans the center writes itself. */
export const DIRECT = '直営';

const DIRECT_CHOICE = choiceList([DIRECT], { [DIRECT]: ['直営分', 'センター直営', '包括直営', 'センター作成', '自センター'] });

/**
 * One month's delegated plans to one office, or the center's own (`直営`). A row becomes a delegation when its
 * 対象月 and 事業所番号 can be read; a count that is blank or unreadable is 0 (and reported when unreadable).
 */
export const DelegationSchema = z.object({
  row: z.number().check(z.int(), z.positive()),
  month: z.string(),
  officeNumber: z.string().check(z.minLength(1)),
  direct: z.boolean(),
  /** 介護予防支援件数. */
  supportCases: z.number().check(z.int(), z.gte(0)),
  /** 介護予防ケアマネジメント件数. */
  careManagementCases: z.number().check(z.int(), z.gte(0)),
  /** The two counts together. */
  cases: z.number().check(z.int(), z.gte(0)),
  /** うち新規. */
  newCases: z.number().check(z.int(), z.gte(0)),
});

export type Delegation = z.infer<typeof DelegationSchema>;

export interface DelegationReading {
  readonly delegations: Delegation[];
  readonly issues: Issue[];
}

const COUNT_HINT = '件数（なければ 0）';

/** Contracts by office, when the whole workbook is read (undefined in onEdit, where the rule says nothing). */
function contractsByOffice(contracts: readonly Contract[] | undefined): Map<string, Contract[]> | undefined {
  if (!contracts) return undefined;
  const byOffice = new Map<string, Contract[]>();
  for (const contract of contracts) {
    const list = byOffice.get(contract.officeNumber);
    if (list) list.push(contract);
    else byOffice.set(contract.officeNumber, [contract]);
  }
  return byOffice;
}

/** The office of a row; `checkable` when the number is well formed, so the contract rule does not pile onto a broken one. */
function readOffice(r: RowReader<DelegationKey>): { officeNumber: string; direct: boolean; checkable: boolean } | undefined {
  const text = readTextField(r, 'officeNumber', { required: true, hint: `介護保険の事業所番号（10文字）か「${DIRECT}」`, maxLength: 100, halfWidth: true });
  if (text === undefined) return undefined;
  const direct = matchChoice(text, DIRECT_CHOICE);
  if (direct.kind === 'variant') {
    r.report('officeNumber', 'CHOICE_VARIANT', { title: r.title('officeNumber'), shown: shown(text), value: DIRECT }, DIRECT);
  }
  if (direct.kind !== 'unknown') return { officeNumber: DIRECT, direct: true, checkable: false };
  const checkable = checkOfficeNumberCell(r, 'officeNumber', text).kind === 'valid';
  return { officeNumber: reportOfficeNumber(r, 'officeNumber', text), direct: false, checkable };
}

function checkContract(
  r: RowReader<DelegationKey>,
  officeNumber: string,
  month: YearMonth,
  contracts: ReadonlyMap<string, Contract[]>,
  active: Map<string, boolean>,
): void {
  const own = contracts.get(officeNumber) ?? [];
  // Many rows share an office and a month: answer each pair once, not once per row (a year of a large
  // center is thousands of rows against the same few contracts).
  const key = `${officeNumber}\u0000${month}`;
  let isActive = active.get(key);
  if (isActive === undefined) active.set(key, (isActive = own.some((c) => isActiveIn(c, month))));
  if (isActive) return;
  const name = own.find((c) => c.name !== '')?.name;
  r.report('officeNumber', 'DELEGATION_NO_CONTRACT', {
    officeNumber,
    when: formatMonthJa(month),
    contractsSheet: CONTRACTS_SHEET,
    ...(name ? { name } : {}),
    // Name a few periods: an office with hundreds of contract rows must not make a message of them all.
    periods: own.slice(0, 3).map(contractPeriod),
    total: own.length,
  });
}

/**
 * Reads and checks every row of 委託実績 (SPEC §2.3). The office must hold a contract active in the month;
 * that rule needs 委託契約 and runs only when `context.contracts` holds its contracts.
 */
export function readDelegations(table: Table<DelegationKey>, context: Pick<CheckContext, 'settings' | 'contracts'>): DelegationReading {
  const issues: Issue[] = [];
  const delegations: Delegation[] = [];
  const contracts = contractsByOffice(context.contracts);
  const activeByOfficeMonth = new Map<string, boolean>();
  const firstRowOf = new Map<string, number>();
  for (const row of table.rows) {
    const r = rowReader(table, DELEGATION_COLUMNS, row, issues);
    const month = readMonthField(r, 'month', { required: true, hint: '年月（例: 2026-10）' });
    const office = readOffice(r);
    const support = readCountField(r, 'supportCases', { required: false, hint: COUNT_HINT });
    const careManagement = readCountField(r, 'careManagementCases', { required: false, hint: COUNT_HINT });
    const newCases = readCountField(r, 'newCases', { required: false, hint: COUNT_HINT });
    const countKeys = ['supportCases', 'careManagementCases'] as const;
    if (countKeys.every((k) => r.has(k) && isBlankCell(r.raw(k)))) {
      r.report('supportCases', 'REQUIRED', { group: '件数', titles: countKeys.map((k) => r.title(k)), hint: COUNT_HINT });
    }
    const cases = (support ?? 0) + (careManagement ?? 0);
    if (newCases !== undefined && newCases > cases) {
      r.report('newCases', 'DELEGATION_NEW_EXCEEDS', { title: r.title('newCases'), newCases, cases });
    }
    if (month === undefined || office === undefined) continue;
    const key = `${month}\u0000${office.officeNumber}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      const name = office.direct ? undefined : contracts?.get(office.officeNumber)?.find((c) => c.name !== '')?.name;
      r.report('officeNumber', 'DELEGATION_DUPLICATE', {
        when: formatMonthJa(month),
        officeNumber: office.officeNumber,
        direct: office.direct,
        firstRow: first,
        ...(name ? { name } : {}),
      });
    } else {
      firstRowOf.set(key, row.rowNumber);
    }
    if (contracts && office.checkable) checkContract(r, office.officeNumber, month, contracts, activeByOfficeMonth);
    delegations.push({
      row: row.rowNumber,
      month,
      officeNumber: office.officeNumber,
      direct: office.direct,
      supportCases: support ?? 0,
      careManagementCases: careManagement ?? 0,
      cases,
      newCases: newCases ?? 0,
    } satisfies Delegation);
  }
  return { delegations, issues };
}
