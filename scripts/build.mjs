// Builds what clasp pushes — the center's add-on (build/: Code.js, appsscript.json, one self-contained HTML per
// sidebar) and the city's (build-city/: Code.js, appsscript.json, which asks for the wider scope it alone
// needs) — and the Node runner (dist/: cli.js, bench.js), which must stay out of both or Apps Script would
// get `require`.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import vm from 'node:vm';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'build');
const outCity = join(root, 'build-city');
const dist = join(root, 'dist');
const GLOBAL = 'Houkatsu';

/**
 * Apps Script's V8 runs ES2020 (ES2022 class fields fail there); UTF-8 keeps Japanese readable in the editor.
 * Minified, because Apps Script parses the whole bundle on every onOpen, onEdit and sidebar call (#16: 400 KB
 * → 240 KB, the city's 315 → 190 KB); `keepNames` keeps every function's and class's own name, so that a stack
 * trace in the execution log still says where an error came from.
 */
const appsScriptOptions = { bundle: true, format: 'iife', target: 'es2020', charset: 'utf8', minify: true, keepNames: true, write: false, logLevel: 'warning' };
// `node scripts/build.mjs --readable`: the same bundles unminified, for a CPU profile of the vm tests (V8's profiler
// names a function by its source name, which minifying shortens; keepNames only sets the `name` property).
if (process.argv.includes('--readable')) appsScriptOptions.minify = false;

async function buildCode(entry, dir) {
  const result = await esbuild.build({ ...appsScriptOptions, entryPoints: [join(root, entry)], globalName: GLOBAL });
  const bundle = result.outputFiles[0].text;
  // The wrappers come from what the entry really exports: evaluate the bundle (its top level has no side
  // effects) and wrap every exported function, so no hand-kept list can drift from the code.
  const exported = vm.runInNewContext(`${bundle}\n${GLOBAL}`, { console });
  const names = Object.keys(exported)
    .filter((name) => typeof exported[name] === 'function')
    .sort();
  if (names.length === 0) throw new Error(`${entry} exports no functions`);
  const wrappers = names.map((name) => `function ${name}(...args) { return ${GLOBAL}.${name}(...args); }`).join('\n');
  writeFileSync(join(dir, 'Code.js'), `${bundle}\n${wrappers}\n`);
  return names;
}

/**
 * A page's <title> is the text of its one <h1>, which names it as the host's title bar does (the h1 may be
 * visually hidden for that reason): a screen reader's list of windows and its list of headings then say the same,
 * and the words are kept in one place. A page with no <h1>, or more than one, stops the build (issue #20).
 */
function pageTitle(name, body) {
  const headings = [...body.matchAll(/<h1\b[^>]*>([^<]*)<\/h1>/g)].map((m) => m[1].trim());
  if (headings.length !== 1 || !headings[0])
    throw new Error(`${name}.html: ページの見出し <h1> が ${headings.length} つあります。ページの名前になる <h1> を 1 つだけ置いてください。`);
  return headings[0];
}

async function buildHtml() {
  const uiDir = join(root, 'src/ui');
  const css = readFileSync(join(uiDir, 'sidebar.css'), 'utf8');
  // Every page is its body only; _page.html is the one head, style and script placement they share.
  const shell = readFileSync(join(uiDir, '_page.html'), 'utf8');
  const pages = readdirSync(uiDir).filter((f) => f.endsWith('.html') && !f.startsWith('_'));
  for (const page of pages) {
    const name = basename(page, '.html');
    const result = await esbuild.build({
      ...appsScriptOptions,
      entryPoints: [join(uiDir, `${name}.ts`)],
      // Apps Script strips `//` and `/*` inside template literals of served HTML: lower them to plain strings.
      supported: { 'template-literal': false },
      legalComments: 'none',
    });
    const script = result.outputFiles[0].text;
    for (const bad of ['</script', '<!--']) {
      if (script.toLowerCase().includes(bad)) throw new Error(`${name}: the inlined script contains ${bad}`);
    }
    const body = readFileSync(join(uiDir, page), 'utf8').trimEnd();
    const html = shell
      .replace('<!--PAGE_TITLE-->', () => pageTitle(name, body))
      .replace('<!--PAGE_BODY-->', () => body)
      .replace('/*INLINE_CSS*/', () => css)
      .replace('/*INLINE_SCRIPT*/', () => script);
    writeFileSync(join(out, page), html);
  }
  return pages;
}

async function buildNode() {
  const entries = { cli: 'src/cli/bin.ts' };
  if (existsSync(join(root, 'bench/bench.ts'))) entries.bench = 'bench/bench.ts';
  for (const [name, entry] of Object.entries(entries)) {
    await esbuild.build({
      entryPoints: [join(root, entry)],
      outfile: join(dist, `${name}.js`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      charset: 'utf8',
      packages: 'external',
      sourcemap: 'inline',
      banner: { js: '#!/usr/bin/env node' },
      logLevel: 'warning',
    });
  }
}

for (const dir of [out, outCity]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
mkdirSync(dist, { recursive: true });
copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
copyFileSync(join(root, 'appsscript-city.json'), join(outCity, 'appsscript.json'));
const [names, , pages] = await Promise.all([buildCode('src/gas/main.ts', out), buildCode('src/gas/city-main.ts', outCity), buildHtml(), buildNode()]);
if (!process.env.CI && process.argv.includes('--verbose')) {
  console.log(`build/Code.js: ${names.join(', ')}\nbuild/: ${pages.join(', ')}`);
}
