import { HONJO_CENTER_NAMES, HONJO_OFFICES, type HonjoNewContract, type HonjoOffice } from './honjo';

/**
 * Which center delegates to which office in the sample, fixed by the handout and by nothing else (no seed):
 * the four workbooks are generated one at a time, and only a plan they all share can give each office, summed
 * over the centers, exactly the 〇 of 資料3.
 */

export type HonjoCenterName = (typeof HONJO_CENTER_NAMES)[number];

/**
 * A center looks first to the offices near its area: 児玉 to the former 児玉町 and the towns beyond it (美里町,
 * 群馬県藤岡市), 本庄西 to 上里町 and across the river to 伊勢崎市, 本庄東 to 深谷市. The handout does not say
 * which centers hold the 〇 of an office; this is a plausible guess, and the offices of 本庄市 itself are
 * shared out by load.
 */
const NEAR: readonly (readonly [RegExp, HonjoCenterName])[] = [
  [/^(児玉町|美里町|群馬県藤岡市)/, '児玉'],
  [/^(上里町|伊勢崎市)/, '本庄西'],
  [/^深谷市/, '本庄東'],
];

function isNear(office: HonjoOffice, center: HonjoCenterName): boolean {
  return NEAR.some(([pattern, near]) => near === center && pattern.test(office.address));
}

/**
 * The centers with at least one case at each office in 令和3年2月 (by 事業所番号): as many as the office's 〇,
 * a center near the office first, then the center with the fewest offices so far, then the handout's column
 * order. Offices are taken in the printed order, so the result never changes.
 */
export function handoutAssignment(): ReadonlyMap<string, readonly HonjoCenterName[]> {
  const load = new Map<HonjoCenterName, number>(HONJO_CENTER_NAMES.map((c) => [c, 0]));
  const assignment = new Map<string, HonjoCenterName[]>();
  for (const office of HONJO_OFFICES) {
    const ranked = [...HONJO_CENTER_NAMES].sort(
      (a, b) =>
        Number(isNear(office, b)) - Number(isNear(office, a)) ||
        (load.get(a) ?? 0) - (load.get(b) ?? 0) ||
        HONJO_CENTER_NAMES.indexOf(a) - HONJO_CENTER_NAMES.indexOf(b),
    );
    const chosen = ranked.slice(0, office.centerCount);
    for (const c of chosen) load.set(c, (load.get(c) ?? 0) + 1);
    assignment.set(
      office.officeNumber,
      HONJO_CENTER_NAMES.filter((c) => chosen.includes(c)),
    );
  }
  return assignment;
}

/** The office of 資料3 under contract with no case in 令和3年2月 (its row has no 〇), and the center holding it. */
export const IDLE_OFFICE_HOLDER: { readonly officeName: string; readonly center: HonjoCenterName } = { officeName: 'けあビジョン本庄', center: '本庄東' };

/** Who made the new contract of each start month (the handout lists the offices, not the centers): 上里町's to 本庄西. */
const NEW_CONTRACT_HOLDER_BY_MONTH: Readonly<Record<string, HonjoCenterName>> = { '2021-01': '本庄西', '2021-02': '本庄南' };

export function newContractHolder(contract: HonjoNewContract): HonjoCenterName {
  const holder = NEW_CONTRACT_HOLDER_BY_MONTH[contract.startMonth];
  if (holder === undefined) throw new Error(`no center holds the new contract of ${contract.startMonth}`);
  return holder;
}

/** The office that moved (`旧→新` in the handout) is under contract with every center; two still write the old address. */
export const MOVED_OFFICE_OLD_ADDRESS_CENTERS: readonly HonjoCenterName[] = ['本庄西', '本庄南'];

export function isHonjoCenterName(name: string): name is HonjoCenterName {
  return (HONJO_CENTER_NAMES as readonly string[]).includes(name);
}
