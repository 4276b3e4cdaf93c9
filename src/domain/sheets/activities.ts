import * as z from 'zod/mini';
import { isBlankCell } from '../values/cell';
import { choiceList, oneOf, valueList } from '../values/choices';
import type { IsoDate } from '../values/dates';
import { readChoiceField, readChoicesField, readCountField, readDateField, readTextField, rowReader } from '../values/fields';
import type { Issue } from '../issues/issue';
import type { ColumnSpec, Table } from './table';

/**
 * 活動記録 (SPEC §2.6): one row per meeting, class or event the center holds or joins — what both 運営方針 ask of a
 * center beyond consultations (地域ケア個別会議 with 医師・歯科医師・薬剤師…, 介護支援専門員 support, 介護予防教室),
 * and what the yearly 事業評価 asks about. 名称, 把握した課題 and 担当 stay in the center: they are read for
 * their length only and never reach a report or the payload.
 */
export const ACTIVITIES_SHEET = '活動記録';

export type ActivityKey = 'heldOn' | 'kind' | 'title' | 'participants' | 'professions' | 'cases' | 'findings' | 'staff';

/** The columns of 活動記録 in the order 「シートを準備」 creates them. */
export const ACTIVITY_COLUMNS: readonly ColumnSpec<ActivityKey>[] = [
  { key: 'heldOn', header: '実施日', synonyms: ['開催日', '実施年月日', '開催年月日'], required: true },
  { key: 'kind', header: '種類', synonyms: ['活動の種類', '会議の種類', '活動区分'], required: true },
  { key: 'title', header: '名称', synonyms: ['会議名', '活動名', '件名'] },
  { key: 'participants', header: '参加者数', synonyms: ['参加人数', '人数', '参加者'], required: true },
  { key: 'professions', header: '参加職種', synonyms: ['参加者の職種', '出席職種'] },
  { key: 'cases', header: '検討事例数', synonyms: ['事例数', '検討件数', '検討ケース数'] },
  { key: 'findings', header: '把握した課題', synonyms: ['課題', '地域課題', '把握した地域課題'] },
  { key: 'staff', header: '担当', synonyms: ['担当者'] },
];

/** 地域ケア個別会議: the kind whose cases and professions the 月報 and 事業評価 count. */
export const INDIVIDUAL_MEETING = '地域ケア個別会議';
export const CARE_MANAGER_SUPPORT = '介護支援専門員支援（事例検討会・勉強会・情報交換会）';
export const PREVENTION_CLASS = '介護予防教室・講座';
export const PROMOTION_MEETING = '地域ケア推進会議';
export const SUPPORTER_COURSE = '認知症サポーター養成講座';

export const ACTIVITY_KINDS = choiceList(
  [INDIVIDUAL_MEETING, PROMOTION_MEETING, CARE_MANAGER_SUPPORT, PREVENTION_CLASS, SUPPORTER_COURSE, 'ネットワーク連絡会・地域の会議', '職員研修', 'その他'],
  {
    [INDIVIDUAL_MEETING]: [
      '個別会議',
      '地域ケア会議（個別）',
      '個別ケア会議',
      '地域ケア個別会議（自立支援型）',
      '自立支援型地域ケア会議',
      '自立支援型個別会議',
    ],
    [PROMOTION_MEETING]: ['推進会議', '地域ケア会議（推進）'],
    [CARE_MANAGER_SUPPORT]: ['介護支援専門員支援', 'ケアマネ支援', '事例検討会', '勉強会', '情報交換会', 'ケアマネ勉強会', 'ケアマネ情報交換会'],
    [PREVENTION_CLASS]: ['教室', '元気あっぷ教室', '介護予防講座', '健康講座'],
    [SUPPORTER_COURSE]: ['サポーター養成講座', '認知症サポーター講座'],
    'ネットワーク連絡会・地域の会議': ['連絡会', '地域会議', 'ネットワーク会議'],
    職員研修: ['研修', '内部研修'],
  },
);

