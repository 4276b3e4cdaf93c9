import { ACTIVITY_KINDS, type Activity, INDIVIDUAL_MEETING, PARTICIPANT_PROFESSIONS } from '../sheets/activities';
import { type Complaint, isOpenOn } from '../sheets/complaints';
import { UNCLASSIFIED } from './count-table';
import { lastDay, monthOf, type YearMonth } from '../values/months';

/**
 * 月報 section 9 (SPEC §4.1 item 9): the month's 活動記録 and 苦情記録 as counts. Pure. Nothing of a row's
 * text reaches it (名称, 把握した課題, 担当, 対応 and 内容メモ are not even in the records), so nothing of it can
 * reach the 月報, the payload or the city.
 *
 * A row belongs to the month of its own date (実施日, 受付日). A row whose date could not be read belongs to no
 * month: counting it in every month would count it many times over, and guessing a month would put it in the
 * wrong one. It is counted aloud instead, in `undatedRows` (as 相談記録's undated rows are), so that the 月報
 * says how many rows wait for their date to be fixed. Within the month, a row is never dropped: a 種類 that
 * could not be read is counted under 未分類, and a 参加者数 that could not be read counts the activity with no
 * participants.
 */

export interface ActivityKindCount {
  /** A kind of ACTIVITY_KINDS, or 未分類. */
  readonly kind: string;
  readonly count: number;
  /** The sum of 参加者数. */
  readonly participants: number;
}

export interface ProfessionAttendance {
  readonly profession: string;
  /** How many of the month's 地域ケア個別会議 the profession attended (meetings, not people). */
  readonly meetings: number;
}

export interface ActivitySummary {
  /** Every kind in ACTIVITY_KINDS' order, those of no activity included; then 未分類 when some row's 種類 could not be read. */
  readonly byKind: readonly ActivityKindCount[];
  /** Every activity of the month, and the sum of their 参加者数. */
  readonly total: number;
  readonly participants: number;
  /** 地域ケア個別会議: how many were held, the sum of 検討事例数, and how many each profession attended. */
  readonly individualMeetings: {
    readonly count: number;
    readonly cases: number;
    /** Every profession of PARTICIPANT_PROFESSIONS in its order, those that attended none included. */
    readonly professions: readonly ProfessionAttendance[];
  };
  /** Rows of 活動記録 whose 実施日 could not be read: in no month. */
  readonly undatedRows: number;
}

export interface ComplaintSummary {
  /** 受付日 in the month. */
  readonly received: number;
  /** Still open at the end of the month's last day, whenever received (older ones still open included). */
  readonly open: number;
  /** 市への報告日 in the month. */
  readonly reported: number;
  /** Rows of 苦情記録 whose 受付日 could not be read: received in no month and open at the end of none (a readable 市への報告日 still counts). */
  readonly undatedRows: number;
}

const inMonth = (date: string | undefined, month: YearMonth): boolean => date !== undefined && monthOf(date) === month;

/** Whether an activity is one of the month's (its 実施日 in the month). */
export function isActivityOf(a: Activity, month: YearMonth): boolean {
  return inMonth(a.heldOn, month);
}

/**
 * Whether a complaint is one the month's figures count: received or reported in the month, or open at its
 * end. The month's data quality looks at the same rows.
 */
export function isComplaintOf(c: Complaint, month: YearMonth): boolean {
  return inMonth(c.receivedOn, month) || inMonth(c.reportedOn, month) || isOpenOn(c, lastDay(month));
}

/** The sum of 参加者数 (an activity whose count could not be read adds none). */
export const participantsOf = (list: readonly Activity[]): number => list.reduce((s, a) => s + (a.participants ?? 0), 0);

/**
 * How many of these meetings each profession of PARTICIPANT_PROFESSIONS attended, in the list's order: meetings,
 * not people (a profession named twice in one cell is one meeting attended). The 月報 and 事業評価 both count so.
 */
export function attendanceAt(meetings: readonly Activity[]): ProfessionAttendance[] {
  return PARTICIPANT_PROFESSIONS.values.map((profession) => ({ profession, meetings: meetings.filter((a) => a.professions.includes(profession)).length }));
}

function kindOf(a: Activity): string {
  return a.kind !== undefined && ACTIVITY_KINDS.values.includes(a.kind) ? a.kind : UNCLASSIFIED;
}

export function summarizeActivities(all: readonly Activity[], month: YearMonth): ActivitySummary {
  const rows = all.filter((a) => isActivityOf(a, month));
  const unclassified = rows.filter((a) => kindOf(a) === UNCLASSIFIED);
  const byKind: ActivityKindCount[] = ACTIVITY_KINDS.values.map((kind) => {
    const ofKind = rows.filter((a) => a.kind === kind);
    return { kind, count: ofKind.length, participants: participantsOf(ofKind) };
  });
  if (unclassified.length > 0) byKind.push({ kind: UNCLASSIFIED, count: unclassified.length, participants: participantsOf(unclassified) });
  const meetings = rows.filter((a) => a.kind === INDIVIDUAL_MEETING);
  return {
    byKind,
    total: rows.length,
    participants: participantsOf(rows),
    individualMeetings: {
      count: meetings.length,
      cases: meetings.reduce((s, a) => s + (a.cases ?? 0), 0),
      professions: attendanceAt(meetings),
    },
    undatedRows: all.filter((a) => a.heldOn === undefined).length,
  };
}

export function summarizeComplaints(all: readonly Complaint[], month: YearMonth): ComplaintSummary {
  const end = lastDay(month);
  return {
    received: all.filter((c) => inMonth(c.receivedOn, month)).length,
    open: all.filter((c) => isOpenOn(c, end)).length,
    reported: all.filter((c) => inMonth(c.reportedOn, month)).length,
    undatedRows: all.filter((c) => c.receivedOn === undefined).length,
  };
}
