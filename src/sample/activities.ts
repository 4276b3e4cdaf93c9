import type { CellValue } from '../domain/values/cell';
import {
  ACTIVITIES_SHEET,
  ACTIVITY_COLUMNS,
  ACTIVITY_KINDS,
  type ActivityKey,
  CARE_MANAGER_SUPPORT,
  INDIVIDUAL_MEETING,
  PARTICIPANT_PROFESSIONS,
  PREVENTION_CLASS,
} from '../domain/sheets/activities';
import { COMPLAINANTS, COMPLAINT_CATEGORIES, COMPLAINT_COLUMNS, type ComplaintKey, COMPLAINTS_SHEET } from '../domain/sheets/complaints';
import type { IssueCode } from '../domain/issues/issue';
import { addDays, type IsoDate } from '../domain/values/dates';
import { addMonths, firstDay, lastDay, monthOf, type YearMonth } from '../domain/values/months';
import type { Random } from './random';
import { layOut, type PlantedMess, type PlantedSheet } from './sheet';
import { headerOf } from './typing';

/**
 * 活動記録 and 苦情記録 of a sample center: a year of the meetings, classes and events both 運営方針 ask for, and
 * the few complaints a center receives, written as office staff keep them. 名称, 把握した課題, 対応 and 内容メモ
 * are plausible sentences with no person in them; they stay in the center like every such cell.
 */

/** A kind of 活動記録 by its standard name; throws when the domain's list no longer has it, so the sample never drifts. */
function kindNamed(name: string): string {
  if (!ACTIVITY_KINDS.values.includes(name)) throw new Error(`not a kind of 活動記録: ${name}`);
  return name;
}

const PROMOTION_MEETING = kindNamed('地域ケア推進会議');
const SUPPORTER_COURSE = kindNamed('認知症サポーター養成講座');
const NETWORK_MEETING = kindNamed('ネットワーク連絡会・地域の会議');
const STAFF_TRAINING = kindNamed('職員研修');

export interface SampleActivity {
  readonly heldOn: IsoDate;
  readonly kind: string;
  readonly title: string;
  readonly participants: number;
  /** Standard professions, in the order of PARTICIPANT_PROFESSIONS. */
  readonly professions: readonly string[];
  /** For 地域ケア個別会議 only. */
  readonly cases?: number;
  readonly findings: string;
  readonly staff: string;
  readonly venue: string;
}

export interface ActivitySampleOptions {
  readonly random: Random;
  readonly months: readonly YearMonth[];
  /** Staff who run the activities (pseudonyms). */
  readonly staff: readonly string[];
  /** Professions that never attend this center's activities (本庄南: 歯科医師・薬剤師, as its 事業評価 says). */
  readonly neverAttend: readonly string[];
}

/** Each profession and how often it attends one kind of meeting. */
type Odds = readonly (readonly [string, number])[];

const INDIVIDUAL_ODDS: Odds = [
  ['医師', 0.55],
  ['歯科医師', 0.25],
  ['薬剤師', 0.35],
  ['管理栄養士', 0.35],
  ['歯科衛生士', 0.3],
  ['理学療法士', 0.6],
  ['作業療法士', 0.2],
  ['介護支援専門員', 1],
  ['介護サービス事業所', 0.5],
  ['民生委員', 0.6],
  ['生活支援コーディネーター', 0.4],
  ['市職員', 0.8],
];
const PROMOTION_ODDS: Odds = [
  ['医師', 0.9],
  ['歯科医師', 0.7],
  ['薬剤師', 0.7],
  ['介護支援専門員', 1],
  ['介護サービス事業所', 0.8],
  ['民生委員', 1],
  ['生活支援コーディネーター', 1],
  ['市職員', 1],
  ['住民', 0.6],
];
const NETWORK_ODDS: Odds = [
  ['医師', 0.1],
  ['介護サービス事業所', 0.5],
  ['民生委員', 1],
  ['生活支援コーディネーター', 0.9],
  ['市職員', 0.8],
  ['住民', 0.7],
];

