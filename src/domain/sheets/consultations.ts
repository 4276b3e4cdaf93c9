import * as z from 'zod/mini';
import { type ChoiceList, choiceList, oneOf } from '../values/choices';
import { addDays, daysBetween, type IsoDate } from '../values/dates';
import { isBlankCell } from '../values/cell';
import { type OtherChoices, type RowReader, readCheckboxField, readChoiceField, readDateField, readTextField, rowReader, shown } from '../values/fields';
import type { Issue } from '../issues/issue';
import type { Settings } from './settings';
import type { ColumnSpec, Table } from './table';

export const CONSULTATIONS_SHEET = '相談記録';

export type ConsultationKey =
  | 'receivedOn'
  | 'personId'
  | 'caseType'
  | 'method'
  | 'requester'
  | 'businessArea'
  | 'topic'
  | 'dementia'
  | 'afterHours'
  | 'profession'
  | 'action'
  | 'referredOffice'
  | 'referralReason'
  | 'reportedOn'
  | 'staff'
  | 'personName'
  | 'memo';

/** The columns of 相談記録 in the order 「シートを準備」 creates them (SPEC §2.1). */
export const CONSULTATION_COLUMNS: readonly ColumnSpec<ConsultationKey>[] = [
  { key: 'receivedOn', header: '受付日', synonyms: ['相談日', '年月日', '受付年月日', '相談年月日'], required: true },
  {
    key: 'personId',
    header: '相談者ID',
    synonyms: ['対象者ID', 'ケース番号', '相談者番号', '利用者番号', '利用者ID'],
    required: true,
  },
  { key: 'caseType', header: '新規/継続', synonyms: ['区分', '新規・継続', '新規継続'], required: true },
  { key: 'method', header: '相談方法', synonyms: ['対応方法', '受付方法', '相談形態', '相談手段'], required: true },
  { key: 'requester', header: '相談者', synonyms: ['相談経路', '相談者区分', '相談者種別'], required: true },
  { key: 'businessArea', header: '業務区分', required: true },
  { key: 'topic', header: '相談内容', synonyms: ['相談種別', '相談内容区分'], required: true },
  { key: 'dementia', header: '認知症関連', synonyms: ['認知症の有無'] },
  { key: 'afterHours', header: '夜間休日', synonyms: ['夜間・休日', '休日夜間'] },
  { key: 'profession', header: '対応職種', synonyms: ['担当職種'], required: true },
  { key: 'action', header: '対応内容', synonyms: ['支援内容'], required: true },
  { key: 'referredOffice', header: '紹介事業所', synonyms: ['紹介先事業所'] },
  { key: 'referralReason', header: '紹介理由' },
  { key: 'reportedOn', header: '市への報告日', synonyms: ['市報告日', '市への報告'] },
  { key: 'staff', header: '担当者', synonyms: ['対応者'] },
  { key: 'personName', header: '氏名', synonyms: ['相談者氏名', '利用者氏名', '対象者氏名', '本人氏名'] },
  { key: 'memo', header: '内容メモ', synonyms: ['メモ', '備考', '相談概要', '経過'] },
];

export const CASE_TYPES = choiceList(['新規', '継続'], { 新規: ['新', '初回'], 継続: ['継', '再', '再相談'] });

export const METHODS = choiceList(['電話', '来所', '訪問', 'メール・FAX', 'その他'], {
  電話: ['TEL', 'tel', '電話相談', 'でんわ', '携帯', '架電'],
  来所: ['来庁', '来所相談', '窓口', '来訪'],
  訪問: ['訪問相談', '自宅訪問', '家庭訪問'],
  'メール・FAX': ['ファックス', 'ファクス', 'Eメール', 'mail', 'メール/FAX', 'メールFAX'],
});

/**
 * What a ledger writes for 家族・親族: the relation, more often than the word 家族 (who called, who complained is
 * what it notes). 相談者 and 苦情の申出者 read the same words.
 */
const RELATIONS: readonly string[] = [
  '家族親族',
  '子',
  '配偶者',
  '妻',
  '夫',
  '長男',
  '次男',
  '三男',
  '長女',
  '次女',
  '三女',
  '息子',
  '娘',
  '嫁',
  '婿',
  '孫',
  '兄',
  '弟',
  '姉',
  '妹',
  '兄弟',
  '姉妹',
  '甥',
  '姪',
  '親戚',
  '親類',
];

/** Whose relation a ledger says it is: 本人の長男, 利用者の家族, 対象者の妻. */
const WHOSE = ['本人', '利用者', '対象者'];

export const FAMILY_WORDS: readonly string[] = [...RELATIONS, ...WHOSE.flatMap((whose) => ['家族', ...RELATIONS].map((relation) => `${whose}の${relation}`))];

