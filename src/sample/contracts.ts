import type { CellValue } from '../domain/values/cell';
import { CONTRACT_COLUMNS, type ContractKey, CONTRACTS_SHEET } from '../domain/sheets/contracts';
import { addDays, type IsoDate } from '../domain/values/dates';
import type { IssueCode } from '../domain/issues/issue';
import { addMonths, firstDay, formatWarekiMonth, lastDay, monthOf, type YearMonth } from '../domain/values/months';
import { handoutAssignment, type HonjoCenterName, IDLE_OFFICE_HOLDER, MOVED_OFFICE_OLD_ADDRESS_CENTERS, newContractHolder } from './handout-plan';
import { HONJO_NEW_CONTRACTS, HONJO_OFFICES, HONJO_PLACE, type HonjoOffice } from './honjo';
import type { Random } from './random';
import { layOut, type PlantedMess, type PlantedSheet } from './sheet';
import { headerOf, toFullWidth } from './typing';

export type DelegationKind = '介護予防支援' | '介護予防ケアマネジメント' | '両方';

/** What a contract is for in the sample year; it decides in which months the center delegates cases under it. */
export type ContractRole =
  /** A 〇 of 資料3: cases through the year, at least one in the last month. */
  | 'handout'
  /** Under contract, with cases earlier in the year and none in its last months. */
  | 'idle'
  /** A new contract of 令和3年1月・2月: no case yet. */
  | 'new'
  /** Ended during the year: cases until its end. */
  | 'ended'
  /** The earlier contract of an office, renewed before the year: no case in the year. */
  | 'renewed';

/** An office as the center writes it in 委託契約. */
export interface SampleOffice {
  readonly officeNumber: string;
  readonly name: string;
  readonly corporation: string;
  readonly address: string;
  /** The handout's grouping, which is what 所在 derives to. */
  readonly municipality: string;
}

export interface SampleContract {
  readonly office: SampleOffice;
  readonly role: ContractRole;
  readonly kind: DelegationKind;
  readonly start: IsoDate;
  readonly end?: IsoDate;
  readonly approvedOn: IsoDate;
  readonly reason: string;
  readonly note: string;
  /** The planted overlap: a renewal typed as a new row while the earlier row was left without 契約終了日. */
  readonly overlapping?: boolean;
}

/** 地域包括支援センター began in 2006-04; no contract is older. */
const FIRST_START: IsoDate = '2006-04-01';

const KINDS: readonly (readonly [DelegationKind, number])[] = [
  ['両方', 80],
  ['介護予防ケアマネジメント', 12],
  ['介護予防支援', 8],
];

const REASONS_IN_CITY = [
  '利用者本人・家族が選択（市内の複数事業所の一覧を示して説明）',
  '要介護から要支援への変更に伴い、担当していた居宅介護支援事業所に継続を依頼（本人希望）',
  '自宅に近く、担当の介護支援専門員が継続して支援できるため（本人・家族と相談のうえ選定）',
  '退院時から関わっている事業所で、医療機関との連携が取れているため（本人同意）',
  '同一法人以外を含む3事業所を提示し、本人が選んだ',
];
const REASONS_OUTSIDE = [
  '市外の事業所だが、利用者の通所先に近く、家族の希望による',
  '住所地に近い市外の事業所を本人・家族が選択（市内事業所の一覧も提示済み）',
  '転入前から担当していた事業所に本人が継続を希望したため',
];
const NOTES = ['', '', '', '', '', '実績はFAXで毎月5日まで', '担当介護支援専門員の変更あり', '契約書原本は事務室キャビネット', '1年ごとの自動更新'];

function officeOf(o: HonjoOffice, center: HonjoCenterName): SampleOffice {
  // The handout prints the move as `旧→新`: some centers have not updated their row yet.
  const address =
    o.currentAddress === undefined ? o.address : MOVED_OFFICE_OLD_ADDRESS_CENTERS.includes(center) ? (o.address.split('→')[0] ?? o.address) : o.currentAddress;
  return { officeNumber: o.officeNumber, name: o.name, corporation: o.corporation, address, municipality: o.municipality };
}

/**
 * 委託契約 of one center: a contract with each office it delegates to in the last month (the 〇 of 資料3, from
 * the shared handout plan), the office that moved, けあビジョン本庄 under contract without a case, the new
 * contracts of 令和3年1月・2月, and from the seed a contract that ended during the year, one that started
 * during it and one renewed before it. With `overlap`, one renewal leaves the earlier row open (the mess).
 */