const INDIVIDUAL_FINDINGS = [
  '独居で買い物に行けない方が多く、移動販売の来ない地区がある',
  '服薬の自己管理が難しい独居の方が増えている。かかりつけ薬局との連携が課題',
  '口腔機能の低下に本人も家族も気づきにくく、歯科受診につながりにくい',
  '退院直後の生活を支える訪問の担い手が足りない',
  '通いの場まで歩いて行けない地区があり、送迎の仕組みがない',
  'ゴミ出しが難しい高齢者世帯への支援が地区によって違う',
  '認知症の方の一人歩きを地域で見守る仕組みが弱い',
  '低栄養の傾向がある方が多く、配食サービスの選択肢が少ない',
  '家族の介護負担が大きく、相談先を知らない世帯がある',
];
const PROMOTION_FINDINGS = [
  '個別会議で続けて挙がった移動手段の不足を、市の協議体に提言することにした',
  '見守りネットワークの協力事業所を増やす方針を確認した',
  '買い物支援の担い手として、住民ボランティアの養成を検討する',
];
const CARE_MANAGER_EVENTS: readonly { readonly titles: readonly string[]; readonly odds: Odds; readonly findings: readonly string[] }[] = [
  {
    titles: ['主任介護支援専門員による事例検討会'],
    odds: [
      ['介護支援専門員', 1],
      ['介護サービス事業所', 0.3],
    ],
    findings: ['身寄りのない方の入院時の対応に困っている事業所が多い', '支援を拒む方への関わり方で悩むケアマネジャーが多い', ''],
  },
  {
    titles: [
      'ケアマネ勉強会「医療と介護の連携」',
      'ケアマネ勉強会「服薬管理と多職種連携」',
      'ケアマネ勉強会「口腔ケアの基本」',
      'ケアマネ勉強会「成年後見制度の使い方」',
    ],
    odds: [
      ['医師', 0.3],
      ['薬剤師', 0.3],
      ['歯科衛生士', 0.3],
      ['介護支援専門員', 1],
    ],
    findings: ['', ''],
  },
  {
    titles: ['居宅介護支援事業所との情報交換会'],
    odds: [
      ['介護支援専門員', 1],
      ['市職員', 0.5],
    ],
    findings: ['医療機関との連絡の取り方が事業所によって違う', '福祉用具の選び方の相談が多い', ''],
  },
];
/** 介護予防教室・講座 and who leads each (本庄市 holds its own 教室; 山形市 calls them 元気あっぷ教室). */
const CLASSES: readonly { readonly title: string; readonly leaders: readonly string[] }[] = [
  { title: '介護予防教室（いきいき百歳体操）', leaders: ['理学療法士'] },
  { title: '介護予防教室（転倒予防）', leaders: ['理学療法士'] },
  { title: 'お口の健康教室', leaders: ['歯科衛生士'] },
  { title: '栄養改善教室', leaders: ['管理栄養士'] },
  { title: '脳の健康教室', leaders: ['作業療法士'] },
  { title: '介護予防講座「フレイルを防ぐ」', leaders: ['理学療法士', '管理栄養士', '歯科衛生士'] },
  { title: '健康長寿講座', leaders: ['看護師'] },
];
const CLASS_FINDINGS = ['男性の参加が少ない', '参加者が固定化している', '会場まで来られない方がいる', '自宅でできる体操の資料を求める声が多い'];
const SUPPORTER_TITLES = [
  '認知症サポーター養成講座（自治会）',
  '認知症サポーター養成講座（市内の商店・金融機関）',
  '認知症サポーター養成講座（小学校）',
  '認知症サポーター養成講座（老人クラブ）',
];
const NETWORK_TITLES = ['地域見守りネットワーク連絡会', '民生委員・児童委員協議会との連絡会', '生活支援体制整備 第2層協議体'];
const NETWORK_FINDINGS = ['新聞や郵便物がたまっている家の連絡先を確認した', '災害時に支援が要る方の名簿の更新が遅れている', ''];
const TRAINING_TITLES = ['虐待対応研修（センター内）', '個人情報の取扱い研修（センター内）'];
const VENUES = ['地区公民館', 'センター会議室', '地区の集会所', '市役所会議室', '保健センター'];

