// Writes the 月報 payload's published schemas (schema/submission.v1.json and its BigQuery table schema) from the zod
// schema the add-on validates with (src/domain/reports/submission-schema.ts, bundled here in memory, as
// scripts/checks-doc.mjs does), so the files cannot drift from the code. test/quality/schema.test.ts checks them.
// `node scripts/schema.mjs --check` only says whether the files are current (exit 1 when not).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import * as prettier from 'prettier';

const root = new URL('..', import.meta.url).pathname;

const result = await esbuild.build({
  entryPoints: [join(root, 'src/domain/reports/submission-schema.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'SubmissionSchemas',
  platform: 'neutral',
  // zod's package.json names its entry points the usual way; a neutral build reads none by default.
  mainFields: ['module', 'main'],
  write: false,
  logLevel: 'warning',
});
const s = vm.runInNewContext(`${result.outputFiles[0].text}\nSubmissionSchemas`);
const json = s.submissionJsonSchema();
/** The text as Prettier leaves it, so that `npm run lint` (prettier --check) passes on the files as written. */
async function formatted(file, text) {
  const path = join(root, file);
  return prettier.format(text, { ...(await prettier.resolveConfig(path)), filepath: path });
}
const files = [
  [s.SUBMISSION_SCHEMA_FILE, await formatted(s.SUBMISSION_SCHEMA_FILE, s.schemaText(json))],
  [s.SUBMISSION_BIGQUERY_SCHEMA_FILE, await formatted(s.SUBMISSION_BIGQUERY_SCHEMA_FILE, s.schemaText(s.submissionBigQuerySchema(json)))],
];

if (process.argv.includes('--check')) {
  const stale = files.filter(([file, text]) => {
    try {
      return readFileSync(join(root, file), 'utf8') !== text;
    } catch {
      // A missing file is simply not current.
      return true;
    }
  });
  for (const [file] of stale) console.error(`${file} is not current: run \`npm run schema\`.`);
  if (stale.length > 0) process.exit(1);
} else {
  for (const [file, text] of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
    console.log(`wrote ${file}`);
  }
}
