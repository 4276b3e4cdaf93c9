import { ACTIVITY_COLUMNS } from '../../src/domain/sheets/activities';
import { COMPLAINT_COLUMNS } from '../../src/domain/sheets/complaints';
import { jst } from './center';

/**
 * A center's October 2026 in 活動記録 and 苦情記録, as a person types it into Sheets (dates as Dates in Japan
 * time), with distinctive strings planted in every column that stays in the center (名称, 把握した課題, 担当,
 * 対応, 内容メモ), and the 月報 section 9 and payload figures counted by hand. Both adapters' tests use it.
 */
export const ACTIVITY_HEADER = ACTIVITY_COLUMNS.map((c) => c.header);
export const COMPLAINT_HEADER = COMPLAINT_COLUMNS.map((c) => c.header);

export const PLANTED = {
  名称: '秘密の会議名（佐藤様宅の件）',
  把握した課題: '秘密の課題：鈴木さんの長男が通帳を管理',
  担当: '秘密担当 花子',
  対応: '秘密の対応：田中様に電話で謝罪',
  内容メモ: '秘密の苦情メモ：隣家の騒音 090-1111-2222',
  /** A person's words where 種類 belongs: counted under 未分類, never shown. */
  種類: '秘密の種類（山田様の見守り）',
};
export const SECRETS = Object.values(PLANTED);

function rowOf(header: readonly string[], values: Record<string, unknown>): unknown[] {
  return header.map((h) => values[h] ?? '');
}

const activity = (values: Record<string, unknown>): unknown[] => rowOf(ACTIVITY_HEADER, values);
const complaint = (values: Record<string, unknown>): unknown[] => rowOf(COMPLAINT_HEADER, values);

export const ACTIVITY_ROWS: unknown[][] = [
  ACTIVITY_HEADER,
  activity({
    実施日: jst('2026-10-02'),
    種類: '地域ケア個別会議',
    名称: PLANTED.名称,
    参加者数: 14,
    参加職種: '医師、薬剤師、民生委員',
    検討事例数: 2,
    把握した課題: PLANTED.把握した課題,
    担当: PLANTED.担当,
  }),
  // A variant of the kind (a warning), two professions separated by a comma.
  activity({ 実施日: jst('2026-10-16'), 種類: '個別会議', 名称: PLANTED.名称, 参加者数: 11, 参加職種: '医師,歯科衛生士', 検討事例数: 1 }),
  activity({ 実施日: jst('2026-10-20'), 種類: '介護予防教室・講座', 名称: PLANTED.名称, 参加者数: 23, 把握した課題: PLANTED.把握した課題 }),
  // Not a kind: an error, counted under 未分類.
  activity({ 実施日: jst('2026-10-21'), 種類: PLANTED.種類, 参加者数: 6, 担当: PLANTED.担当 }),
  // Other months.
  activity({ 実施日: jst('2026-09-21'), 種類: '職員研修', 参加者数: 50 }),
  activity({ 実施日: jst('2026-11-01'), 種類: '地域ケア推進会議', 参加者数: 40 }),
];

export const COMPLAINT_ROWS: unknown[][] = [
  COMPLAINT_HEADER,
  complaint({
    受付日: jst('2026-10-05'),
    申出者: '本人',
    内容区分: 'センターの対応',
    対応: PLANTED.対応,
    対応完了日: jst('2026-10-25'),
    市への報告日: jst('2026-10-06'),
    内容メモ: PLANTED.内容メモ,
  }),
  // Received in October, still open.
  complaint({ 受付日: jst('2026-10-12'), 申出者: '家族・親族', 内容区分: '職員の態度', 対応: PLANTED.対応, 内容メモ: PLANTED.内容メモ }),
  // Received in August, still open: open at the end of October too.
  complaint({ 受付日: jst('2026-08-01'), 申出者: '事業所', 内容区分: 'その他', 対応: PLANTED.対応 }),
  // September's, closed and reported in September.
  complaint({
    受付日: jst('2026-09-10'),
    申出者: '地域住民',
    内容区分: '委託先・サービス事業所',
    対応: PLANTED.対応,
    対応完了日: jst('2026-09-20'),
    市への報告日: jst('2026-09-11'),
  }),
];