export const REQUESTERS = choiceList(['本人', '家族・親族', '民生委員', '介護支援専門員', '医療機関', '近隣・知人', '行政', 'その他関係機関', 'その他'], {
  家族・親族: FAMILY_WORDS,
  介護支援専門員: ['ケアマネ', 'ケアマネジャー', 'ケアマネージャー', 'CM', '居宅介護支援事業所'],
  医療機関: ['病院', '医療', '診療所', 'クリニック', 'MSW', '病院MSW', '医療ソーシャルワーカー', '地域連携室', '医療相談室'],
  近隣・知人: ['友人', '近所', '地域住民', '住民', '近所の人'],
  行政: ['市', '市役所', '行政機関', '役所'],
  民生委員: ['民生', '民生・児童委員'],
});

export const BUSINESS_AREAS = choiceList(['総合相談支援', '権利擁護', '介護予防ケアマネジメント', '包括的・継続的ケアマネジメント支援'], {
  総合相談支援: ['総合相談'],
  介護予防ケアマネジメント: ['介護予防ケアマネ', '予防ケアマネジメント'],
  '包括的・継続的ケアマネジメント支援': ['包括的継続的ケアマネジメント', '包括的・継続的ケアマネジメント', '包括的継続的ケアマネジメント支援'],
});

export const PROFESSIONS = choiceList(
  ['保健師等', '社会福祉士等', '主任介護支援専門員等', '認知症地域支援推進員', '生活支援コーディネーター', '事務・その他'],
  {
    保健師等: ['保健師', '看護師', 'PHN', 'Ns'],
    社会福祉士等: ['社会福祉士', 'SW', 'ソーシャルワーカー'],
    主任介護支援専門員等: ['主任介護支援専門員', '主任ケアマネ', '主任CM'],
    生活支援コーディネーター: ['SC', '生活支援CO'],
  },
);

export const ACTIONS = choiceList(['情報提供・助言', 'サービス調整', '関係機関へつなぎ', '訪問・実態把握', '継続支援', 'その他'], {
  情報提供・助言: ['情報提供助言'],
  関係機関へつなぎ: ['つなぎ', 'つなぐ', '関係機関につなぎ', '関係機関へのつなぎ', '関係機関へつなぐ', '関係機関につなぐ', '関係機関へ連絡', '関係機関に連絡'],
  継続支援: ['継続', '継続的支援', '継続フォロー'],
});

/**
 * Variants of the default topics, for those a city's own list keeps; its own topics match as they are written,
 * or by one of their ・ parts (after widths and spaces).
 */
const TOPIC_VARIANTS: Record<string, readonly string[]> = {
  虐待: ['高齢者虐待', '虐待疑い', '虐待の疑い'],
  認知症: ['認知症相談'],
  介護保険サービス: ['介護保険', '介護サービス'],
  '医療・入退院': ['入院', '退院', '受診', '通院'],
  住まい: ['住宅', '住居', '転居'],
  '生活困窮・経済': ['生活保護', '困窮'],
};

/** 相談内容 that starts the abuse-reporting rule. */
export const ABUSE_TOPIC = '虐待';

/**
 * A consultation as read from its row. Fields that were missing or unreadable are undefined: the report
 * counts such a row under 未分類 rather than dropping it.
 */
export const ConsultationSchema = z.object({
  row: z.number().check(z.int(), z.positive()),
  receivedOn: z.optional(z.string()),
  personId: z.optional(z.string()),
  caseType: z.optional(z.enum(['新規', '継続'])),
  method: z.optional(z.string()),
  requester: z.optional(z.string()),
  businessArea: z.optional(z.string()),
  topic: z.optional(z.string()),
  dementia: z.boolean(),
  afterHours: z.boolean(),
  profession: z.optional(z.string()),
  action: z.optional(z.string()),
  referredOffice: z.optional(z.string()),
  reportedOn: z.optional(z.string()),
});

export type Consultation = z.infer<typeof ConsultationSchema>;

export interface ConsultationReading {
  readonly consultations: Consultation[];
  readonly issues: Issue[];
}

const HINTS = {
  date: '日付（例: 2026-10-03）',
  personId: '相談者ID（個人名ではなく番号）',
  referralReason: '紹介した理由（複数の事業所から選んだ経緯など）',
} as const;

/**
 * Reads and checks every row of 相談記録 (SPEC §2.1). `today` is the date in Asia/Tokyo, given by the
 * adapter so the rule "not in the future" does not depend on the machine's clock or zone.
 */
