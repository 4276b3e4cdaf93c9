import * as z from 'zod/mini';
import { SCHEMA_VERSION, SubmissionSchema } from './submission';

/**
 * The 月報 payload's published schemas (SPEC §4.3, issue #18 item 6), made from the one zod schema the center and the
 * city validate with, so the three cannot disagree: `schema/submission.v1.json` (JSON Schema, for any tool) and
 * `schema/submission.v1.bigquery.json` (a BigQuery table schema for `houkatsu export --ndjson`). `npm run schema`
 * writes them (scripts/schema.mjs); test/quality/schema.test.ts fails when a committed file is stale.
 *
 * Only the scripts and the tests import this module: the Apps Script bundles leave zod's JSON Schema code out.
 */

type JsonSchema = Record<string, unknown>;

/** Where the files go, from the repository's root. */
export const SUBMISSION_SCHEMA_FILE = `schema/submission.v${SCHEMA_VERSION}.json`;
export const SUBMISSION_BIGQUERY_SCHEMA_FILE = `schema/submission.v${SCHEMA_VERSION}.bigquery.json`;

/** The times of a payload: ISO 8601 with an offset (`+09:00` since issue #18, `Z` in payloads made before it). */
const TIME = 'ISO 8601 の日時（オフセット付き）。2021-03-05T10:00:00+09:00 の形（issue #18 より前に作られた提出データでは 2021-03-05T01:00:00.000Z の形）。';

/** What the core fields mean (SPEC §4.3), by their path: the words another tool's author reads. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  kind: '提出データの種類。月報は monthly-report（事業評価の提出データは別の種類で、このスキーマには含まれない）。',
  schemaVersion: 'スキーマの版。中心のフィールドを変えるときだけ上がる（フィールドの追加では上がらない）。',
  center: 'センター（設定のセンター名・センターコード・市区町村名）。',
  month: '対象月（YYYY-MM）。',
  generatedAt: `提出データを作った日時。${TIME}`,
  submittedAt: `市へ提出した日時（下書きなら null）。${TIME}`,
  fingerprint:
    '指紋: 日時と指紋そのものを除いた内容の正規化 JSON（キーを並べ替え、空白なし）の SHA-256（16 進 64 文字）。コピーの途中の破損やうっかりした編集を見つけるためのもので、意図した書き換えは見つけられない。',
  consultations: '総合相談の件数（延べ件数・実人数・新規・相談方法別・相談内容別・対応職種別の表と 12 か月の推移）。',
  'consultations.total': '延べ件数。',
  'consultations.uniquePersons': '実人数（相談者ID の数。ID そのものは含まない）。',
  'consultations.newPersons': '新規の実人数。',
  abuse: '虐待: 件数、うち市へ報告済み、うち期限より遅れた報告。',
  preventivePlans: '介護予防支援・介護予防ケアマネジメント: 直営・委託の件数と、うち新規。',
  delegations: 'その月に委託した事業所ごとの件数（事業所の情報と件数だけ）。',
  contracts: 'その月に有効な委託契約（事業所の情報と契約期間だけ）。',
  newContracts: 'その月に始まった委託契約。',
  activities: '活動記録の件数（種類ごとの回数と参加者数、地域ケア個別会議の回数・検討事例数・職種ごとの出席回数）。この項目ができる前の提出データにはない。',
  complaints: '苦情記録の件数（受付、月末に対応中、市へ報告）。この項目ができる前の提出データにはない。',
  quality: 'その月の行に残っていたエラー・注意の数。',
};

/**
 * The payload's JSON Schema. From zod's input side: the city reads a payload with fields it does not know (a newer
 * center's) and drops them, so the schema lets them through too — fields may be added without a new schemaVersion.
 */
export function submissionJsonSchema(): JsonSchema {
  // A copy of its own: zod may hand out one object for a schema used in several places (the counts), and a
  // description belongs to one place.
  const generated = JSON.parse(JSON.stringify(z.toJSONSchema(SubmissionSchema, { target: 'draft-2020-12', io: 'input' }))) as JsonSchema;
  for (const [path, description] of Object.entries(DESCRIPTIONS)) {
    const property = propertyAt(generated, path.split('.'));
    if (!property) throw new Error(`提出データのスキーマに「${path}」がありません（submission-schema.ts の説明を直してください）。`);
    property.description = description;
  }
  for (const path of ['generatedAt', 'submittedAt']) {
    for (const branch of stringBranches(propertyAt(generated, [path]))) branch.format = 'date-time';
  }
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `包括支援シート 提出データ（月報）v${SCHEMA_VERSION}`,
    description:
      '地域包括支援センターが市へ提出する月報の提出データ（SPEC §4.3）。件数と事業所の情報だけで、相談者ID・氏名・メモなどの個人の情報は含まない。キーは英語の camelCase。`houkatsu export --ndjson` は 1 行に 1 つ、この形で書く。',
    ...rest,
  };
}