/** The months (1–12) of the kinds held a few times a year. */
const PROMOTION_MONTHS = [7, 11, 2];
const SUPPORTER_MONTHS = [6, 10, 1];
const NETWORK_MONTHS = [5, 8, 11, 2];
const TRAINING_MONTHS = [6, 12];
/** 埼玉県's first 緊急事態宣言 (2020-04-07 to 05-25) stopped the classes; the meetings went on. */
const CLASSES_PAUSED: ReadonlySet<YearMonth> = new Set(['2020-04', '2020-05']);

const monthNumber = (ym: YearMonth): number => Number(ym.slice(5, 7));

function dayIn(rnd: Random, ym: YearMonth): IsoDate {
  const days = Number(lastDay(ym).slice(8, 10));
  return addDays(firstDay(ym), rnd.int(0, days - 1));
}

/** The first month of the 年度 (April) that `ym` falls in. */
function fiscalStart(ym: YearMonth): YearMonth {
  return `${monthNumber(ym) >= 4 ? ym.slice(0, 4) : String(Number(ym.slice(0, 4)) - 1)}-04`;
}

/** Professions in the order of the standard list, each once. */
function inListOrder(professions: Iterable<string>): string[] {
  const set = new Set(professions);
  return PARTICIPANT_PROFESSIONS.values.filter((p) => set.has(p));
}

/**
 * 活動記録 rows for `months`: a 地域ケア個別会議 every month (now and then two), a 地域ケア推進会議 three times a year,
 * 介護支援専門員 support every other month (事例検討会, 勉強会 and 情報交換会 in turn), two to four 介護予防教室・講座 a
 * month, 認知症サポーター養成講座 and ネットワーク連絡会 a few times a year, two staff trainings. No mess here: see
 * activitySheet. A center's 個別会議 have each profession it ever has at least once in the last 年度, so that what its
 * 事業評価 says about 多職種 is borne out by its records.
 */
