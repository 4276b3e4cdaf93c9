import { formatShare } from './concentration';
import { type CountTable, sumTables } from './count-table';
import { compareMonths, formatWarekiMonth, monthOf, type YearMonth } from '../values/months';
import { compareJapanese } from '../values/japanese-order';
import { officeLabel } from '../values/office-number';
import type { Submission } from './submission';
import { exceeds } from '../values/numbers';
import { isoTimeOf } from '../values/times';
import { addressKey } from '../values/municipality';
import { foldKey } from '../values/text';

/**
 * The city's month (SPEC §4.2): every center's submitted payload, merged. Pure: the adapters bring the
 * payloads (or the reason a center could not be read) and draw the result.
 */
export type CenterStatus = 'submitted' | 'missing' | 'unreadable';

/** How a center's status reads in Japanese: one table for the city sheet, the CLI and the demo. */
export const CENTER_STATUS_JA: Readonly<Record<CenterStatus, string>> = { submitted: '提出済み', missing: '未提出', unreadable: '読めない' };

export interface CenterOutcome {
  readonly name: string;
  readonly status: CenterStatus;
  /** Why a center is 未提出 or 読めない, in Japanese. */
  readonly reason?: string;
  readonly submission?: Submission;
}

export interface ConsolidatedOffice {
  readonly officeNumber: string;
  readonly name: string;
  readonly corporation: string;
  readonly address: string;
  readonly municipality: string;
  /** Centers with a contract active in the month. */
  readonly contractedBy: string[];
  /** Centers that delegated at least one case to the office in the month. */
  readonly centers: string[];
  readonly cases: number;
  readonly casesByCenter: Record<string, number>;
}

export interface NewContract {
  readonly startMonth: YearMonth;
  readonly municipality: string;
  readonly officeNumber: string;
  readonly name: string;
  readonly address: string;
  readonly center: string;
}

export interface CityWarning {
  readonly kind: 'center-concentration' | 'office-concentration' | 'office-disagreement';
  readonly message: string;
}

export interface CityPlace {
  /** The city itself: its group comes first. */
  readonly municipality: string;
  /** The other groups in this order, then any others by name. */
  readonly municipalityOrder: readonly string[];
  readonly threshold: number;
}

/** 市集計's activity figures of one center (SPEC §4.2), from its payload's `activities`. */
export interface ActivityFigures {
  /** 地域ケア個別会議 held, and the sum of their 検討事例数. */
  readonly careMeetings: number;
  readonly cases: number;
  /** Activities of every kind, and the sum of their 参加者数. */
  readonly activities: number;
  readonly participants: number;
}

/** 市集計's complaint figures of one center, from its payload's `complaints`. */
export interface ComplaintFigures {
  readonly received: number;
  /** Open at the end of the month. */
  readonly open: number;
  readonly reported: number;
}

/** A center's activity figures, or undefined for a payload made before `activities` existed (not zero: it did not say). */
export function activityFiguresOf(s: Submission): ActivityFigures | undefined {
  const a = s.activities;
  if (!a) return undefined;
  return {
    careMeetings: a.careMeetings.count,
    cases: a.careMeetings.cases,
    activities: a.byType.reduce((n, t) => n + t.count, 0),
    participants: a.byType.reduce((n, t) => n + t.participants, 0),
  };
}

/** A center's complaint figures, or undefined for a payload made before `complaints` existed. */
export function complaintFiguresOf(s: Submission): ComplaintFigures | undefined {
  const c = s.complaints;
  return c ? { received: c.count, open: c.open, reported: c.reported } : undefined;
}

/** Figures added up key by key over the centers that gave them; undefined when none did. */
function sumFigures<K extends string>(list: readonly (Readonly<Record<K, number>> | undefined)[]): Record<K, number> | undefined {
  const given = list.filter((x) => x !== undefined);
  const first = given[0];
  if (!first) return undefined;
  return Object.fromEntries((Object.keys(first) as K[]).map((k) => [k, given.reduce((n, x) => n + x[k], 0)])) as Record<K, number>;
}

