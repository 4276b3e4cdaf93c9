import * as z from 'zod/mini';
import { isBlankCell } from '../values/cell';
import { choiceList, oneOf } from '../values/choices';
import type { IsoDate } from '../values/dates';
import { dateWord, dateWords, readChoiceField, readDateField, readTextField, rowReader, shown } from '../values/fields';
import type { Issue } from '../issues/issue';
import { firstDay, lastDay, type YearMonth } from '../values/months';
import { deriveMunicipality, sameMunicipality } from '../values/municipality';
import { readOfficeNumberField } from '../values/office-number';
import type { Settings } from './settings';
import type { ColumnSpec, Table, TableRow } from './table';

export const CONTRACTS_SHEET = '委託契約';

export type ContractKey = 'officeNumber' | 'name' | 'corporation' | 'address' | 'municipality' | 'kind' | 'start' | 'end' | 'approvedOn' | 'reason';

/**
 * A 委託 list often keeps the period in one column (契約期間「R3.4.1～R4.3.31」): without 契約開始日 and 契約終了日 of its own,
 * that column is read as both (ColumnSpec.within).
 */
const PERIOD_HEADERS = ['契約期間', '委託期間', '契約の期間', '委託契約期間'];

/** The columns of 委託契約 in the order 「シートを準備」 creates them (SPEC §2.2). */
export const CONTRACT_COLUMNS: readonly ColumnSpec<ContractKey>[] = [
  { key: 'officeNumber', header: '事業所番号', synonyms: ['介護保険事業所番号', '事業者番号', '事業所コード'], required: true },
  { key: 'name', header: '事業所名', synonyms: ['事業者名', '居宅介護支援事業所名', '指定居宅介護支援事業所', '委託先'], required: true },
  { key: 'corporation', header: '法人名', synonyms: ['運営法人', '運営法人名', '法人'], required: true },
  { key: 'address', header: '所在地', synonyms: ['住所', '事業所所在地', '事業所住所'], required: true },
  { key: 'municipality', header: '所在', synonyms: ['所在市町村'] },
  { key: 'kind', header: '委託区分', synonyms: ['委託内容', '委託業務'], required: true },
  { key: 'start', header: '契約開始日', synonyms: ['開始日', '委託開始日'], required: true, within: { headers: PERIOD_HEADERS, part: 0 } },
  { key: 'end', header: '契約終了日', synonyms: ['終了日', '委託終了日'], within: { headers: PERIOD_HEADERS, part: 1 } },
  { key: 'approvedOn', header: '運営協議会承認日', synonyms: ['承認日', '運営協議会'] },
  { key: 'reason', header: '選定理由', synonyms: ['委託理由', '選定の理由'], required: true },
];

const KIND_VALUES = ['介護予防支援', '介護予防ケアマネジメント', '両方'] as const;

export const DELEGATION_KINDS = choiceList(KIND_VALUES, {
  介護予防支援: ['予防支援', '介護予防支援業務', '指定介護予防支援'],
  介護予防ケアマネジメント: ['ケアマネジメント', '予防ケアマネジメント', '介護予防ケアマネ', '第1号介護予防支援', '第1号介護予防支援事業', '総合事業'],
  両方: [
    '介護予防支援・介護予防ケアマネジメント',
    '介護予防支援及び介護予防ケアマネジメント',
    '介護予防支援、介護予防ケアマネジメント',
    '介護予防支援等',
    '予防支援・ケアマネジメント',
    '両方とも',
    '全て',
  ],
});

/**
 * A contract as read from its row. A row becomes a contract when it names an office (its 事業所番号, even a
 * mistyped one: the same text is what 委託実績 refers to) and has a readable 契約開始日; other fields missing
 * from the row are '' or undefined and reported as issues.
 */
export const ContractSchema = z.object({
  row: z.number().check(z.int(), z.positive()),
  officeNumber: z.string().check(z.minLength(1)),
  name: z.string(),
  corporation: z.string(),
  address: z.string(),
  /** 所在 as given, or derived from 所在地 when the cell is empty (SPEC §2.2). */
  municipality: z.string(),
  kind: z.optional(z.enum(KIND_VALUES)),
  start: z.string(),
  end: z.optional(z.string()),
  approvedOn: z.optional(z.string()),
  reason: z.optional(z.string()),
});

export type Contract = z.infer<typeof ContractSchema>;

export interface ContractReading {
  readonly contracts: Contract[];
  readonly issues: Issue[];
}

const DATE_HINT = '日付（例: 2026-04-01）';

/** What a 委託 list writes under 契約終了日 for a contract with no end fixed: read as no end date, and said. */
const END_WORDS = dateWords({ open: ['自動更新', '自動継続', '継続', '継続中', '更新', '未定', 'なし', '無し', '期限なし', '定めなし'] });