export function sampleActivities(opts: ActivitySampleOptions): SampleActivity[] {
  const { random: rnd } = opts;
  const attending = (odds: Odds): string[] => inListOrder(odds.filter(([p, chance]) => !opts.neverAttend.includes(p) && rnd.chance(chance)).map(([p]) => p));
  const staff = (): string => rnd.pick(opts.staff);
  const rows: SampleActivity[] = [];
  let careManagerEvents = 0;
  for (const ym of opts.months) {
    const m = monthNumber(ym);
    const month: SampleActivity[] = [];
    for (let k = rnd.chance(0.2) ? 2 : 1; k > 0; k--) {
      const professions = attending(INDIVIDUAL_ODDS);
      month.push({
        heldOn: dayIn(rnd, ym),
        kind: INDIVIDUAL_MEETING,
        // Numbered once the year is in date order (numberMeetings).
        title: '',
        participants: professions.length + rnd.int(2, 5),
        professions,
        cases: rnd.int(1, 3),
        findings: rnd.pick(INDIVIDUAL_FINDINGS),
        staff: staff(),
        venue: 'センター会議室',
      });
    }
    if (PROMOTION_MONTHS.includes(m)) {
      const professions = attending(PROMOTION_ODDS);
      month.push({
        heldOn: dayIn(rnd, ym),
        kind: PROMOTION_MEETING,
        title: '地域ケア推進会議（日常生活圏域）',
        participants: professions.length + rnd.int(8, 14),
        professions,
        findings: rnd.pick(PROMOTION_FINDINGS),
        staff: staff(),
        venue: '市役所会議室',
      });
    }
    if (m % 2 === 1) {
      const event = CARE_MANAGER_EVENTS[careManagerEvents++ % CARE_MANAGER_EVENTS.length];
      if (event) {
        month.push({
          heldOn: dayIn(rnd, ym),
          kind: CARE_MANAGER_SUPPORT,
          title: rnd.pick(event.titles),
          participants: rnd.int(12, 35),
          professions: attending(event.odds),
          findings: rnd.pick(event.findings),
          staff: staff(),
          venue: rnd.pick(['センター会議室', '保健センター']),
        });
      }
    }
    for (let k = CLASSES_PAUSED.has(ym) ? 0 : rnd.int(2, 4); k > 0; k--) {
      const course = rnd.pick(CLASSES);
      month.push({
        heldOn: dayIn(rnd, ym),
        kind: PREVENTION_CLASS,
        title: course.title,
        participants: rnd.int(8, 25),
        professions: inListOrder([...course.leaders.filter((p) => !opts.neverAttend.includes(p)), '住民']),
        findings: rnd.chance(0.25) ? rnd.pick(CLASS_FINDINGS) : '',
        staff: staff(),
        venue: rnd.pick(VENUES),
      });
    }
    if (SUPPORTER_MONTHS.includes(m)) {
      month.push({
        heldOn: dayIn(rnd, ym),
        kind: SUPPORTER_COURSE,
        title: rnd.pick(SUPPORTER_TITLES),
        participants: rnd.int(10, 40),
        professions: rnd.chance(0.3) ? ['市職員', '住民'] : ['住民'],
        findings: '',
        staff: staff(),
        venue: rnd.pick(VENUES),
      });
    }
    if (NETWORK_MONTHS.includes(m)) {
      month.push({
        heldOn: dayIn(rnd, ym),
        kind: NETWORK_MEETING,
        title: rnd.pick(NETWORK_TITLES),
        participants: rnd.int(10, 25),
        professions: attending(NETWORK_ODDS),
        findings: rnd.pick(NETWORK_FINDINGS),
        staff: staff(),
        venue: rnd.pick(VENUES),
      });
    }
    if (TRAINING_MONTHS.includes(m)) {
      month.push({
        heldOn: dayIn(rnd, ym),
        kind: STAFF_TRAINING,
        title: TRAINING_TITLES[m === 6 ? 0 : 1] ?? '職員研修',
        participants: rnd.int(5, 9),
        professions: [],
        findings: '',
        staff: staff(),
        venue: 'センター会議室',
      });
    }
    rows.push(...month.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0)));
  }
  return numberMeetings(everyProfessionOnce(rows, opts, rnd), opts.months[0]);
}

/** Months from `from` to `to` (both YYYY-MM). */
function monthsBetween(from: YearMonth, to: YearMonth): number {
  const index = (ym: YearMonth): number => Number(ym.slice(0, 4)) * 12 + monthNumber(ym);
  return index(to) - index(from);
}

/**
 * 第N回 for each 個別会議, counted from April: in the 年度 the sample starts in, as if one had been held in each
 * month before its first.
 */
function numberMeetings(rows: readonly SampleActivity[], first: YearMonth | undefined): SampleActivity[] {
  let year = '';
  let held = 0;
  return rows.map((a) => {
    if (a.kind !== INDIVIDUAL_MEETING) return a;
    const start = fiscalStart(monthOf(a.heldOn));
    if (start !== year) {
      year = start;
      held = first !== undefined && start < first ? monthsBetween(start, first) : 0;
    }
    held += 1;
    return { ...a, title: `自立支援型地域ケア個別会議（第${held}回）` };
  });
}

/**
 * 歯科医師 and 薬剤師 come to a 個別会議 only now and then: a center that has them (all but 本庄南) has each at least
 * once in the last 年度 of the sample, whatever the seed.
 */
function everyProfessionOnce(rows: SampleActivity[], opts: ActivitySampleOptions, rnd: Random): SampleActivity[] {
  const last = opts.months[opts.months.length - 1];
  if (last === undefined) return rows;
  const from = firstDay(fiscalStart(last));
  const out = rows.slice();
  for (const profession of ['歯科医師', '薬剤師'].filter((p) => !opts.neverAttend.includes(p))) {
    const meetings = out.flatMap((a, i) => (a.kind === INDIVIDUAL_MEETING && a.heldOn >= from ? [i] : []));
    if (meetings.length === 0 || meetings.some((i) => out[i]?.professions.includes(profession))) continue;
    const i = rnd.pick(meetings);
    const meeting = out[i];
    if (meeting) out[i] = { ...meeting, professions: inListOrder([...meeting.professions, profession]), participants: meeting.participants + 1 };
  }
  return out;
}

