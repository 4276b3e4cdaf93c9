import type { CellValue } from '../domain/values/cell';
import { ACTIVITIES_SHEET } from '../domain/sheets/activities';
import { COMPLAINTS_SHEET } from '../domain/sheets/complaints';
import { CONSULTATIONS_SHEET } from '../domain/sheets/consultations';
import { CONTRACTS_SHEET } from '../domain/sheets/contracts';
import { DELEGATIONS_SHEET } from '../domain/sheets/delegations';
import { addMonths, type YearMonth } from '../domain/values/months';
import { SETTINGS_SHEET } from '../domain/sheets/settings';
import { type ActivityMess, activitySheet, type ComplaintMess, complaintSheet, sampleActivities, sampleComplaints } from './activities';
import { plantConsultationMess, sampleConsultations } from './consultations';
import { type ContractMess, contractSheet, sampleContracts } from './contracts';
import { type DelegationMess, delegationSheet, sampleDelegations } from './delegations';
import { sampleEvaluationSheet, sampleIndicatorSheet } from './evaluation';
import { type HonjoCenterName, isHonjoCenterName } from './handout-plan';
import { HONJO_HANDOUT_MONTH } from './honjo';
import { mixSeed, seededRandom } from './random';
import type { PlantedMess, SampleSheet } from './sheet';

export type { PlantedMess, SampleSheet } from './sheet';

export interface SampleCenter {
  readonly name: string;
  readonly code: string;
  readonly idPrefix: string;
}

/** The four centers of 本庄市 in the handout (their names are public). */
export const HONJO_CENTERS: readonly SampleCenter[] = [
  { name: '本庄西', code: '11211-01', idPrefix: 'NW' },
  { name: '本庄東', code: '11211-02', idPrefix: 'HE' },
  { name: '本庄南', code: '11211-03', idPrefix: 'MN' },
  { name: '児玉', code: '11211-04', idPrefix: 'KD' },
];

/** The sample year ends with the month of the handout's 資料3 (令和3年2月). */
export const SAMPLE_LAST_MONTH: YearMonth = HONJO_HANDOUT_MONTH;

/**
 * How each center keeps its 委託 sheets, and what it got wrong: each kind of mess in two or three of the four
 * centers, so the demo shows a few of each and not a flood. 児玉's 委託契約 has no 所在 column (it is optional
 * and derived), so nothing about 所在 can go wrong there.
 */
const CENTER_HABITS: Readonly<
  Record<HonjoCenterName, { municipalityColumn: boolean; contracts: readonly ContractMess[]; delegations: readonly DelegationMess[] }>
> = {
  本庄西: { municipalityColumn: true, contracts: ['overlap', 'fullWidthNumber', 'municipalityEmpty'], delegations: ['warekiMonth', 'directVariant'] },
  本庄東: {
    municipalityColumn: true,
    contracts: ['reasonMissing', 'municipalityMismatch', 'municipalityEmpty'],
    delegations: ['shortWarekiMonth', 'countWithUnit'],
  },
  本庄南: { municipalityColumn: true, contracts: ['overlap', 'reasonMissing', 'municipalityMismatch'], delegations: ['countWithUnit', 'directVariant'] },
  児玉: { municipalityColumn: false, contracts: ['fullWidthNumber', 'reasonMissing'], delegations: ['warekiMonth', 'countWithUnit', 'directVariant'] },
};

/**
 * How each center keeps 活動記録 and 苦情記録. 本庄南 has never had a 歯科医師 or 薬剤師 come (its 事業評価 answers
 * いいえ: 「歯科医師・薬剤師の参加は年度内に調整中」, see evaluation.ts). 児玉, whose ledger the demo reads through
 * 読み替え, keeps both clean: an issue on a sheet the 月報 cannot place in a month counts in every month, and its
 * 月報 is compared month by month with its standard ledger's.
 */
const RECORD_HABITS: Readonly<
  Record<HonjoCenterName, { neverAttend: readonly string[]; activities: readonly ActivityMess[]; complaints: readonly ComplaintMess[] }>
> = {
  本庄西: { neverAttend: [], activities: ['kindVariant', 'casesMissing'], complaints: ['reportBeforeReceipt'] },
  本庄東: { neverAttend: [], activities: ['professionVariant', 'participantsWithUnit'], complaints: ['openLong'] },
  本庄南: { neverAttend: ['歯科医師', '薬剤師'], activities: ['professionVariant', 'casesMissing', 'kindVariant'], complaints: [] },
  児玉: { neverAttend: [], activities: [], complaints: [] },
};

/** The center's staff (pseudonyms): who took a consultation, who ran an activity. */
const STAFF: readonly string[] = ['担当A', '担当B', '担当C', '担当D', '担当E'];