/** What it writes under 運営協議会承認日 instead of the date: approved (the date not noted), or not yet. */
const APPROVAL_WORDS = dateWords({ approved: ['承認済', '承認済み', '済', '済み', '承認'], 'not-yet': ['未', '未承認', 'なし', '無し', '申請中'] });
const REASON_HINT = '選んだ理由（利用者の希望、複数事業所から選んだ経緯など）';

/** `2021-01-01〜2022-03-31`, or `2021-01-01〜` for an open end. */
export function contractPeriod(contract: Pick<Contract, 'start' | 'end'>): string {
  return `${contract.start}〜${contract.end ?? ''}`;
}

/** Active in a month when the contract covers at least one day of it. */
export function isActiveIn(contract: Pick<Contract, 'start' | 'end'>, month: YearMonth): boolean {
  return contract.start <= lastDay(month) && (contract.end === undefined || contract.end >= firstDay(month));
}

export function activeContracts<C extends Pick<Contract, 'start' | 'end'>>(contracts: readonly C[], month: YearMonth): C[] {
  return contracts.filter((c) => isActiveIn(c, month));
}

/**
 * Reads and checks every row of 委託契約 (SPEC §2.2).
 *
 * 所在 is optional. When the column is absent it is derived from 所在地 without a word. When the column is
 * there and a cell is left empty, the derived value is used and offered as a suggestion (a warning, so that
 * 「表記を整える」 can fill it in and the staff see what the report will group the office under). A 所在 that
 * names another municipality than the address is a warning with the derived value as suggestion; the given
 * value is kept, since the staff may know better than the address (a building on a border, an address
 * written without its town).
 */
export function readContracts(table: Table<ContractKey>, context: { readonly settings: Settings; readonly today?: IsoDate }): ContractReading {
  const issues: Issue[] = [];
  // Without today (a caller that has none), a date typed without a year stays invalid. 契約終了日 never takes a
  // year from today: a contract usually ends in the future, and "the latest such day not in the future" would
  // read 3/31 of a contract running to next March as last March.
  const dates = {
    required: { required: true, hint: DATE_HINT, today: context.today },
    optional: { required: false, hint: DATE_HINT, today: context.today },
    end: { required: false, hint: DATE_HINT },
  };
  const contracts: Contract[] = [];
  const rowsOf = new Map<number, TableRow>();
  for (const row of table.rows) {
    const r = rowReader(table, CONTRACT_COLUMNS, row, issues);
    const officeNumber = readOfficeNumberField(r, 'officeNumber', { required: true, hint: '介護保険の事業所番号（10文字）' });
    const name = readTextField(r, 'name', { required: true, hint: '事業所名', maxLength: 200 });
    const corporation = readTextField(r, 'corporation', { required: true, hint: '事業所を運営する法人の名前', maxLength: 200 });
    const address = readTextField(r, 'address', { required: true, hint: '事業所の所在地', maxLength: 300 });
    const given = readTextField(r, 'municipality', { required: false, hint: '市町村名', maxLength: 100 });
    const derived = address === undefined ? '' : deriveMunicipality(address, context.settings);
    if (given === undefined && derived !== '' && r.has('municipality') && isBlankCell(r.raw('municipality'))) {
      r.report('municipality', 'MUNICIPALITY_DERIVED', { title: r.title('municipality'), address: shown(address), derived }, derived);
    } else if (given !== undefined && derived !== '' && !sameMunicipality(given, derived)) {
      r.report('municipality', 'MUNICIPALITY_MISMATCH', { title: r.title('municipality'), given: shown(given), address: shown(address), derived }, derived);
    }
    const kind = readChoiceField(r, 'kind', DELEGATION_KINDS, { required: true, hint: oneOf(KIND_VALUES) });
    const start = readDateField(r, 'start', dates.required);
    const endWord = dateWord(r, 'end', END_WORDS);
    if (endWord) r.report('end', 'CONTRACT_END_WORD', { title: r.title('end'), shown: shown(r.raw('end')) });
    const end = endWord ? undefined : readDateField(r, 'end', dates.end);
    if (start !== undefined && end !== undefined && end < start) {
      r.report('end', 'CONTRACT_END_BEFORE_START', { title: r.title('end'), end, start });
    }
    const approval = dateWord(r, 'approvedOn', APPROVAL_WORDS);
    const approvedOn = approval ? undefined : readDateField(r, 'approvedOn', dates.optional);
    if (approval === 'approved') {
      r.report('approvedOn', 'APPROVAL_DATE_UNKNOWN', { title: r.title('approvedOn'), shown: shown(r.raw('approvedOn')) });
    } else if (approval === 'not-yet') {
      r.report('approvedOn', 'APPROVAL_MISSING', { title: r.title('approvedOn'), shown: shown(r.raw('approvedOn')) });
    } else if (r.has('approvedOn') && approvedOn === undefined && isBlankCell(r.raw('approvedOn'))) {
      r.report('approvedOn', 'APPROVAL_MISSING', { title: r.title('approvedOn') });
    } else if (approvedOn !== undefined && start !== undefined && approvedOn > start) {
      r.report('approvedOn', 'APPROVAL_AFTER_START', { approvedOn, start });
    }
    const reason = readTextField(r, 'reason', { required: false, hint: REASON_HINT, maxLength: 2000 });
    if (r.has('reason') && reason === undefined && isBlankCell(r.raw('reason'))) {
      r.report('reason', 'SELECTION_REASON_MISSING', { title: r.title('reason'), hint: REASON_HINT });
    }
    if (officeNumber === undefined || start === undefined) continue;
    rowsOf.set(row.rowNumber, row);
    contracts.push({
      row: row.rowNumber,
      officeNumber,
      name: name ?? '',
      corporation: corporation ?? '',
      address: address ?? '',
      municipality: given ?? derived,
      kind: kind as Contract['kind'],
      start,
      end,
      approvedOn,
      reason,
    } satisfies Contract);
  }
  reportOverlaps(table, contracts, rowsOf, issues);
  return { contracts, issues };
}

