import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { SubmissionSchema } from '../../src/domain/reports/submission';
import {
  type BigQueryField,
  SUBMISSION_BIGQUERY_SCHEMA_FILE,
  SUBMISSION_SCHEMA_FILE,
  submissionBigQuerySchema,
  submissionJsonSchema,
} from '../../src/domain/reports/submission-schema';
import { isoJapanTime } from '../../src/domain/values/times';
import { sampleSubmission } from '../helpers/submissions';

/**
 * SPEC §4.3 / issue #18 item 6: the 月報 payload's JSON Schema is published in schema/submission.v1.json, with the
 * BigQuery table schema of `houkatsu export --ndjson` beside it, both made from the zod schema by `npm run schema`.
 * These tests fail when a committed file is stale, and read the published file itself (zod's fromJSONSchema) to
 * check that it says what the payload is.
 */
const ROOT = join(__dirname, '..', '..');
const published = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/** A payload as the add-on makes one now (+09:00) and as it made one before issue #18 (`Z`). */
const before = sampleSubmission(0, '2021-02');
const now = { ...before, generatedAt: isoJapanTime(new Date(Date.UTC(2021, 2, 5, 1))), submittedAt: isoJapanTime(new Date(Date.UTC(2021, 2, 5, 1))) };

describe('the committed files are current', () => {
  test(`${SUBMISSION_SCHEMA_FILE} is what \`npm run schema\` makes from the zod schema now`, () => {
    // On failure: run `npm run schema` and commit schema/ with the schema change.
    expect(published(SUBMISSION_SCHEMA_FILE)).toStrictEqual(submissionJsonSchema());
  });

  test(`${SUBMISSION_BIGQUERY_SCHEMA_FILE} is what \`npm run schema\` makes from it`, () => {
    expect(published(SUBMISSION_BIGQUERY_SCHEMA_FILE)).toStrictEqual(JSON.parse(JSON.stringify(submissionBigQuerySchema())));
  });
});

describe('the published JSON Schema, read back as a validator (zod fromJSONSchema)', () => {
  const validator = z.fromJSONSchema(published(SUBMISSION_SCHEMA_FILE) as Parameters<typeof z.fromJSONSchema>[0]);

  test('it is JSON Schema 2020-12 and requires the core fields of SPEC §4.3', () => {
    const schema = published(SUBMISSION_SCHEMA_FILE) as { $schema: string; required: string[]; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const core = [
      'schemaVersion',
      'center',
      'month',
      'generatedAt',
      'submittedAt',
      'fingerprint',
      'consultations',
      'abuse',
      'preventivePlans',
      'delegations',
      'quality',
    ];
    expect(schema.required).toEqual(expect.arrayContaining(core));
    // Added to version 1 later: optional, so a payload made before them is still valid.
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['activities', 'complaints']));
    expect(schema.required).not.toContain('activities');
  });

  test('a payload made now and one made before issue #18 are valid, and so is one a newer center adds fields to', () => {
    expect(validator.safeParse(now).success).toBe(true);
    expect(validator.safeParse(before).success).toBe(true);
    expect(validator.safeParse({ ...now, submittedAt: null }).success).toBe(true);
    const { activities: _a, complaints: _c, ...older } = now;
    expect(validator.safeParse(older).success).toBe(true);
    expect(validator.safeParse({ ...now, addedLater: { count: 1 } }).success).toBe(true);
  });

  test.each([
    ['a count below 0', { consultations: { ...now.consultations, total: -1 } }],
    ['a count that is not whole', { abuse: { ...now.abuse, count: 1.5 } }],
    ['another kind', { kind: 'evaluation' }],
    ['another version', { schemaVersion: 2 }],
    ['a month that is not YYYY-MM', { month: '2021-13' }],
    ['a fingerprint that is not SHA-256 hex', { fingerprint: 'abc' }],
    ['a time that is not ISO 8601', { submittedAt: '2021/03/05 10:00' }],
    ['no center name', { center: { ...now.center, name: '' } }],
  ])('%s is not valid', (_what, change) => {
    expect(validator.safeParse({ ...now, ...change }).success).toBe(false);
    // The zod schema the city reads with says the same, except of a time's form (it reads any text there).
    if (!('submittedAt' in change)) expect(SubmissionSchema.safeParse({ ...now, ...change }).success).toBe(false);
  });

  test('a payload without one of its required fields is not valid', () => {
    const { fingerprint: _f, ...withoutFingerprint } = now;
    expect(validator.safeParse(withoutFingerprint).success).toBe(false);
  });
});

