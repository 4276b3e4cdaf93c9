import {
  type Activity,
  CARE_MANAGER_SUPPORT,
  INDIVIDUAL_MEETING,
  PARTICIPANT_PROFESSIONS,
  PREVENTION_CLASS,
  PROMOTION_MEETING,
  SUPPORTER_COURSE,
} from '../sheets/activities';
import { attendanceAt, participantsOf } from './activity-summary';
import { type Complaint, isOpenOn } from '../sheets/complaints';
import type { Indicator } from '../sheets/indicators';
import { type FiscalYear, fiscalYearEnd, fiscalYearOf } from '../values/fiscal-year';

/**
 * 事業評価's evidence from the center's own records (issue #19): for an indicator that asks about something
 * 活動記録 or 苦情記録 holds (個別会議 held, the professions at them, 介護支援専門員 support, classes…), the fiscal
 * year's figures, shown beside the answer so the person answering sees the facts; and an answer はい where the
 * records show none of it, which the check reports. The indicators are data the city sends, so which indicator
 * asks about what is read from its words by a small table of topics; an indicator matching none gets no
 * evidence (nothing rather than something wrong). Counts only: no 名称, 課題 or memo is read here.
 */

/** How often a kind of activity was held in the year, and how many took part. */
export interface Held {
  readonly held: number;
  readonly participants: number;
}

/** The fiscal year's figures of 活動記録. */
export interface ActivityFigures {
  readonly individualMeetings: number;
  /** 検討事例数 summed over the year's 個別会議. */
  readonly cases: number;
  /** For each profession, how many of the year's 個別会議 it attended. */
  readonly attendance: Readonly<Record<string, number>>;
  readonly careManagerSupport: Held;
  readonly preventionClasses: Held;
  readonly supporterCourses: Held;
  readonly promotionMeetings: number;
}

/** The fiscal year's figures of 苦情記録. */
export interface ComplaintFigures {
  readonly received: number;
  /** Of those received in the year, still open at its end (31 March). */
  readonly openAtYearEnd: number;
}

/** What the records say of a year; a sheet the center does not keep is undefined (and gives no evidence). */
export interface YearRecords {
  readonly year: FiscalYear;
  readonly activities?: ActivityFigures;
  readonly complaints?: ComplaintFigures;
}

const inYear = (day: string | undefined, year: FiscalYear): boolean => day !== undefined && fiscalYearOf(day) === year;

function heldOf(activities: readonly Activity[], kind: string): Held {
  const of = activities.filter((a) => a.kind === kind);
  return { held: of.length, participants: participantsOf(of) };
}

/** The year's figures from 活動記録: only rows whose 実施日 falls in the year (April to March) count. */
export function activityFigures(activities: readonly Activity[], year: FiscalYear): ActivityFigures {
  const ofYear = activities.filter((a) => inYear(a.heldOn, year));
  const meetings = ofYear.filter((a) => a.kind === INDIVIDUAL_MEETING);
  const attendance = Object.fromEntries(attendanceAt(meetings).map((a) => [a.profession, a.meetings]));
  return {
    individualMeetings: meetings.length,
    cases: meetings.reduce((sum, m) => sum + (m.cases ?? 0), 0),
    attendance,
    careManagerSupport: heldOf(ofYear, CARE_MANAGER_SUPPORT),
    preventionClasses: heldOf(ofYear, PREVENTION_CLASS),
    supporterCourses: heldOf(ofYear, SUPPORTER_COURSE),
    promotionMeetings: ofYear.filter((a) => a.kind === PROMOTION_MEETING).length,
  };
}

/** The year's figures from 苦情記録: complaints received in the year, and those of them open on 31 March. */
export function complaintFigures(complaints: readonly Complaint[], year: FiscalYear): ComplaintFigures {
  const received = complaints.filter((c) => inYear(c.receivedOn, year));
  const end = fiscalYearEnd(year);
  return { received: received.length, openAtYearEnd: received.filter((c) => isOpenOn(c, end)).length };
}

export type EvidenceTopic =
  | { readonly kind: 'individualMeetings' }
  /** The named professions' attendance at 個別会議. */
  | { readonly kind: 'attendance'; readonly professions: readonly string[] }
  | { readonly kind: 'careManagerSupport' }
  | { readonly kind: 'preventionClasses' }
  | { readonly kind: 'supporterCourses' }
  | { readonly kind: 'promotionMeetings' }
  | { readonly kind: 'complaints' };

