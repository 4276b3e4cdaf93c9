import { FAMILY_WORDS } from './consultations';
import * as z from 'zod/mini';
import { isBlankCell } from '../values/cell';
import { choiceList, oneOf } from '../values/choices';
import { addDays, daysBetween, type IsoDate } from '../values/dates';
import { dateWord, dateWords, type OtherChoices, readChoiceField, readDateField, readTextField, type RowReader, rowReader, shown } from '../values/fields';
import type { Issue } from '../issues/issue';
import type { Settings } from './settings';
import type { ColumnSpec, Table } from './table';

/**
 * 苦情記録 (SPEC §2.7; 本庄市 §IV-1(7): complaints are handled by a manual, reported to the city where needed, and
 * recorded with their content and response). 対応 and 内容メモ stay in the center: only counts leave it.
 */
export const COMPLAINTS_SHEET = '苦情記録';

export type ComplaintKey = 'receivedOn' | 'complainant' | 'category' | 'response' | 'closedOn' | 'reportedOn' | 'memo';

/** The columns of 苦情記録 in the order 「シートを準備」 creates them. */
export const COMPLAINT_COLUMNS: readonly ColumnSpec<ComplaintKey>[] = [
  { key: 'receivedOn', header: '受付日', synonyms: ['申出日', '受付年月日'], required: true },
  { key: 'complainant', header: '申出者', synonyms: ['申出人', '申立者', '申し出者', '苦情申出者'], required: true },
  { key: 'category', header: '内容区分', synonyms: ['苦情の区分', '苦情の種類', '分類'], required: true },
  { key: 'response', header: '対応', synonyms: ['対応内容', '対応状況'], required: true },
  { key: 'closedOn', header: '対応完了日', synonyms: ['完了日', '解決日', '対応終了日', '終結日'] },
  { key: 'reportedOn', header: '市への報告日', synonyms: ['市報告日', '市への報告'] },
  { key: 'memo', header: '内容メモ', synonyms: ['メモ', '内容', '備考'] },
];

export const COMPLAINANTS = choiceList(['本人', '家族・親族', '事業所', '地域住民', 'その他'], {
  家族・親族: FAMILY_WORDS,
  事業所: ['介護サービス事業所', 'サービス事業所', '居宅介護支援事業所'],
  地域住民: ['住民', '近隣', '近所'],
});

export const COMPLAINT_CATEGORIES = choiceList(['センターの対応', '職員の態度', '委託先・サービス事業所', 'その他'], {
  センターの対応: ['対応', 'センター対応'],
  職員の態度: ['態度', '接遇', '言葉遣い'],
  '委託先・サービス事業所': ['事業所'],
});

/** A complaint as read from its row (counts only leave the center: 対応 and メモ are not part of it). */
export const ComplaintSchema = z.object({
  row: z.number().check(z.int(), z.positive()),
  receivedOn: z.optional(z.string()),
  complainant: z.optional(z.string()),
  category: z.optional(z.string()),
  closedOn: z.optional(z.string()),
  reportedOn: z.optional(z.string()),
});

export type Complaint = z.infer<typeof ComplaintSchema>;

export interface ComplaintReading {
  readonly complaints: Complaint[];
  readonly issues: Issue[];
}

const DATE_HINT = '日付（例: 2026-10-03）';

/** What a ledger writes in 対応完了日 while a complaint is not closed yet. */
const CLOSED_ON_WORDS = dateWords({ open: ['対応中', '未完了', '未了', '継続中', '継続', '未対応', '調整中', '検討中', '進行中', '未解決', '未'] });

/** Reads and checks every row of 苦情記録. */
export function readComplaints(table: Table<ComplaintKey>, settings: Settings, today: IsoDate): ComplaintReading {
  const issues: Issue[] = [];
  const complaints: Complaint[] = [];
  const complainantHint = oneOf(COMPLAINANTS.values);
  const categoryHint = oneOf(COMPLAINT_CATEGORIES.values);
  // Each choice column tells a word typed in the other one (家族 under 内容区分 is a 申出者).
  const others: OtherChoices<ComplaintKey> = [
    { key: 'complainant', list: COMPLAINANTS },
    { key: 'category', list: COMPLAINT_CATEGORIES },
  ];
  for (const row of table.rows) {
    const r = rowReader(table, COMPLAINT_COLUMNS, row, issues);
    const receivedOn = readDateField(r, 'receivedOn', { required: true, hint: DATE_HINT, today });
    if (receivedOn !== undefined && receivedOn > today) {
      r.report('receivedOn', 'DATE_FUTURE', { title: r.title('receivedOn'), date: receivedOn, today, event: '苦情を受けた日' });
    }
    const complainant = readChoiceField(r, 'complainant', COMPLAINANTS, { required: true, hint: complainantHint, others });
    const category = readChoiceField(r, 'category', COMPLAINT_CATEGORIES, { required: true, hint: categoryHint, others });
    readTextField(r, 'response', { required: true, hint: 'どう対応したか', maxLength: 20000 });
    const openWord = dateWord(r, 'closedOn', CLOSED_ON_WORDS) === 'open';
    if (openWord) r.report('closedOn', 'COMPLAINT_OPEN_WORD', { title: r.title('closedOn'), shown: shown(r.raw('closedOn')) });
    const closedOn = openWord ? undefined : readDateField(r, 'closedOn', { required: false, hint: DATE_HINT, today });
    const reportedOn = readDateField(r, 'reportedOn', { required: false, hint: DATE_HINT, today });
    checkDates(r, receivedOn, closedOn, reportedOn, settings.complaintDeadlineDays, today, openWord);
    readTextField(r, 'memo', { required: false, hint: '文字', maxLength: 20000 });
    complaints.push({ row: row.rowNumber, receivedOn, complainant, category, closedOn, reportedOn } satisfies Complaint);
  }
  return { complaints, issues };
}

/** 対応完了日 and 市への報告日 not before 受付日; a complaint still open past 設定's deadline is a warning. */
function checkDates(
  r: RowReader<ComplaintKey>,
  receivedOn: IsoDate | undefined,
  closedOn: IsoDate | undefined,
  reportedOn: IsoDate | undefined,
  deadlineDays: number,
  today: IsoDate,
  openWord: boolean,
): void {
  if (receivedOn === undefined) return;
  for (const [key, date] of [
    ['closedOn', closedOn],
    ['reportedOn', reportedOn],
  ] as const) {
    if (date !== undefined && date < receivedOn) r.report(key, 'COMPLAINT_DATE_BEFORE_RECEIPT', { title: r.title(key), date, receivedOn });
  }
  // Open only when there is a 対応完了日 column and it is blank, or says so (対応中): a sheet without the column cannot say.
  const open = r.has('closedOn') && closedOn === undefined && (openWord || isBlankCell(r.raw('closedOn') ?? null));
  if (open && daysBetween(receivedOn, today) > deadlineDays) {
    r.report('closedOn', 'COMPLAINT_OPEN_LONG', {
      title: r.title('closedOn'),
      days: daysBetween(receivedOn, today),
      deadlineDays,
      deadline: addDays(receivedOn, deadlineDays),
      ...(openWord ? { shown: shown(r.raw('closedOn')) } : {}),
    });
  }
}

/** Whether a complaint was still open at the end of a day (received by then, not closed by then). */
export function isOpenOn(c: Complaint, day: IsoDate): boolean {
  return c.receivedOn !== undefined && c.receivedOn <= day && (c.closedOn === undefined || c.closedOn > day);
}
