import * as z from 'zod/mini';
import type { CountTable } from './count-table';
import { ContractSchema } from '../sheets/contracts';
import { fingerprintOf } from './fingerprint';
import type { MonthlyReport } from './monthly-report';
import { type PayloadReading as ReadingOf, readPayloadOf } from './payload';

/**
 * The payload a center submits and the city reads (SPEC §4.3), one versioned schema for both sides. It holds
 * counts and business data about offices only: no 相談者ID, no 氏名, no free text from 相談記録.
 * The core fields are an interface other tools rely on: add fields freely, change these only with a new
 * schemaVersion.
 */
export const SCHEMA_VERSION = 1;
export const MONTHLY_REPORT_KIND = 'monthly-report';

const count = z.number().check(z.int(), z.gte(0));
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

const CountTableSchema = z
  .object({
    rows: z.array(z.string()),
    columns: z.array(z.string()),
    cells: z.array(z.array(count)),
  })
  .check(
    z.refine((t) => t.cells.length === t.rows.length && t.cells.every((r) => r.length === t.columns.length), {
      message: 'cells must have one row per label and one column per label',
    }),
  );

const OfficeDelegationSchema = z.object({
  officeNumber: z.string(),
  name: z.string(),
  corporation: z.string(),
  address: z.string(),
  municipality: z.string(),
  supportCases: count,
  careManagementCases: count,
  cases: count,
  newCases: count,
  contractStart: z.string(),
});

/** A contract as the city receives it: the sheet's contract without its row, 委託区分, 承認日 and 選定理由. */
const SubmittedContractSchema = z.pick(ContractSchema, {
  officeNumber: true,
  name: true,
  corporation: true,
  address: true,
  municipality: true,
  start: true,
  end: true,
});

/**
 * 活動記録 in the month (SPEC §4.3 `activities`): counts per 種類, and for 地域ケア個別会議 the meetings, cases
 * and meetings attended per profession. No 名称, 把握した課題 or 担当, and no date of a single activity.
 */
const ActivitiesSchema = z.object({
  byType: z.array(z.object({ type: z.string(), count, participants: count })),
  careMeetings: z.object({ count, cases: count, professions: z.record(z.string(), count) }),
  undatedRows: count,
});

/** 苦情記録 (SPEC §4.3 `complaints`): received in the month, open at its end, reported to the city in it. No 対応, no memo. */
const ComplaintsSchema = z.object({ count, open: count, reported: count, undatedRows: count });

export const SubmissionSchema = z.object({
  kind: z.literal(MONTHLY_REPORT_KIND),
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** municipality: the center's 市区町村名 (its 設定), so a city tool knows which 所在 is the city itself. */
  center: z.object({ name: z.string().check(z.minLength(1)), code: z.string(), municipality: z.optional(z.string()) }),
  month,
  generatedAt: z.string(),
  submittedAt: z.nullable(z.string()),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  consultations: z.object({
    total: count,
    uniquePersons: count,
    newPersons: count,
    byMethod: CountTableSchema,
    afterHoursByMethod: z.array(count),
    byTopic: CountTableSchema,
    dementiaByTopic: z.array(count),
    byProfession: CountTableSchema,
    trend: z.array(z.object({ month, total: count })),
    undatedRows: count,
  }),
  abuse: z.object({ count, reported: count, late: count }),
  rights: z.object({ guardianship: count, consumerHarm: count }),
  preventivePlans: z.object({ direct: count, delegated: count, newCases: count, directNewCases: count, delegatedNewCases: count }),
  delegations: z.array(OfficeDelegationSchema),
  contracts: z.array(SubmittedContractSchema),
  newContracts: z.array(SubmittedContractSchema),
  concentration: z.object({
    threshold: z.number(),
    total: count,
    topOffice: z.nullable(z.object({ name: z.string(), share: z.number() })),
    topCorporation: z.nullable(z.object({ name: z.string(), share: z.number() })),
    ownCorporationShare: z.number(),
    warnings: z.array(z.object({ kind: z.enum(['office', 'corporation', 'own']), name: z.string(), share: z.number(), message: z.string() })),
  }),
  /**
   * Added to version 1 after centers had submitted with it: a payload made before has neither, still reads, and
   * the city shows its cells empty (not 0: the center did not say).
   */
  activities: z.optional(ActivitiesSchema),
  complaints: z.optional(ComplaintsSchema),
  quality: z.object({ errors: count, warnings: count, rowsWithErrors: count, rowsWithWarnings: count }),
});