export function readConsultations(table: Table<ConsultationKey>, settings: Settings, today: IsoDate): ConsultationReading {
  const issues: Issue[] = [];
  const consultations: Consultation[] = [];
  const topics = choiceList(settings.consultationTopics, TOPIC_VARIANTS);
  // Options built once: a check of 100,000 rows should not join the same lists 100,000 times.
  // The sheet's choice columns, each told when a word typed in another one is its choice.
  const others: OtherChoices<ConsultationKey> = [
    { key: 'caseType', list: CASE_TYPES },
    { key: 'method', list: METHODS },
    { key: 'requester', list: REQUESTERS },
    { key: 'businessArea', list: BUSINESS_AREAS },
    { key: 'topic', list: topics },
    { key: 'profession', list: PROFESSIONS },
    { key: 'action', list: ACTIONS },
  ];
  const choice = (list: ChoiceList) => ({ required: true, hint: oneOf(list.values), others });
  const opts = {
    caseType: choice(CASE_TYPES),
    method: choice(METHODS),
    requester: choice(REQUESTERS),
    area: choice(BUSINESS_AREAS),
    topic: choice(topics),
    profession: choice(PROFESSIONS),
    action: choice(ACTIONS),
  };
  for (const row of table.rows) {
    const r = rowReader(table, CONSULTATION_COLUMNS, row, issues);
    const receivedOn = readDateField(r, 'receivedOn', { required: true, hint: HINTS.date, today });
    if (receivedOn !== undefined && receivedOn > today) {
      r.report('receivedOn', 'DATE_FUTURE', { title: r.title('receivedOn'), date: receivedOn, today });
    }
    const personId = readTextField(r, 'personId', { required: true, hint: HINTS.personId, maxLength: 100, halfWidth: true });
    const caseType = readChoiceField(r, 'caseType', CASE_TYPES, opts.caseType);
    const method = readChoiceField(r, 'method', METHODS, opts.method);
    const requester = readChoiceField(r, 'requester', REQUESTERS, opts.requester);
    const businessArea = readChoiceField(r, 'businessArea', BUSINESS_AREAS, opts.area);
    const topic = readChoiceField(r, 'topic', topics, opts.topic);
    const dementia = readCheckboxField(r, 'dementia');
    const afterHours = readCheckboxField(r, 'afterHours');
    const profession = readChoiceField(r, 'profession', PROFESSIONS, opts.profession);
    const action = readChoiceField(r, 'action', ACTIONS, opts.action);
    const referredOffice = readTextField(r, 'referredOffice', { required: false, hint: '紹介した事業所名', maxLength: 200 });
    const referralReason = readTextField(r, 'referralReason', { required: false, hint: HINTS.referralReason, maxLength: 2000 });
    if (referredOffice !== undefined && referralReason === undefined && isBlankCell(r.raw('referralReason'))) {
      r.report('referralReason', 'REFERRAL_REASON_MISSING', {
        office: shown(referredOffice),
        title: r.title('referralReason'),
        columnMissing: !r.has('referralReason'),
        hint: HINTS.referralReason,
      });
    }
    const reportedOn = readDateField(r, 'reportedOn', { required: false, hint: HINTS.date, today });
    checkAbuseReport(r, topic, receivedOn, reportedOn, settings.abuseReportDays);
    for (const key of ['staff', 'personName'] as const) readTextField(r, key, { required: false, hint: '文字', maxLength: 200 });
    readTextField(r, 'memo', { required: false, hint: '文字', maxLength: 20000 });
    // Every field was read and checked above: typed by the compiler, not parsed again by zod for each row (#16).
    consultations.push({
      row: row.rowNumber,
      receivedOn,
      personId,
      caseType: caseType as Consultation['caseType'],
      method,
      requester,
      businessArea,
      topic,
      dementia,
      afterHours,
      profession,
      action,
      referredOffice,
      reportedOn,
    } satisfies Consultation);
  }
  return { consultations, issues };
}

function checkAbuseReport(
  r: RowReader<ConsultationKey>,
  topic: string | undefined,
  receivedOn: IsoDate | undefined,
  reportedOn: IsoDate | undefined,
  allowedDays: number,
): void {
  if (topic !== ABUSE_TOPIC) return;
  const title = r.title('reportedOn');
  if (reportedOn === undefined) {
    if (isBlankCell(r.raw('reportedOn'))) {
      r.report('reportedOn', 'ABUSE_REPORT_MISSING', { title, allowedDays, columnMissing: !r.has('reportedOn') });
    }
    return;
  }
  if (receivedOn === undefined) return;
  if (reportedOn < receivedOn) {
    r.report('reportedOn', 'ABUSE_REPORT_BEFORE_RECEIPT', { title, reportedOn, receivedOn });
  } else if (daysBetween(receivedOn, reportedOn) > allowedDays) {
    r.report('reportedOn', 'ABUSE_REPORT_LATE', { days: daysBetween(receivedOn, reportedOn), allowedDays, deadline: addDays(receivedOn, allowedDays) });
  }
}

export function checkConsultations(table: Table<ConsultationKey>, settings: Settings, today: IsoDate): Issue[] {
  return readConsultations(table, settings, today).issues;
}