/** The mess of 活動記録 a center may have typed. */
export type ActivityMess = 'kindVariant' | 'professionVariant' | 'casesMissing' | 'participantsWithUnit';

/** Ways people shorten a kind (each a built-in variant the check reads with a warning). */
const KIND_SHORTHANDS: readonly (readonly [string, string])[] = [
  [INDIVIDUAL_MEETING, '個別会議'],
  [CARE_MANAGER_SUPPORT, '介護支援専門員支援'],
  [PREVENTION_CLASS, '介護予防教室'],
  [NETWORK_MEETING, 'ネットワーク連絡会'],
];

/** A column of the center's own: where the activity was held. */
const VENUE_COLUMN = '会場';

/**
 * The 活動記録 sheet: the header on the first row, a column of the center's own (会場) at the right, a blank row
 * where the 年度 changes. Then the planted mess, each with its code.
 */
export function activitySheet(rows: readonly SampleActivity[], opts: { readonly random: Random; readonly mess: readonly ActivityMess[] }): PlantedSheet {
  const { random: rnd } = opts;
  const header = [...ACTIVITY_COLUMNS.map((c) => c.header), VENUE_COLUMN];
  const columnOf = (key: ActivityKey): number => header.indexOf(headerOf(ACTIVITY_COLUMNS, key));
  const laid = layOut({
    title: [],
    header,
    records: rows.map((a): CellValue[] => [
      { kind: 'date', iso: a.heldOn },
      a.kind,
      a.title,
      a.participants,
      a.professions.join('、'),
      a.cases ?? null,
      a.findings,
      a.staff,
      a.venue,
    ]),
    blankAfter: (i) => fiscalStart(monthOf(rows[i]?.heldOn ?? '')) !== fiscalStart(monthOf(rows[i + 1]?.heldOn ?? '')),
  });

  const planted: PlantedMess[] = [];
  const used = new Set<number>();
  const plant = (index: number, key: ActivityKey, value: CellValue, code: IssueCode): void => {
    const rowNumber = laid.rowNumbers[index] ?? 0;
    const row = laid.rows[rowNumber - 1];
    if (!row) throw new Error(`cannot plant ${code}`);
    row[columnOf(key)] = value;
    used.add(index);
    planted.push({ sheet: ACTIVITIES_SHEET, row: rowNumber, header: headerOf(ACTIVITY_COLUMNS, key), code });
  };
  const pick = (ok: (a: SampleActivity) => boolean): number => {
    const candidates = rows.flatMap((a, i) => (!used.has(i) && ok(a) ? [i] : []));
    if (candidates.length === 0) throw new Error('no 活動記録 row left to plant a mess in');
    return rnd.pick(candidates);
  };
  for (const kind of opts.mess) {
    if (kind === 'kindVariant') {
      const [standard, shorthand] = rnd.pick(KIND_SHORTHANDS);
      plant(
        pick((a) => a.kind === standard),
        'kind',
        shorthand,
        'CHOICE_VARIANT',
      );
    }
    if (kind === 'professionVariant') {
      // ケアマネ for 介護支援専門員, as everybody says it.
      const i = pick((a) => a.professions.includes('介護支援専門員') && a.professions.length >= 2);
      const cell = (rows[i]?.professions ?? []).map((p) => (p === '介護支援専門員' ? 'ケアマネ' : p)).join('、');
      plant(i, 'professions', cell, 'CHOICE_VARIANT');
    }
    if (kind === 'casesMissing')
      plant(
        pick((a) => a.kind === INDIVIDUAL_MEETING),
        'cases',
        null,
        'ACTIVITY_CASES_MISSING',
      );
    if (kind === 'participantsWithUnit') {
      const i = pick((a) => a.kind === PREVENTION_CLASS);
      plant(i, 'participants', `${rows[i]?.participants ?? 0}名`, 'COUNT_NOTATION');
    }
  }
  return { sheet: { name: ACTIVITIES_SHEET, rows: laid.rows, widths: [12, 30, 36, 8, 50, 10, 56, 8, 14] }, planted };
}