/** 月報 section 9 for October 2026 as its rows read, blank rows left out. */
export const SECTION_NINE: unknown[][] = [
  ['活動の種類', '件数', '参加者数'],
  ['地域ケア個別会議', 2, 25],
  ['地域ケア推進会議', 0, 0],
  ['介護支援専門員支援（事例検討会・勉強会・情報交換会）', 0, 0],
  ['介護予防教室・講座', 1, 23],
  ['認知症サポーター養成講座', 0, 0],
  ['ネットワーク連絡会・地域の会議', 0, 0],
  ['職員研修', 0, 0],
  ['その他', 0, 0],
  ['未分類', 1, 6],
  ['計', 4, 54],
  ['地域ケア個別会議', '件数'],
  ['開催回数', 2],
  ['検討事例数', 3],
  ['参加職種（地域ケア個別会議）', '参加した回数'],
  ['医師', 2],
  ['歯科医師', 0],
  ['薬剤師', 1],
  ['管理栄養士', 0],
  ['歯科衛生士', 1],
  ['理学療法士', 0],
  ['作業療法士', 0],
  ['言語聴覚士', 0],
  ['看護師', 0],
  ['介護支援専門員', 0],
  ['介護サービス事業所', 0],
  ['民生委員', 1],
  ['生活支援コーディネーター', 0],
  ['市職員', 0],
  ['住民', 0],
  ['その他', 0],
  ['苦情', '件数'],
  ['この月に受け付けた', 2],
  ['月末に対応中（前の月からの分を含む）', 2],
  ['この月に市へ報告した', 1],
];

export const SECTION_TITLE = '■ 9. 活動・苦情';

/**
 * The rows after section 9's title, up to the end of the sheet, with empty cells and blank rows left out (each
 * adapter reads trailing empties its own way: '', null or nothing).
 */
export function sectionNine(rows: readonly (readonly unknown[])[]): unknown[][] {
  const at = rows.findIndex((r) => r[0] === SECTION_TITLE);
  if (at < 0) throw new Error(`no「${SECTION_TITLE}」in the 月報`);
  return rows
    .slice(at + 1)
    .map((r) => r.filter((v) => v !== '' && v !== null && v !== undefined))
    .filter((r) => r.length > 0);
}

/** The payload's figures for the same month. */
export const PAYLOAD_ACTIVITIES = {
  byType: [
    { type: '地域ケア個別会議', count: 2, participants: 25 },
    { type: '地域ケア推進会議', count: 0, participants: 0 },
    { type: '介護支援専門員支援（事例検討会・勉強会・情報交換会）', count: 0, participants: 0 },
    { type: '介護予防教室・講座', count: 1, participants: 23 },
    { type: '認知症サポーター養成講座', count: 0, participants: 0 },
    { type: 'ネットワーク連絡会・地域の会議', count: 0, participants: 0 },
    { type: '職員研修', count: 0, participants: 0 },
    { type: 'その他', count: 0, participants: 0 },
    { type: '未分類', count: 1, participants: 6 },
  ],
  careMeetings: {
    count: 2,
    cases: 3,
    professions: {
      医師: 2,
      歯科医師: 0,
      薬剤師: 1,
      管理栄養士: 0,
      歯科衛生士: 1,
      理学療法士: 0,
      作業療法士: 0,
      言語聴覚士: 0,
      看護師: 0,
      介護支援専門員: 0,
      介護サービス事業所: 0,
      民生委員: 1,
      生活支援コーディネーター: 0,
      市職員: 0,
      住民: 0,
      その他: 0,
    },
  },
  undatedRows: 0,
};
export const PAYLOAD_COMPLAINTS = { count: 2, open: 2, reported: 1, undatedRows: 0 };

/** 市集計's 活動・苦情 rows for one center that sent this month (its column, then 計). */
export function cityRows(center: string): unknown[][] {
  return [
    ['項目', center, '計'],
    ['地域ケア個別会議 開催回数', 2, 2],
    ['　検討事例数', 3, 3],
    ['活動 件数（すべての種類）', 4, 4],
    ['活動 参加者数', 54, 54],
    ['苦情 受付件数', 2, 2],
    ['苦情 月末に対応中', 2, 2],
    ['苦情 市へ報告', 1, 1],
  ];
}
