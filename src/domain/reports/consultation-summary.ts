import { ABUSE_TOPIC, BUSINESS_AREAS, type Consultation, METHODS, PROFESSIONS, REQUESTERS } from '../sheets/consultations';
import { type CountTable, crossTab, tally, totalsOf, UNCLASSIFIED } from './count-table';
import { daysBetween } from '../values/dates';
import { addMonths, monthOf, type YearMonth } from '../values/months';
import type { Settings } from '../sheets/settings';

/** The consultation sections of the 月報 (SPEC §4.1 2–5 and the trend of 8). */
export interface ConsultationSummary {
  /** 延べ件数: every row of the month, whatever else is missing in it. */
  readonly total: number;
  /** 2. 相談方法 × 相談者. */
  readonly byMethod: CountTable;
  /** 夜間休日（再掲）per 相談方法, in the rows of byMethod. */
  readonly afterHoursByMethod: readonly number[];
  /** 3. 業務区分 › 相談内容 × 相談者, rows labelled `業務区分 › 相談内容`. */
  readonly byTopic: CountTable;
  /** 認知症関連（再掲）per row of byTopic. */
  readonly dementiaByTopic: readonly number[];
  /** 4. 実人数 (unique 相談者ID) and 新規 実人数. */
  readonly uniquePersons: number;
  readonly newPersons: number;
  readonly byProfession: CountTable;
  /** 5. 権利擁護. */
  readonly abuse: { readonly count: number; readonly reported: number; readonly late: number };
  readonly guardianship: number;
  readonly consumerHarm: number;
  /** 8. 延べ件数 of the twelve months ending with the report's month, oldest first. */
  readonly trend: readonly { readonly month: YearMonth; readonly total: number }[];
  /** Rows whose 受付日 could not be read: in no month, so said aloud rather than silently missing. */
  readonly undatedRows: number;
}

export const TOPIC_SEPARATOR = ' › ';

function withoutEmptyRows(table: CountTable, keep: (label: string) => boolean = () => false): CountTable {
  const totals = totalsOf(table).rowTotals;
  const kept = table.rows.map((r, i) => keep(r) || (totals[i] ?? 0) > 0);
  return { rows: table.rows.filter((_, i) => kept[i]), columns: table.columns, cells: table.cells.filter((_, i) => kept[i]) };
}

function countWhere<T>(items: readonly T[], table: CountTable, rowOf: (item: T) => string, flag: (item: T) => boolean): number[] {
  const counts = table.rows.map(() => 0);
  const index = new Map(table.rows.map((r, i) => [r, i]));
  for (const item of items) {
    if (!flag(item)) continue;
    const i = index.get(rowOf(item)) ?? index.get(UNCLASSIFIED);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

export function summarizeConsultations(all: readonly Consultation[], settings: Settings, month: YearMonth): ConsultationSummary {
  const rows = all.filter((c) => c.receivedOn !== undefined && monthOf(c.receivedOn) === month);
  const methodOf = (c: Consultation): string => c.method ?? UNCLASSIFIED;
  const byMethod = crossTab(
    rows,
    (c) => c.method,
    (c) => c.requester,
    METHODS.values,
    REQUESTERS.values,
  );
  const topicLabel = (c: Consultation): string => `${c.businessArea ?? UNCLASSIFIED}${TOPIC_SEPARATOR}${c.topic ?? UNCLASSIFIED}`;
  const topicRows = BUSINESS_AREAS.values.flatMap((area) => settings.consultationTopics.map((t) => `${area}${TOPIC_SEPARATOR}${t}`));
  const byTopic = withoutEmptyRows(crossTab(rows, topicLabel, (c) => c.requester, topicRows, REQUESTERS.values));
  const persons = new Set(rows.map((c) => c.personId).filter((id): id is string => id !== undefined));
  const newPersons = new Set(
    rows
      .filter((c) => c.caseType === '新規')
      .map((c) => c.personId)
      .filter((id): id is string => id !== undefined),
  );
  const abuseRows = rows.filter((c) => c.topic === ABUSE_TOPIC);
  const reported = abuseRows.filter((c) => c.reportedOn !== undefined);
  const late = reported.filter(
    (c) => c.receivedOn !== undefined && c.reportedOn !== undefined && daysBetween(c.receivedOn, c.reportedOn) > settings.abuseReportDays,
  );
  const perMonth = new Map<string, number>();
  for (const c of all) if (c.receivedOn !== undefined) perMonth.set(monthOf(c.receivedOn), (perMonth.get(monthOf(c.receivedOn)) ?? 0) + 1);
  return {
    total: rows.length,
    byMethod,
    afterHoursByMethod: countWhere(rows, byMethod, methodOf, (c) => c.afterHours),
    byTopic,
    dementiaByTopic: countWhere(rows, byTopic, topicLabel, (c) => c.dementia),
    uniquePersons: persons.size,
    newPersons: newPersons.size,
    byProfession: tally(rows, (c) => c.profession, PROFESSIONS.values),
    abuse: { count: abuseRows.length, reported: reported.length, late: late.length },
    guardianship: rows.filter((c) => c.topic === '成年後見・金銭管理').length,
    consumerHarm: rows.filter((c) => c.topic === '消費者被害').length,
    trend: Array.from({ length: 12 }, (_, i) => addMonths(month, i - 11)).map((m) => ({ month: m, total: perMonth.get(m) ?? 0 })),
    undatedRows: all.filter((c) => c.receivedOn === undefined).length,
  };
}