// 苦情記録 ------------------------------------------------------------------------------------------------

export interface SampleComplaint {
  readonly receivedOn: IsoDate;
  readonly complainant: string;
  readonly category: string;
  readonly response: string;
  readonly closedOn?: IsoDate;
  readonly reportedOn?: IsoDate;
  readonly memo: string;
}

/** A choice of 苦情記録 by its standard name; throws when the domain's list no longer has it. */
function choiceNamed(values: readonly string[], name: string): string {
  if (!values.includes(name)) throw new Error(`not a choice of 苦情記録: ${name}`);
  return name;
}

const COMPLAINANT_WEIGHTS = (
  [
    ['家族・親族', 45],
    ['本人', 25],
    ['事業所', 15],
    ['地域住民', 10],
    ['その他', 5],
  ] as const
).map(([c, w]) => [choiceNamed(COMPLAINANTS.values, c), w] as const);

/** Each 内容区分: how often, what was said (内容メモ), how the center answered (対応), and whether the city is told. */
const COMPLAINT_KINDS: readonly {
  readonly category: string;
  readonly weight: number;
  readonly memos: readonly string[];
  readonly responses: readonly string[];
  readonly reportChance: number;
}[] = [
  {
    category: choiceNamed(COMPLAINT_CATEGORIES.values, 'センターの対応'),
    weight: 40,
    memos: ['電話の折り返しが翌日になったことへの不満', '窓口で長く待たされたとの申し出', '説明された内容が職員によって違うとの申し出'],
    responses: ['センター長が電話で経緯を説明し謝罪。折り返しの手順を職員間で見直した', '事実を確認し、申出者に謝罪。窓口の対応手順を朝礼で共有した'],
    reportChance: 0.2,
  },
  {
    category: choiceNamed(COMPLAINT_CATEGORIES.values, '職員の態度'),
    weight: 25,
    memos: ['訪問時の言葉遣いが高圧的だったとの申し出', '説明が早口で分からなかったとの申し出'],
    responses: ['センター長と担当で申出者を訪ねて謝罪。担当職員に指導し、以後は2人で訪問した', '職員から事情を聴き取り、申出者に謝罪。接遇研修で取り上げた'],
    reportChance: 0.7,
  },
  {
    category: choiceNamed(COMPLAINT_CATEGORIES.values, '委託先・サービス事業所'),
    weight: 30,
    memos: ['委託先のケアマネジャーの連絡が遅いとの申し出', 'デイサービスの送迎時間が守られないとの申し出', 'ヘルパーの訪問時間が短いとの申し出'],
    responses: ['委託先の事業所に事実確認し、改善を依頼。申出者に結果を報告した', '事業所と面談し、サービスの計画の見直しを確認。申出者に説明した'],
    reportChance: 0.7,
  },
  {
    category: choiceNamed(COMPLAINT_CATEGORIES.values, 'その他'),
    weight: 5,
    memos: ['地域の集まりの案内が届かなかったとの申し出'],
    responses: ['案内の送付先を確認して再送し、申出者に説明した'],
    reportChance: 0,
  },
];

/**
 * 苦情記録 rows for `months`: two to five complaints a year, the first of them in the first half of the year, each
 * answered and closed within a few weeks (never after the last month), those about staff or a 委託先 mostly
 * reported to the city within a week. No mess here: see complaintSheet.
 */
