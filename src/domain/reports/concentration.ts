import { type Contract, isActiveIn } from '../sheets/contracts';
import type { Delegation } from '../sheets/delegations';
import { tidySpaces } from '../values/text';
import { corporationKey } from '../values/corporation';
import { exceeds } from '../values/numbers';

/**
 * 公正・中立: how the month's delegated plans (介護予防支援 and 介護予防ケアマネジメント, 直営 left out) are
 * spread over offices and 法人. A share strictly above the threshold is a warning, as 特定事業所集中減算 counts
 * a share that 「80%を超える」: exactly 80% is not over 80%.
 */

export interface OfficeShare {
  readonly officeNumber: string;
  readonly name: string;
  readonly corporation: string;
  readonly cases: number;
  /** 0–1; 0 when the month has no case. */
  readonly share: number;
}

export interface CorporationShare {
  readonly corporation: string;
  readonly cases: number;
  readonly share: number;
}

export interface ConcentrationWarning {
  readonly kind: 'office' | 'corporation' | 'own';
  /** The office's or the 法人's name. */
  readonly name: string;
  readonly share: number;
  readonly message: string;
}

export interface Concentration {
  readonly total: number;
  /** Most cases first. */
  readonly byOffice: OfficeShare[];
  readonly byCorporation: CorporationShare[];
  /** 設定's 運営法人名 as written ('' when 設定 names none, and then no share of it can be told). */
  readonly ownCorporation: string;
  /** The share of the center's own 運営法人; 0 when 設定 names none. */
  readonly ownCorporationShare: number;
  readonly warnings: ConcentrationWarning[];
}

export interface ConcentrationInput {
  /** One month's 委託実績 rows; 直営 rows are left out here as well. */
  readonly delegations: readonly Pick<Delegation, 'month' | 'officeNumber' | 'direct' | 'cases'>[];
  readonly contracts: readonly Pick<Contract, 'officeNumber' | 'name' | 'corporation' | 'start' | 'end'>[];
  /** 設定's 運営法人名. */
  readonly ownCorporation: string;
  /** 設定's 集中の警告しきい値, 0–1. */
  readonly threshold: number;
}

/** `0.9` → `90%`, `2/3` → `66.7%`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Shares are ratios of integers; a tolerance keeps 57/100 from being "over" 57% by rounding. */
const over = exceeds;

function sortShares<T extends { cases: number }>(list: T[], name: (t: T) => string): T[] {
  return list.sort((a, b) => b.cases - a.cases || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

export function measureConcentration(input: ConcentrationInput): Concentration {
  const offices = new Map<string, { officeNumber: string; name: string; corporation: string; cases: number }>();
  for (const d of input.delegations) {
    if (d.direct) continue;
    let office = offices.get(d.officeNumber);
    if (!office) {
      const candidates = input.contracts.filter((c) => c.officeNumber === d.officeNumber);
      const contract = candidates.find((c) => isActiveIn(c, d.month)) ?? candidates[candidates.length - 1];
      office = { officeNumber: d.officeNumber, name: contract?.name || d.officeNumber, corporation: tidySpaces(contract?.corporation ?? ''), cases: 0 };
      offices.set(d.officeNumber, office);
    }
    office.cases += d.cases;
  }
  const total = [...offices.values()].reduce((sum, o) => sum + o.cases, 0);
  const shareOf = (cases: number): number => (total === 0 ? 0 : cases / total);
  const byOffice = sortShares(
    [...offices.values()].map((o) => ({ ...o, share: shareOf(o.cases) })),
    (o) => o.officeNumber,
  );

  // An office whose 法人 is unknown counts as a 法人 of its own, never pooled with other unknowns.
  const corporations = new Map<string, { key: string; corporation: string; cases: number }>();
  for (const o of byOffice) {
    const key = o.corporation === '' ? `\u0000${o.officeNumber}` : corporationKey(o.corporation);
    const label = o.corporation === '' ? `法人名なし（${o.name}）` : o.corporation;
    const entry = corporations.get(key);
    if (entry) entry.cases += o.cases;
    else corporations.set(key, { key, corporation: label, cases: o.cases });
  }
  const corporationShares = sortShares(
    [...corporations.values()].map((c) => ({ ...c, share: shareOf(c.cases) })),
    (c) => c.corporation,
  );
  const byCorporation = corporationShares.map(({ corporation, cases, share }) => ({ corporation, cases, share }));

  const ownKey = corporationKey(input.ownCorporation);
  const ownCases = ownKey === '' ? 0 : (corporations.get(ownKey)?.cases ?? 0);
  const ownCorporationShare = shareOf(ownCases);

  const limit = formatShare(input.threshold);
  const ofTotal = (cases: number, share: number): string => `${total}件中${cases}件（${formatShare(share)}）`;
  const warnings: ConcentrationWarning[] = [];
  for (const o of byOffice) {
    if (!over(o.share, input.threshold)) continue;
    warnings.push({
      kind: 'office',
      name: o.name,
      share: o.share,
      message: `委託の${ofTotal(o.cases, o.share)}が事業所「${o.name}」に集中し、しきい値 ${limit} を超えています。公正・中立のため、委託先の選定理由を確かめてください。`,
    });
  }
  for (const c of corporationShares) {
    if (c.key === ownKey || !over(c.share, input.threshold)) continue;
    warnings.push({
      kind: 'corporation',
      name: c.corporation,
      share: c.share,
      message: `委託の${ofTotal(c.cases, c.share)}が法人「${c.corporation}」の事業所に集中し、しきい値 ${limit} を超えています。公正・中立のため、委託先の選定理由を確かめてください。`,
    });
  }
  if (ownKey !== '' && over(ownCorporationShare, input.threshold)) {
    const name = tidySpaces(input.ownCorporation);
    warnings.push({
      kind: 'own',
      name,
      share: ownCorporationShare,
      message: `委託の${ofTotal(ownCases, ownCorporationShare)}が、センターの運営法人「${name}」と同じ法人の事業所に委託されています（しきい値 ${limit} を超えています）。公正・中立のため、他法人の事業所も選べるよう選定の経緯を確かめてください。`,
    });
  }
  return { total, byOffice, byCorporation, ownCorporation: tidySpaces(input.ownCorporation), ownCorporationShare, warnings };
}
