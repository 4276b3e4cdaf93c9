import type * as z from 'zod/mini';
import { type Fingerprinted, fingerprintMismatch, fingerprintOf } from './fingerprint';

/** A kind of payload as the city reads it: its schema, the version it reads, and what to call it in a reason. */
export interface PayloadSpec<T extends Fingerprinted> {
  readonly schema: z.ZodMiniType<T>;
  readonly schemaVersion: number;
  /** 提出データ, 事業評価の提出データ: the subject of each reason. */
  readonly what: string;
}

export type PayloadReading<T> = { readonly kind: 'ok'; readonly submission: T } | { readonly kind: 'bad'; readonly reason: string };

const AGAIN = 'センターに「市へ提出」をやり直してもらってください。';

/**
 * The city's reading of a stored payload of any kind: JSON, then the version, then the schema, then the
 * fingerprint. Each failure has a Japanese reason for 提出状況.
 */
export function readPayloadOf<T extends Fingerprinted>(json: string, spec: PayloadSpec<T>): PayloadReading<T> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { kind: 'bad', reason: `${spec.what}が壊れています（JSON として読めません）。${AGAIN}` };
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== spec.schemaVersion) {
    return {
      kind: 'bad',
      reason: `${spec.what}の版（${String(version)}）がこの集計の版（${spec.schemaVersion}）と違います。センターと市で同じ版のアドオンを使ってください。`,
    };
  }
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return { kind: 'bad', reason: `${spec.what}の形が正しくありません（${where}）。${AGAIN}` };
  }
  // Over the data as sent, not as parsed: fields a newer center adds are covered too (the schema drops them).
  if (fingerprintOf(data as Fingerprinted) !== parsed.data.fingerprint) return { kind: 'bad', reason: fingerprintMismatch(spec.what) };
  return { kind: 'ok', submission: parsed.data };
}