export interface Consolidation {
  readonly month: YearMonth;
  readonly since: YearMonth;
  readonly centers: readonly CenterOutcome[];
  readonly offices: readonly ConsolidatedOffice[];
  readonly newContracts: readonly NewContract[];
  readonly warnings: readonly CityWarning[];
  /** Each 月報 table summed over the submitted centers. */
  readonly totals: {
    readonly byMethod: CountTable;
    readonly byTopic: CountTable;
    readonly byProfession: CountTable;
    /**
     * 活動 and 苦情 over the centers whose payload has them (a center that sent an older payload is left out of
     * the sum, and its own cells are empty); undefined when no center's payload has them.
     */
    readonly activities?: ActivityFigures;
    readonly complaints?: ComplaintFigures;
  };
}

interface OfficeDraft {
  officeNumber: string;
  name: string;
  corporation: string;
  address: string;
  municipality: string;
  contractedBy: string[];
  centers: string[];
  cases: number;
  casesByCenter: Record<string, number>;
  /** Which center said what, to name both values when two centers disagree. */
  said: { field: 'name' | 'address'; value: string; center: string }[];
}

function groupRank(place: CityPlace): (municipality: string) => number {
  return (m) =>
    m === place.municipality ? 0 : place.municipalityOrder.includes(m) ? 1 + place.municipalityOrder.indexOf(m) : 1 + place.municipalityOrder.length;
}

function submitted(centers: readonly CenterOutcome[]): { name: string; submission: Submission }[] {
  return centers.flatMap((c) => (c.status === 'submitted' && c.submission ? [{ name: c.name, submission: c.submission }] : []));
}

function mergeOffices(centers: readonly CenterOutcome[], warnings: CityWarning[]): Map<string, OfficeDraft> {
  const offices = new Map<string, OfficeDraft>();
  const draft = (officeNumber: string, info: { name: string; corporation: string; address: string; municipality: string }, center: string): OfficeDraft => {
    let office = offices.get(officeNumber);
    if (!office) {
      office = { officeNumber, ...info, contractedBy: [], centers: [], cases: 0, casesByCenter: {}, said: [] };
      offices.set(officeNumber, office);
    }
    for (const field of ['name', 'address'] as const) {
      if (info[field] !== '' && !office.said.some((s) => s.field === field && s.center === center)) office.said.push({ field, value: info[field], center });
      if (office[field] === '') office[field] = info[field];
    }
    if (office.corporation === '') office.corporation = info.corporation;
    if (office.municipality === '') office.municipality = info.municipality;
    return office;
  };
  for (const { name: center, submission } of submitted(centers)) {
    for (const c of submission.contracts) {
      const office = draft(c.officeNumber, c, center);
      if (!office.contractedBy.includes(center)) office.contractedBy.push(center);
    }
    for (const d of submission.delegations) {
      const office = draft(d.officeNumber, d, center);
      office.cases += d.cases;
      office.casesByCenter[center] = (office.casesByCenter[center] ?? 0) + d.cases;
      if (d.cases > 0 && !office.centers.includes(center)) office.centers.push(center);
    }
  }
  // An office moves (資料3: 本庄ケアプラザ 西五十子 → けや木): two centers disagreeing is said aloud, never silently picked.
  // Two writings of one name or place (全角/半角, spaces, 1丁目1番1号 for 1-1-1) are no disagreement.
  const sameness = { name: foldKey, address: addressKey };
  for (const office of offices.values()) {
    for (const field of ['name', 'address'] as const) {
      const said = office.said.filter((s) => s.field === field);
      if (new Set(said.map((s) => sameness[field](s.value))).size < 2) continue;
      const values = [...new Set(said.map((s) => s.value))];
      const who = values
        .map(
          (v) =>
            `「${v}」（${office.said
              .filter((s) => s.field === field && s.value === v)
              .map((s) => s.center)
              .join('・')}）`,
        )
        .join('と');
      const label = field === 'name' ? '事業所名' : '住所';
      warnings.push({
        kind: 'office-disagreement',
        message: `${officeLabel(office.officeNumber, office.name)}の${label}がセンターによって違います: ${who}。一覧には「${office[field]}」を載せています。正しい${label}に各センターでそろえてください。`,
      });
    }
  }
  return offices;
}