type SimpleTopic = Exclude<EvidenceTopic['kind'], 'attendance'>;

/**
 * The words that tell what an indicator asks about, tested on its 指標 once the words that would mislead are
 * masked (wordsFor). An indicator matches a topic when every pattern of `all` is found in it.
 */
const TOPIC_WORDS: readonly { readonly kind: SimpleTopic; readonly all: readonly RegExp[] }[] = [
  { kind: 'individualMeetings', all: [/個別会議|個別ケア会議|地域ケア会議.*個別(?:事例|ケース)|個別(?:事例|ケース).*地域ケア会議/] },
  { kind: 'promotionMeetings', all: [/推進会議/] },
  {
    kind: 'careManagerSupport',
    all: [/介護支援専門員|ケアマネジャー/, /研修|事例検討|勉強会|情報交換|意見交換|(?:介護支援専門員|ケアマネジャー)(?:への|に対する|を)?支援/],
  },
  { kind: 'supporterCourses', all: [/認知症サポーター(?:養成)?講座/] },
  { kind: 'preventionClasses', all: [/教室|(?:介護予防|健康|体操|フレイル).*講座|講座.*(?:介護予防|健康|体操|フレイル)/] },
  { kind: 'complaints', all: [/苦情/] },
];

/** 主任介護支援専門員 is the center's own staff: a 研修 of theirs is no support of the area's 介護支援専門員. */
const OWN_STAFF = /主任介護支援専門員|主任ケアマネジャー/g;
/** A サポーター養成講座 is a 講座, but no 介護予防教室. */
const SUPPORTER_COURSE_WORDS = /認知症サポーター(?:養成)?講座/g;

function wordsFor(text: string, topic: SimpleTopic): string {
  const ownStaffMasked = text.replace(OWN_STAFF, '〓');
  return topic === 'supporterCourses' ? ownStaffMasked : ownStaffMasked.replace(SUPPORTER_COURSE_WORDS, '〓');
}

/** A 個別会議 (or 地域ケア会議, where the professions meet over cases) in the indicator's 分類 or words. */
const MEETING_CONTEXT = /個別会議|個別ケア会議|地域ケア会議/;

/** The professions whose attendance an indicator may ask about: the people, not 事業所, 住民 or 市. */
const NAMED_PROFESSIONS = PARTICIPANT_PROFESSIONS.values.filter((p) => !['介護サービス事業所', '市職員', '住民', 'その他'].includes(p));

/** The professions named in a text, each once, in the list's order; a longer name hides the shorter in it (歯科医師, 医師). */
function professionsNamed(text: string): string[] {
  let rest = text;
  const found = new Set<string>();
  for (const p of [...NAMED_PROFESSIONS].sort((a, b) => b.length - a.length)) {
    if (!rest.includes(p)) continue;
    found.add(p);
    rest = rest.split(p).join('〓');
  }
  return NAMED_PROFESSIONS.filter((p) => found.has(p));
}

/** The topics an indicator asks about, from its words (and, for who attends a 地域ケア会議, its 分類). */
export function evidenceTopics(indicator: Pick<Indicator, 'category' | 'indicator'>): EvidenceTopic[] {
  const text = indicator.indicator;
  const simple = TOPIC_WORDS.filter((t) => t.all.every((w) => w.test(wordsFor(text, t.kind)))).map((t): EvidenceTopic => ({ kind: t.kind }));
  const professions = professionsNamed(text.replace(OWN_STAFF, '〓'));
  const atMeetings = MEETING_CONTEXT.test(`${indicator.category} ${text}`) && !/推進会議/.test(text);
  if (professions.length === 0 || !atMeetings) return simple;
  // Who attended says how many 個別会議 there were as well: one topic, not two.
  return [{ kind: 'attendance', professions }, ...simple.filter((t) => t.kind !== 'individualMeetings')];
}

/** An indicator about a plan or about knowing a count is answered はい by the plan or the count, even of none. */
const NOT_ABOUT_HOLDING = /計画|(?:件数|回数|実績)を?把握/;