export function sampleContracts(opts: {
  readonly center: HonjoCenterName;
  readonly random: Random;
  readonly lastMonth: YearMonth;
  readonly overlap: boolean;
}): SampleContract[] {
  const { center, random: rnd, lastMonth } = opts;
  const assignment = handoutAssignment();
  const notBeforeFirst = (start: IsoDate): IsoDate => (start < FIRST_START ? FIRST_START : start);
  const monthsAgo = (n: number): IsoDate => notBeforeFirst(firstDay(addMonths(lastMonth, -n)));
  const yearsAgo = (): IsoDate => monthsAgo(rnd.int(14, 178));
  const contract = (office: SampleOffice, role: ContractRole, start: IsoDate, extra: Partial<SampleContract> = {}): SampleContract => {
    const reasons = office.municipality === HONJO_PLACE.municipality ? REASONS_IN_CITY : REASONS_OUTSIDE;
    return {
      office,
      role,
      kind: rnd.weighted(KINDS),
      start,
      // The 運営協議会 approves a delegation before it starts.
      approvedOn: addDays(start, -rnd.int(10, 60)),
      reason: rnd.pick(reasons),
      note: rnd.pick(NOTES),
      ...extra,
    };
  };

  const held = HONJO_OFFICES.filter((o) => assignment.get(o.officeNumber)?.includes(center));
  const contracts: SampleContract[] = [];
  // The office that moved keeps a single row at every center, so each center writes its address once.
  const withHistory = held.filter((o) => o.currentAddress === undefined);
  const startsThisYear = rnd.pick(withHistory);
  const renewed = rnd.pick(withHistory.filter((o) => o !== startsThisYear));
  const overlapped = opts.overlap ? rnd.pick(withHistory.filter((o) => o !== startsThisYear && o !== renewed)) : undefined;
  for (const o of held) {
    const office = officeOf(o, center);
    if (o === startsThisYear) {
      contracts.push(contract(office, 'handout', monthsAgo(rnd.int(4, 10))));
    } else if (o === renewed) {
      const start = firstDay(`${Number(lastMonth.slice(0, 4)) - rnd.int(1, 6)}-04`);
      const renewal = formatWarekiMonth(monthOf(start));
      contracts.push(contract(office, 'renewed', monthsAgo(rnd.int(100, 178)), { end: addDays(start, -1), note: `${renewal}に契約を結び直し` }));
      contracts.push(contract(office, 'handout', start, { note: `${renewal} 契約更新` }));
    } else if (o === overlapped) {
      const start = monthsAgo(rnd.int(14, 100));
      const earlier = notBeforeFirst(firstDay(addMonths(monthOf(start), -rnd.int(24, 60))));
      contracts.push(contract(office, 'renewed', earlier, { overlapping: true }));
      contracts.push(contract(office, 'handout', start, { overlapping: true }));
    } else {
      contracts.push(contract(office, 'handout', yearsAgo()));
    }
  }
  for (const o of HONJO_OFFICES) {
    const movedElsewhere = o.currentAddress !== undefined && !held.includes(o);
    const idleHere = o.name === IDLE_OFFICE_HOLDER.officeName && IDLE_OFFICE_HOLDER.center === center;
    if (movedElsewhere || idleHere) contracts.push(contract(officeOf(o, center), 'idle', yearsAgo()));
  }
  const others = HONJO_OFFICES.filter((o) => !held.includes(o) && o.currentAddress === undefined && o.name !== IDLE_OFFICE_HOLDER.officeName);
  const ended = rnd.pick(others);
  const end = lastDay(addMonths(lastMonth, -rnd.int(3, 8)));
  contracts.push(contract(officeOf(ended, center), 'ended', yearsAgo(), { end, note: `${formatWarekiMonth(monthOf(end))}末で契約終了（事業所の申出）` }));
  for (const c of HONJO_NEW_CONTRACTS) {
    if (newContractHolder(c) !== center) continue;
    const office = { officeNumber: c.officeNumber, name: c.name, corporation: c.corporation, address: c.address, municipality: c.municipality };
    contracts.push(contract(office, 'new', firstDay(c.startMonth), { note: '新規（運営協議会に報告）' }));
  }
  // Rows are added as contracts are made: oldest first (the sort is stable, so a tie keeps the handout's order).
  return contracts.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** The mess of 委託契約 a center may have typed. */
export type ContractMess = 'overlap' | 'reasonMissing' | 'fullWidthNumber' | 'municipalityEmpty' | 'municipalityMismatch';

const EXTRA_COLUMN = '備考（センター用）';

/**
 * The 委託契約 sheet: a title row, the header of 「シートを準備」 (without 所在 when `municipalityColumn` is
 * false: it is optional and derived), a column of the center's own, a blank row; 所在 is filled in as the
 * handout groups the office. Then the planted mess, each with the code the check reports.
 */
export function contractSheet(
  contracts: readonly SampleContract[],
  opts: { readonly random: Random; readonly municipalityColumn: boolean; readonly mess: readonly ContractMess[] },
): PlantedSheet {
  const { random: rnd } = opts;
  const keys = CONTRACT_COLUMNS.map((c) => c.key).filter((k) => opts.municipalityColumn || k !== 'municipality');
  const header = [...keys.map((k) => headerOf(CONTRACT_COLUMNS, k)), EXTRA_COLUMN];
  const date = (iso: IsoDate | undefined): CellValue => (iso === undefined ? null : { kind: 'date', iso });
  const valueOf = (c: SampleContract, key: ContractKey): CellValue => {
    switch (key) {
      case 'officeNumber':
        return c.office.officeNumber;
      case 'name':
        return c.office.name;
      case 'corporation':
        return c.office.corporation;
      case 'address':
        return c.office.address;
      case 'municipality':
        return c.office.municipality;
      case 'kind':
        return c.kind;
      case 'start':
        return date(c.start);
      case 'end':
        return date(c.end);
      case 'approvedOn':
        return date(c.approvedOn);
      case 'reason':
        return c.reason;
    }
  };
  const half = Math.floor(contracts.length / 2);
  const { rows, rowNumbers } = layOut({
    title: [['委託契約一覧（介護予防支援・介護予防ケアマネジメント）'], []],
    header,
    records: contracts.map((c) => [...keys.map((k) => valueOf(c, k)), c.note]),
    blankAfter: (i) => i === half,
  });

  const planted: PlantedMess[] = [];
  const used = new Set<number>();
  const plant = (index: number, key: ContractKey, value: CellValue | undefined, code: IssueCode): void => {
    const row = rows[(rowNumbers[index] ?? 0) - 1];
    const column = keys.indexOf(key);
    if (!row || column < 0) throw new Error(`cannot plant ${code} in ${key}`);
    if (value !== undefined) row[column] = value;
    used.add(index);
    planted.push({ sheet: CONTRACTS_SHEET, row: rowNumbers[index] ?? 0, header: headerOf(CONTRACT_COLUMNS, key), code });
  };
  const pick = (ok: (c: SampleContract) => boolean): number => {
    const candidates = contracts.map((c, i) => i).filter((i) => !used.has(i) && !contracts[i]?.overlapping && ok(contracts[i] as SampleContract));
    return rnd.pick(candidates);
  };
  contracts.forEach((c, i) => {
    if (c.overlapping) plant(i, 'start', undefined, 'CONTRACT_OVERLAP');
  });
  for (const kind of opts.mess) {
    if (kind === 'overlap') continue;
    if (kind === 'reasonMissing')
      plant(
        pick(() => true),
        'reason',
        null,
        'SELECTION_REASON_MISSING',
      );
    if (kind === 'fullWidthNumber') {
      const i = pick(() => true);
      plant(i, 'officeNumber', toFullWidth(contracts[i]?.office.officeNumber ?? ''), 'TEXT_WIDTH');
    }
    if (kind === 'municipalityEmpty')
      plant(
        pick(() => true),
        'municipality',
        null,
        'MUNICIPALITY_DERIVED',
      );
    if (kind === 'municipalityMismatch') {
      // 児玉町 merged into 本庄市 in 2006, and people still write it; with no such office, the city's name for a town outside it.
      const kodama = contracts.some((c, i) => !used.has(i) && !c.overlapping && c.office.address.startsWith('児玉町'));
      const i = kodama ? pick((c) => c.office.address.startsWith('児玉町')) : pick((c) => c.office.municipality !== HONJO_PLACE.municipality);
      plant(i, 'municipality', kodama ? '児玉町' : HONJO_PLACE.municipality, 'MUNICIPALITY_MISMATCH');
    }
  }
  const widths = [...keys.map((k) => (k === 'name' || k === 'reason' ? 36 : k === 'address' || k === 'corporation' ? 26 : 14)), 24];
  return { sheet: { name: CONTRACTS_SHEET, rows, widths }, planted };
}