export type Submission = z.infer<typeof SubmissionSchema>;

const table = (t: CountTable): Submission['consultations']['byMethod'] => ({
  rows: [...t.rows],
  columns: [...t.columns],
  cells: t.cells.map((r) => [...r]),
});

function activitiesOf(report: MonthlyReport): NonNullable<Submission['activities']> {
  const a = report.activities;
  return {
    byType: a.byKind.map((k) => ({ type: k.kind, count: k.count, participants: k.participants })),
    careMeetings: {
      count: a.individualMeetings.count,
      cases: a.individualMeetings.cases,
      professions: Object.fromEntries(a.individualMeetings.professions.map((p) => [p.profession, p.meetings])),
    },
    undatedRows: a.undatedRows,
  };
}

function complaintsOf(report: MonthlyReport): NonNullable<Submission['complaints']> {
  const c = report.complaints;
  return { count: c.received, open: c.open, reported: c.reported, undatedRows: c.undatedRows };
}

export function toSubmission(report: MonthlyReport, generatedAt: string, submittedAt: string | null = null): Submission {
  const c = report.consultations;
  const top = report.concentration.byOffice[0];
  const topCorp = report.concentration.byCorporation[0];
  const draft: Omit<Submission, 'fingerprint'> = {
    kind: MONTHLY_REPORT_KIND,
    schemaVersion: SCHEMA_VERSION,
    center: { ...report.center },
    month: report.month,
    generatedAt,
    submittedAt,
    consultations: {
      total: c.total,
      uniquePersons: c.uniquePersons,
      newPersons: c.newPersons,
      byMethod: table(c.byMethod),
      afterHoursByMethod: [...c.afterHoursByMethod],
      byTopic: table(c.byTopic),
      dementiaByTopic: [...c.dementiaByTopic],
      byProfession: table(c.byProfession),
      trend: c.trend.map((t) => ({ ...t })),
      undatedRows: c.undatedRows,
    },
    abuse: { ...c.abuse },
    rights: { guardianship: c.guardianship, consumerHarm: c.consumerHarm },
    preventivePlans: { ...report.preventivePlans },
    delegations: report.delegations.map((d) => ({ ...d })),
    contracts: report.activeContracts.map((x) => ({ ...x })),
    newContracts: report.newContracts.map((x) => ({ ...x })),
    concentration: {
      threshold: report.threshold,
      total: report.concentration.total,
      topOffice: top ? { name: top.name, share: top.share } : null,
      topCorporation: topCorp ? { name: topCorp.corporation, share: topCorp.share } : null,
      ownCorporationShare: report.concentration.ownCorporationShare,
      warnings: report.concentration.warnings.map((w) => ({ ...w })),
    },
    activities: activitiesOf(report),
    complaints: complaintsOf(report),
    quality: { ...report.quality },
  };
  return SubmissionSchema.parse({ ...draft, fingerprint: fingerprintOf(draft) });
}

export type PayloadReading = ReadingOf<Submission>;

/** The city's reading of a stored 月報 payload (payload.ts: JSON, version, schema, fingerprint). */
export function readPayload(json: string): PayloadReading {
  return readPayloadOf(json, { schema: SubmissionSchema, schemaVersion: SCHEMA_VERSION, what: '提出データ' });
}