function newContractsOf(centers: readonly CenterOutcome[], since: YearMonth, month: YearMonth): NewContract[] {
  const seen = new Set<string>();
  const list: NewContract[] = [];
  for (const { name: center, submission } of submitted(centers)) {
    for (const c of [...submission.newContracts, ...submission.contracts]) {
      const startMonth = monthOf(c.start);
      if (compareMonths(startMonth, since) < 0 || compareMonths(startMonth, month) > 0) continue;
      const key = `${center}\u0000${c.officeNumber}\u0000${c.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      list.push({ startMonth, municipality: c.municipality, officeNumber: c.officeNumber, name: c.name, address: c.address, center });
    }
  }
  return list;
}

function concentrationWarnings(centers: readonly CenterOutcome[], offices: readonly ConsolidatedOffice[], threshold: number): CityWarning[] {
  const warnings: CityWarning[] = [];
  for (const { name, submission } of submitted(centers)) {
    for (const w of submission.concentration.warnings) warnings.push({ kind: 'center-concentration', message: `${name}: ${w.message}` });
  }
  const total = offices.reduce((s, o) => s + o.cases, 0);
  for (const o of offices) {
    const share = total > 0 ? o.cases / total : 0;
    if (exceeds(share, threshold)) {
      warnings.push({
        kind: 'office-concentration',
        message: `市全体の委託 ${total} 件のうち ${o.cases} 件（${formatShare(share)}）が「${o.name}」に集中しています（しきい値 ${formatShare(threshold)}）。`,
      });
    }
  }
  return warnings;
}

export function consolidate(month: YearMonth, since: YearMonth | undefined, centers: readonly CenterOutcome[], place: CityPlace): Consolidation {
  const warnings: CityWarning[] = [];
  const rank = groupRank(place);
  const offices = [...mergeOffices(centers, warnings).values()]
    .map(({ said: _said, ...o }): ConsolidatedOffice => o)
    .sort((a, b) => rank(a.municipality) - rank(b.municipality) || compareJapanese(a.municipality, b.municipality) || compareJapanese(a.name, b.name));
  const from = since ?? month;
  const newContracts = newContractsOf(centers, from, month).sort(
    (a, b) => compareMonths(a.startMonth, b.startMonth) || rank(a.municipality) - rank(b.municipality) || compareJapanese(a.name, b.name),
  );
  const subs = submitted(centers).map((s) => s.submission);
  return {
    month,
    since: from,
    centers,
    offices,
    newContracts,
    warnings: [...warnings, ...concentrationWarnings(centers, offices, place.threshold)],
    totals: {
      byMethod: sumTables(subs.map((s) => s.consultations.byMethod)),
      byTopic: sumTables(subs.map((s) => s.consultations.byTopic)),
      byProfession: sumTables(subs.map((s) => s.consultations.byProfession)),
      activities: sumFigures(subs.map(activityFiguresOf)),
      complaints: sumFigures(subs.map(complaintFiguresOf)),
    },
  };
}

/** A center's `activities` and `complaints` for the JSON document, each only where its payload has it. */
function figuresOf(s: Submission | undefined): { activities?: ActivityFigures; complaints?: ComplaintFigures } {
  const activities = s ? activityFiguresOf(s) : undefined;
  const complaints = s ? complaintFiguresOf(s) : undefined;
  return { ...(activities ? { activities } : {}), ...(complaints ? { complaints } : {}) };
}

/** The JSON document of SPEC §6 (`houkatsu consolidate --json`): English keys, business data only. */
export function consolidationDocument(c: Consolidation): Record<string, unknown> {
  return {
    month: c.month,
    since: c.since,
    centers: c.centers.map((x) => ({
      name: x.name,
      status: x.status,
      ...(x.reason !== undefined ? { reason: x.reason } : {}),
      // JSON's form of a time (issue #18), also for a payload a center made before it with `Z`.
      ...(x.submission
        ? {
            submittedAt: x.submission.submittedAt === null ? null : isoTimeOf(x.submission.submittedAt),
            fingerprint: x.submission.fingerprint,
            quality: x.submission.quality,
          }
        : {}),
      ...figuresOf(x.submission),
    })),
    offices: c.offices.map((o) => ({
      officeNumber: o.officeNumber,
      name: o.name,
      corporation: o.corporation,
      address: o.address,
      municipality: o.municipality,
      contractedBy: o.contractedBy,
      centers: o.centers,
      cases: o.cases,
    })),
    newContracts: c.newContracts.map((n) => ({
      startMonth: n.startMonth,
      startMonthJa: formatWarekiMonth(n.startMonth),
      municipality: n.municipality,
      name: n.name,
      address: n.address,
      center: n.center,
    })),
    warnings: c.warnings,
  };
}
