import * as z from 'zod/mini';
import type { EvaluationAnswer } from '../sheets/evaluation';
import type { FiscalYear } from '../values/fiscal-year';
import { categoryRates } from './evaluation-comparison';
import { fingerprintOf } from './fingerprint';
import { type PayloadReading, readPayloadOf } from './payload';

/**
 * The year's 事業評価 as a center submits it: a payload kind of its own in the same 提出用ファイル as the 月報,
 * read by the city like the 月報 (payload.ts). Versioned like the 月報's: change the core fields only with a
 * new schemaVersion.
 */
export const EVALUATION_KIND = 'evaluation';
export const EVALUATION_SCHEMA_VERSION = 1;

export const EvaluationSubmissionSchema = z.object({
  kind: z.literal(EVALUATION_KIND),
  schemaVersion: z.literal(EVALUATION_SCHEMA_VERSION),
  center: z.object({ name: z.string().check(z.minLength(1)), code: z.string() }),
  year: z.string().check(z.regex(/^\d{4}$/)),
  generatedAt: z.string(),
  submittedAt: z.nullable(z.string()),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** 根拠・備考 is the only free text, and it is the center's own account to the 運営協議会. */
  answers: z.array(z.object({ number: z.string(), category: z.string(), answer: z.nullable(z.enum(['はい', 'いいえ'])), note: z.string() })),
  rates: z.array(
    z.object({
      category: z.string(),
      yes: z.number().check(z.int(), z.gte(0)),
      answered: z.number().check(z.int(), z.gte(0)),
      rate: z.nullable(z.number()),
    }),
  ),
});

export type EvaluationSubmission = z.infer<typeof EvaluationSubmissionSchema>;

export function toEvaluationSubmission(
  center: { name: string; code: string },
  year: FiscalYear,
  answers: readonly EvaluationAnswer[],
  generatedAt: string,
  submittedAt: string | null,
): EvaluationSubmission {
  const draft = {
    kind: EVALUATION_KIND,
    schemaVersion: EVALUATION_SCHEMA_VERSION,
    center: { name: center.name, code: center.code },
    year,
    generatedAt,
    submittedAt,
    answers: answers.map((a) => ({ number: a.number, category: a.category, answer: a.answer ?? null, note: a.note ?? '' })),
    rates: categoryRates(answers).map((r) => ({ category: r.category, yes: r.yes, answered: r.answered, rate: r.rate ?? null })),
  } as const;
  return EvaluationSubmissionSchema.parse({ ...draft, fingerprint: fingerprintOf(draft) });
}

/** The city's reading of a stored 事業評価 payload (payload.ts: JSON, version, schema, fingerprint). */
export function readEvaluationPayload(json: string): PayloadReading<EvaluationSubmission> {
  return readPayloadOf(json, { schema: EvaluationSubmissionSchema, schemaVersion: EVALUATION_SCHEMA_VERSION, what: '事業評価の提出データ' });
}