/**
 * Whether a JSON value loads into columns of this BigQuery schema as `bq load --source_format=NEWLINE_DELIMITED_JSON`
 * would take it (without --ignore_unknown_values): every key a column, every value of the column's type, REPEATED an
 * array, NULLABLE possibly absent or null. Returns where it would not.
 */
function loadProblems(value: unknown, fields: readonly BigQueryField[], at = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: not a record`];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const problems = Object.keys(value)
    .filter((k) => !byName.has(k))
    .map((k) => `${at}${k}: no such column`);
  for (const f of fields) {
    const v = (value as Record<string, unknown>)[f.name];
    const path = `${at}${f.name}`;
    if (v === undefined || v === null) continue;
    if (f.mode === 'REPEATED') {
      if (!Array.isArray(v)) problems.push(`${path}: not an array`);
      else v.forEach((x, i) => problems.push(...cellProblems(x, f, `${path}[${i}]`)));
    } else problems.push(...cellProblems(v, f, path));
  }
  return problems;
}

function cellProblems(v: unknown, f: BigQueryField, path: string): string[] {
  switch (f.type) {
    case 'RECORD':
      return loadProblems(v, f.fields ?? [], `${path}.`);
    case 'JSON':
      return [];
    case 'STRING':
      return typeof v === 'string' ? [] : [`${path}: not a string`];
    case 'INTEGER':
      return Number.isInteger(v) ? [] : [`${path}: not an integer`];
    case 'FLOAT':
      return typeof v === 'number' ? [] : [`${path}: not a number`];
    case 'BOOLEAN':
      return typeof v === 'boolean' ? [] : [`${path}: not a boolean`];
    case 'TIMESTAMP':
      // BigQuery's JSON timestamps: a date with - or /, a time with :, and an offset (+09:00) or Z.
      return typeof v === 'string' && /^\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? [] : [`${path}: not a timestamp`];
  }
}

describe('the BigQuery table schema of the NDJSON lines', () => {
  const fields = published(SUBMISSION_BIGQUERY_SCHEMA_FILE) as BigQueryField[];
  const every = (list: readonly BigQueryField[]): BigQueryField[] => list.flatMap((f) => [f, ...every(f.fields ?? [])]);

  test('column names BigQuery takes, and no array of arrays (BigQuery has none: the count tables’ cells are JSON)', () => {
    for (const f of every(fields)) expect(f.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,299}$/);
    const byMethod = fields.find((f) => f.name === 'consultations')?.fields?.find((f) => f.name === 'byMethod');
    expect(byMethod?.fields?.find((f) => f.name === 'cells')).toMatchObject({ type: 'JSON', mode: 'NULLABLE' });
    expect(fields.find((f) => f.name === 'submittedAt')).toMatchObject({ type: 'TIMESTAMP', mode: 'NULLABLE' });
    expect(fields.find((f) => f.name === 'delegations')).toMatchObject({ type: 'RECORD', mode: 'REPEATED' });
  });

  test('a payload made now loads whole; an unknown key or a wrong type would not (the check can fail)', () => {
    expect(loadProblems(JSON.parse(JSON.stringify(now)), fields)).toEqual([]);
    expect(loadProblems({ ...now, extra: 1 }, fields)).toEqual(['extra: no such column']);
    expect(loadProblems({ ...now, consultations: { ...now.consultations, total: '12' } }, fields)).toEqual(['consultations.total: not an integer']);
    expect(loadProblems({ ...now, submittedAt: '2021/03/05 10:00' }, fields)).toEqual(['submittedAt: not a timestamp']);
  });
});