/** The property schema at a path of property names (`consultations.total`), through nullable and optional wrappers. */
function propertyAt(schema: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  let at: JsonSchema | undefined = schema;
  for (const name of path) {
    const object: JsonSchema | undefined = at ? withoutNull(at) : undefined;
    at = (object?.properties as Record<string, JsonSchema> | undefined)?.[name];
  }
  return at;
}

/** The string schema itself, or its string branches when it also allows null. */
function stringBranches(schema: JsonSchema | undefined): JsonSchema[] {
  if (!schema) return [];
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  return (anyOf ?? [schema]).filter((s) => s.type === 'string' || (Array.isArray(s.type) && (s.type as string[]).includes('string')));
}

/** A file's text before the script formats it as Prettier does (the tests compare what it means, not its spaces). */
export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// --------------------------------------------------------------------------------------- BigQuery

export interface BigQueryField {
  readonly name: string;
  readonly type: 'STRING' | 'INTEGER' | 'FLOAT' | 'BOOLEAN' | 'TIMESTAMP' | 'JSON' | 'RECORD';
  readonly mode: 'NULLABLE' | 'REPEATED';
  readonly description?: string;
  readonly fields?: readonly BigQueryField[];
}

/** A schema that allows null as well (`anyOf [X, null]`, `type: [T, "null"]`): X, T. */
function withoutNull(schema: JsonSchema): JsonSchema {
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (anyOf) {
    const others = anyOf.filter((s) => s.type !== 'null');
    if (others.length === 1) return { ...(others[0] as JsonSchema), ...(schema.description ? { description: schema.description } : {}) };
  }
  if (Array.isArray(schema.type)) {
    const types = (schema.type as string[]).filter((t) => t !== 'null');
    if (types.length === 1) return { ...schema, type: types[0] };
  }
  return schema;
}

function scalarType(schema: JsonSchema): BigQueryField['type'] {
  switch (schema.type) {
    case 'string':
      return schema.format === 'date-time' ? 'TIMESTAMP' : 'STRING';
    case 'integer':
      return 'INTEGER';
    case 'number':
      return Number.isInteger(schema.const) ? 'INTEGER' : 'FLOAT';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'JSON';
  }
}

/**
 * One property as a BigQuery column. An object with named properties is a RECORD; an array of scalars or of such
 * objects is REPEATED. What BigQuery cannot hold as columns goes in a JSON column: an array of arrays (the count
 * tables' cells; BigQuery has no array of arrays) and a map whose keys are data (職種 → 回数).
 */
function bigQueryField(name: string, property: JsonSchema): BigQueryField {
  const schema = withoutNull(property);
  const described = (f: Omit<BigQueryField, 'description'>): BigQueryField =>
    typeof schema.description === 'string' ? { ...f, description: schema.description } : f;
  if (schema.type === 'array') {
    const items = withoutNull((schema.items ?? {}) as JsonSchema);
    if (items.type === 'array' || (items.type === 'object' && !items.properties)) return described({ name, type: 'JSON', mode: 'NULLABLE' });
    if (items.type === 'object') return described({ name, type: 'RECORD', mode: 'REPEATED', fields: bigQueryFields(items) });
    return described({ name, type: scalarType(items), mode: 'REPEATED' });
  }
  if (schema.type === 'object') {
    return schema.properties
      ? described({ name, type: 'RECORD', mode: 'NULLABLE', fields: bigQueryFields(schema) })
      : described({ name, type: 'JSON', mode: 'NULLABLE' });
  }
  return described({ name, type: scalarType(schema), mode: 'NULLABLE' });
}

function bigQueryFields(schema: JsonSchema): BigQueryField[] {
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([name, p]) => bigQueryField(name, p));
}

/**
 * The BigQuery table schema of the NDJSON lines (`bq load --source_format=NEWLINE_DELIMITED_JSON … schema.json`):
 * BigQuery's autodetect cannot load them, since the count tables hold arrays of arrays. Every column is NULLABLE
 * (or REPEATED): a payload made before `activities` existed loads with that column empty.
 */
export function submissionBigQuerySchema(json: JsonSchema = submissionJsonSchema()): BigQueryField[] {
  return bigQueryFields(json);
}