export function sampleComplaints(opts: { readonly random: Random; readonly months: readonly YearMonth[] }): SampleComplaint[] {
  const { random: rnd, months } = opts;
  const last = months[months.length - 1];
  if (last === undefined) return [];
  const end = lastDay(last);
  const notAfterEnd = (iso: IsoDate): IsoDate => (iso > end ? end : iso);
  const count = rnd.int(2, 5);
  const dates = Array.from({ length: count }, (_, i) => dayIn(rnd, rnd.pick(i === 0 ? months.slice(0, 6) : months))).sort();
  return dates.map((receivedOn): SampleComplaint => {
    const kind = rnd.weighted(COMPLAINT_KINDS.map((k) => [k, k.weight] as const));
    const reported = rnd.chance(kind.reportChance);
    return {
      receivedOn,
      complainant: rnd.weighted(COMPLAINANT_WEIGHTS),
      category: kind.category,
      response: rnd.pick(kind.responses),
      closedOn: notAfterEnd(addDays(receivedOn, rnd.int(2, 25))),
      ...(reported ? { reportedOn: notAfterEnd(addDays(receivedOn, rnd.int(1, 7))) } : {}),
      memo: rnd.pick(kind.memos),
    };
  });
}

/** The mess of 苦情記録 a center may have: one left open for months, a 市への報告日 typed a month early. */
export type ComplaintMess = 'openLong' | 'reportBeforeReceipt';

const STILL_OPEN_RESPONSE = '関係者に事実確認を続けている。申出者には途中経過を電話で伝えた';

/** The same day a month earlier (the last day of that month when it has no such day): a month typed one too low. */
function monthEarlier(iso: IsoDate): IsoDate {
  const before = addMonths(monthOf(iso), -1);
  const day = `${before}-${iso.slice(8, 10)}`;
  return day > lastDay(before) ? lastDay(before) : day;
}

/**
 * The 苦情記録 sheet: a title row above the header (the way the center's manual names it). Then the planted mess:
 * an early complaint whose 対応完了日 was never written, a 市への報告日 a month before the complaint.
 */
export function complaintSheet(rows: readonly SampleComplaint[], opts: { readonly random: Random; readonly mess: readonly ComplaintMess[] }): PlantedSheet {
  const { random: rnd } = opts;
  const header = COMPLAINT_COLUMNS.map((c) => c.header);
  const columnOf = (key: ComplaintKey): number => header.indexOf(headerOf(COMPLAINT_COLUMNS, key));
  const date = (iso: IsoDate | undefined): CellValue => (iso === undefined ? null : { kind: 'date', iso });
  const laid = layOut({
    title: [['苦情記録（苦情対応の手順書に沿って記録）']],
    header,
    records: rows.map((c): CellValue[] => [date(c.receivedOn), c.complainant, c.category, c.response, date(c.closedOn), date(c.reportedOn), c.memo]),
    blankAfter: () => false,
  });

  const planted: PlantedMess[] = [];
  const used = new Set<number>();
  const set = (index: number, key: ComplaintKey, value: CellValue): void => {
    const row = laid.rows[(laid.rowNumbers[index] ?? 0) - 1];
    if (!row) throw new Error(`no 苦情記録 row ${index}`);
    row[columnOf(key)] = value;
  };
  const plant = (index: number, key: ComplaintKey, value: CellValue, code: IssueCode): void => {
    set(index, key, value);
    used.add(index);
    planted.push({ sheet: COMPLAINTS_SHEET, row: laid.rowNumbers[index] ?? 0, header: headerOf(COMPLAINT_COLUMNS, key), code });
  };
  for (const kind of opts.mess) {
    if (kind === 'openLong') {
      // The first complaint of the year (sampleComplaints puts it in the first half): months open at the end of the year.
      const i = 0;
      if (used.has(i) || rows[i] === undefined) throw new Error('no 苦情記録 row left to leave open');
      set(i, 'response', STILL_OPEN_RESPONSE);
      plant(i, 'closedOn', null, 'COMPLAINT_OPEN_LONG');
    }
    if (kind === 'reportBeforeReceipt') {
      const i = rnd.pick(rows.flatMap((_, k) => (used.has(k) ? [] : [k])));
      plant(i, 'reportedOn', date(monthEarlier(rows[i]?.receivedOn ?? '')), 'COMPLAINT_DATE_BEFORE_RECEIPT');
    }
  }
  return { sheet: { name: COMPLAINTS_SHEET, rows: laid.rows, widths: [12, 12, 22, 56, 12, 12, 44] }, planted };
}