export interface SampleWorkbook {
  readonly center: SampleCenter;
  readonly sheets: SampleSheet[];
  readonly planted: PlantedMess[];
}

export function sampleSettings(center: SampleCenter): CellValue[][] {
  return [
    ['項目', '値'],
    ['センター名', `${center.name}地域包括支援センター`],
    ['センターコード', center.code],
    ['都道府県名', '埼玉県'],
    ['市区町村名', '本庄市'],
    ['市外の町村', '上里町、美里町、神川町'],
    ['運営法人名', '社会福祉法人 本庄福祉会'],
    ['集中の警告しきい値', '80%'],
    ['虐待報告の期限日数', 1],
    ['苦情の対応期限日数', 30],
    ['相談内容', ''],
  ];
}

/** The stream a center's sheet draws from: its own, so that a change in how one sheet is made leaves the others as they were. */
function sheetStream(center: SampleCenter, seed: number, sheet: string): ReturnType<typeof seededRandom> {
  return seededRandom(mixSeed(seed, center.code, sheet));
}

/** The 12 months of a sample ending `lastMonth`. */
function sampleMonths(lastMonth: YearMonth): YearMonth[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(lastMonth, i - 11));
}

/**
 * A center's 活動記録 as its workbook holds it, with the mess planted in it, made without the rest of the workbook
 * (a test of the activities over many seeds need not make a year of 相談記録 for each).
 */
export function sampleCenterActivities(
  center: SampleCenter,
  seed: number,
  lastMonth: YearMonth = SAMPLE_LAST_MONTH,
): { sheet: SampleSheet; planted: PlantedMess[] } {
  if (!isHonjoCenterName(center.name)) throw new Error(`not a center of the Honjo sample: ${center.name}`);
  const records = RECORD_HABITS[center.name];
  const random = sheetStream(center, seed, ACTIVITIES_SHEET);
  const activities = sampleActivities({ random, months: sampleMonths(lastMonth), staff: STAFF, neverAttend: records.neverAttend });
  return activitySheet(activities, { random, mess: records.activities });
}

/**
 * A center's workbook for the 12 months ending `lastMonth`: 設定, 相談記録, 委託契約, 委託実績, 活動記録 and 苦情記録, with the mess
 * people type and where each piece of it is. The same seed gives the same workbook; each center draws from
 * its own streams, so four centers given one seed still differ. Across the four centers of HONJO_CENTERS the
 * delegations of the last month give each office of 資料3 its 〇 (see handout-plan.ts).
 */
export function sampleCenterWorkbook(center: SampleCenter, seed: number, lastMonth: YearMonth = SAMPLE_LAST_MONTH): SampleWorkbook {
  if (!isHonjoCenterName(center.name)) throw new Error(`not a center of the Honjo sample: ${center.name}`);
  const habits = CENTER_HABITS[center.name];
  const records = RECORD_HABITS[center.name];
  const stream = (part: string): ReturnType<typeof seededRandom> => sheetStream(center, seed, part);
  const months = sampleMonths(lastMonth);

  const consultationRandom = stream(CONSULTATIONS_SHEET);
  const clean = sampleConsultations({
    random: consultationRandom,
    months,
    perMonth: 220,
    idPrefix: center.idPrefix,
    staff: STAFF,
  });
  const consultations = plantConsultationMess(CONSULTATIONS_SHEET, clean, consultationRandom);

  const contractRandom = stream(CONTRACTS_SHEET);
  const contracts = sampleContracts({ center: center.name, random: contractRandom, lastMonth, overlap: habits.contracts.includes('overlap') });
  const contractMess = contractSheet(contracts, { random: contractRandom, municipalityColumn: habits.municipalityColumn, mess: habits.contracts });

  const delegationRandom = stream(DELEGATIONS_SHEET);
  const delegations = sampleDelegations({ contracts, months, random: delegationRandom });
  const delegationMess = delegationSheet(delegations, { random: delegationRandom, mess: habits.delegations });

  const activityMess = sampleCenterActivities(center, seed, lastMonth);

  const complaintRandom = stream(COMPLAINTS_SHEET);
  const complaints = sampleComplaints({ random: complaintRandom, months });
  const complaintMess = complaintSheet(complaints, { random: complaintRandom, mess: records.complaints });

  return {
    center,
    sheets: [
      { name: SETTINGS_SHEET, rows: sampleSettings(center), widths: [20, 36] },
      { name: CONSULTATIONS_SHEET, rows: consultations.rows },
      contractMess.sheet,
      delegationMess.sheet,
      activityMess.sheet,
      complaintMess.sheet,
      sampleIndicatorSheet(),
      sampleEvaluationSheet(center.name),
    ],
    planted: [...consultations.planted, ...contractMess.planted, ...delegationMess.planted, ...activityMess.planted, ...complaintMess.planted],
  };
}