/** The professions that may attend (参加職種, several in one cell). */
export const PARTICIPANT_PROFESSIONS = choiceList(
  [
    '医師',
    '歯科医師',
    '薬剤師',
    '管理栄養士',
    '歯科衛生士',
    '理学療法士',
    '作業療法士',
    '言語聴覚士',
    '看護師',
    '介護支援専門員',
    '介護サービス事業所',
    '民生委員',
    '生活支援コーディネーター',
    '市職員',
    '住民',
    'その他',
  ],
  {
    医師: ['医', 'Dr', 'ドクター', '主治医'],
    歯科医師: ['歯科医', '歯科'],
    薬剤師: ['薬局'],
    管理栄養士: ['栄養士'],
    理学療法士: ['PT'],
    作業療法士: ['OT'],
    言語聴覚士: ['ST'],
    看護師: ['Ns', '訪問看護'],
    介護支援専門員: ['ケアマネ', 'ケアマネジャー', 'CM'],
    介護サービス事業所: ['サービス事業所', '事業所'],
    民生委員: ['民生', '民生・児童委員'],
    生活支援コーディネーター: ['SC', '生活支援CO'],
    市職員: ['市', '行政', '市役所'],
    住民: ['地域住民', '自治会'],
  },
);

/** An activity as read from its row; what could not be read is undefined (counted under 未分類). */
export const ActivitySchema = z.object({
  row: z.number().check(z.int(), z.positive()),
  heldOn: z.optional(z.string()),
  kind: z.optional(z.string()),
  participants: z.optional(z.number().check(z.int(), z.gte(0))),
  /** The standard professions named in 参加職種, each once. */
  professions: z.array(z.string()),
  cases: z.optional(z.number().check(z.int(), z.gte(0))),
});

export type Activity = z.infer<typeof ActivitySchema>;

export interface ActivityReading {
  readonly activities: Activity[];
  readonly issues: Issue[];
}

const DATE_HINT = '日付（例: 2026-10-03）';
const KIND_HINT = oneOf(ACTIVITY_KINDS.values);
const PROFESSIONS_HINT = `${valueList(PARTICIPANT_PROFESSIONS.values)}から、「、」区切りで`;

/** Reads and checks every row of 活動記録. */
export function readActivities(table: Table<ActivityKey>, today: IsoDate): ActivityReading {
  const issues: Issue[] = [];
  const activities: Activity[] = [];
  for (const row of table.rows) {
    const r = rowReader(table, ACTIVITY_COLUMNS, row, issues);
    const heldOn = readDateField(r, 'heldOn', { required: true, hint: DATE_HINT, today });
    if (heldOn !== undefined && heldOn > today) {
      r.report('heldOn', 'DATE_FUTURE', { title: r.title('heldOn'), date: heldOn, today, event: '実施した日' });
    }
    const kind = readChoiceField(r, 'kind', ACTIVITY_KINDS, { required: true, hint: KIND_HINT });
    readTextField(r, 'title', { required: false, hint: '名称', maxLength: 200 });
    const participants = readCountField(r, 'participants', { required: true, hint: '参加した人数（例: 12）' });
    const professions = readChoicesField(r, 'professions', PARTICIPANT_PROFESSIONS, { required: false, hint: PROFESSIONS_HINT });
    const cases = readCountField(r, 'cases', { required: false, hint: '検討した事例の数（例: 2）' });
    if (kind === INDIVIDUAL_MEETING && cases === undefined && isBlankCell(r.raw('cases') ?? null)) {
      r.report('cases', 'ACTIVITY_CASES_MISSING', { title: r.title('cases'), columnMissing: !r.has('cases') });
    }
    readTextField(r, 'findings', { required: false, hint: '文字', maxLength: 20000 });
    readTextField(r, 'staff', { required: false, hint: '文字', maxLength: 200 });
    activities.push({ row: row.rowNumber, heldOn, kind, participants, professions, cases } satisfies Activity);
  }
  return { activities, issues };
}