/** How many rows an overlap message names before it says 「ほか N 件」. */
const NAMED_OVERLAPS = 3;

export interface Overlap<C> {
  /** How many other contracts of the same office share a day with this one. */
  readonly count: number;
  /**
   * A few of them to name, shown in row order: those nearest in start date (the search is bounded, so a
   * thousand identical rows cost no more than a few), not necessarily the first rows of the sheet.
   */
  readonly examples: readonly C[];
}

/**
 * For each contract that shares a day with another of the same office (both ends included; no end is
 * open): how many, and the first few. O(n log n), so a pasted block of a thousand copies of one contract
 * is a thousand messages, not a million pairs.
 */
export function contractOverlaps<C extends Pick<Contract, 'row' | 'officeNumber' | 'start' | 'end'>>(contracts: readonly C[]): Map<C, Overlap<C>> {
  const byOffice = new Map<string, C[]>();
  for (const c of contracts) {
    if (c.end !== undefined && c.end < c.start) continue;
    const list = byOffice.get(c.officeNumber);
    if (list) list.push(c);
    else byOffice.set(c.officeNumber, [c]);
  }
  const result = new Map<C, Overlap<C>>();
  for (const list of byOffice.values()) {
    const sorted = [...list].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.row - b.row));
    const n = sorted.length;
    // reach[i]: the first index after i whose start is past i's end (the later contracts i overlaps are i+1..reach[i]-1).
    const reach = sorted.map((c, i) => {
      if (c.end === undefined) return n;
      let lo = i + 1;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((sorted[mid] as C).start <= (c.end as string)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    });
    // earlier[i]: how many j < i reach past i — counted with a difference array over the ranges j+1..reach[j]-1.
    const diff = new Array<number>(n + 1).fill(0);
    reach.forEach((r, j) => {
      if (r > j + 1) {
        diff[j + 1] = (diff[j + 1] ?? 0) + 1;
        diff[r] = (diff[r] ?? 0) - 1;
      }
    });
    let earlier = 0;
    for (let i = 0; i < n; i++) {
      earlier += diff[i] ?? 0;
      const later = (reach[i] ?? i + 1) - i - 1;
      if (earlier + later === 0) continue;
      const examples: C[] = [];
      for (let j = i - 1, steps = 0; j >= 0 && examples.length < NAMED_OVERLAPS && steps < 1000; j--, steps++) {
        if ((reach[j] ?? 0) > i) examples.push(sorted[j] as C);
      }
      for (let j = i + 1; j < (reach[i] ?? 0) && examples.length < NAMED_OVERLAPS * 2; j++) examples.push(sorted[j] as C);
      const named = examples.sort((a, b) => a.row - b.row).slice(0, NAMED_OVERLAPS);
      result.set(sorted[i] as C, { count: earlier + later, examples: named });
    }
  }
  return result;
}

function reportOverlaps(table: Table<ContractKey>, contracts: readonly Contract[], rowsOf: ReadonlyMap<number, TableRow>, issues: Issue[]): void {
  const overlaps = contractOverlaps(contracts);
  for (const contract of contracts) {
    const overlap = overlaps.get(contract);
    const row = rowsOf.get(contract.row);
    if (!overlap || !row) continue;
    const r = rowReader(table, CONTRACT_COLUMNS, row, issues);
    r.report('start', 'CONTRACT_OVERLAP', {
      officeNumber: contract.officeNumber,
      ...(contract.name ? { name: contract.name } : {}),
      period: contractPeriod(contract),
      overlapping: overlap.examples.map((o) => ({ row: o.row, period: contractPeriod(o) })),
      total: overlap.count,
    });
  }
}
