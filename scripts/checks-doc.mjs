// Writes docs/CHECKS.md from the error catalogue (src/domain/issues/catalogue.ts). The page is made by the
// same TypeScript the test checks it with (checksDoc), bundled here in memory, so the two cannot disagree.
// `node scripts/checks-doc.mjs --check` only says whether the page is current (exit 1 when not).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const root = new URL('..', import.meta.url).pathname;
const target = join(root, 'docs', 'CHECKS.md');

const result = await esbuild.build({
  entryPoints: [join(root, 'src/domain/issues/checks-doc.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'ChecksDoc',
  platform: 'neutral',
  write: false,
  logLevel: 'warning',
});
const { checksDoc } = vm.runInNewContext(`${result.outputFiles[0].text}\nChecksDoc`);
const page = checksDoc();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing page is simply not current.
  }
  if (current !== page) {
    console.error('docs/CHECKS.md is not current: run `npm run docs`.');
    process.exit(1);
  }
} else {
  writeFileSync(target, page);
  console.log(`wrote ${target}`);
}