export interface EvidenceFigure {
  readonly label: string;
  readonly count: number;
  readonly unit: '回' | '件' | '人';
}

export interface TopicEvidence {
  readonly topic: EvidenceTopic;
  /** The figures shown: a group's joined by ・, the groups by 、. */
  readonly groups: readonly (readonly EvidenceFigure[])[];
  /** What an answer はい says happened, when the records show none of it (undefined when they do, or cannot say). */
  readonly none?: string;
}

const times = (label: string, count: number): EvidenceFigure => ({ label, count, unit: '回' });
const heldFigures = (label: string, h: Held): EvidenceFigure[] => [times(label, h.held), { label: '参加', count: h.participants, unit: '人' }];
const meetingFigures = (a: ActivityFigures): EvidenceFigure[] => [times('個別会議', a.individualMeetings), { label: '事例', count: a.cases, unit: '件' }];
const noneHeld = (what: string, count: number): string | undefined => (count === 0 ? `${what}の開催` : undefined);

function activityEvidence(topic: Exclude<EvidenceTopic, { kind: 'complaints' }>, a: ActivityFigures): TopicEvidence {
  switch (topic.kind) {
    case 'individualMeetings':
      return { topic, groups: [meetingFigures(a)], none: noneHeld(INDIVIDUAL_MEETING, a.individualMeetings) };
    case 'attendance': {
      const absent = topic.professions.filter((p) => (a.attendance[p] ?? 0) === 0);
      return {
        topic,
        groups: [meetingFigures(a), topic.professions.map((p) => times(`${p}の参加`, a.attendance[p] ?? 0))],
        none: absent.length > 0 ? `${INDIVIDUAL_MEETING}への${absent.join('・')}の参加` : undefined,
      };
    }
    case 'careManagerSupport':
      return { topic, groups: [heldFigures('介護支援専門員支援', a.careManagerSupport)], none: noneHeld('介護支援専門員支援', a.careManagerSupport.held) };
    case 'preventionClasses':
      return { topic, groups: [heldFigures('介護予防教室・講座', a.preventionClasses)], none: noneHeld('介護予防教室・講座', a.preventionClasses.held) };
    case 'supporterCourses':
      return { topic, groups: [heldFigures(SUPPORTER_COURSE, a.supporterCourses)], none: noneHeld(SUPPORTER_COURSE, a.supporterCourses.held) };
    case 'promotionMeetings':
      return { topic, groups: [[times('推進会議', a.promotionMeetings)]], none: noneHeld(PROMOTION_MEETING, a.promotionMeetings) };
  }
}

/**
 * The evidence beside one indicator: for each topic it asks about whose sheet the center keeps, the year's
 * figures. 苦情 are shown, never held against an answer: no complaint is no sign of no system for them.
 */
export function indicatorEvidence(indicator: Pick<Indicator, 'category' | 'indicator'>, records: YearRecords): TopicEvidence[] {
  const planOnly = NOT_ABOUT_HOLDING.test(indicator.indicator);
  return evidenceTopics(indicator).flatMap((topic): TopicEvidence[] => {
    if (topic.kind === 'complaints') {
      const c = records.complaints;
      return c
        ? [
            {
              topic,
              groups: [
                [
                  { label: '苦情', count: c.received, unit: '件' },
                  { label: '年度末に対応中', count: c.openAtYearEnd, unit: '件' },
                ],
              ],
            },
          ]
        : [];
    }
    if (!records.activities) return [];
    const evidence = activityEvidence(topic, records.activities);
    return [planOnly ? { topic, groups: evidence.groups } : evidence];
  });
}

/** The evidence as the column beside the answers shows it: 「個別会議 12 回・事例 20 件、歯科医師の参加 0 回」; '' for none. */
export function evidenceText(evidence: readonly TopicEvidence[]): string {
  return evidence
    .flatMap((e) => e.groups)
    .map((g) => g.map((f) => `${f.label} ${f.count} ${f.unit}`).join('・'))
    .join('、');
}

/** What an answer はい to this indicator says happened and the year's 活動記録 shows none of (empty: nothing to say). */
export function unrecordedClaims(indicator: Pick<Indicator, 'category' | 'indicator'>, records: YearRecords): string[] {
  return indicatorEvidence(indicator, records).flatMap((e) => (e.none === undefined ? [] : [e.none]));
}
