import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BUILD = join(__dirname, '..', 'build');
const code = readFileSync(join(BUILD, 'Code.js'), 'utf8');

describe('the Apps Script build', () => {
  test('build/ holds only what clasp should push: Code.js, appsscript.json and the sidebars', () => {
    for (const file of readdirSync(BUILD)) expect(file).toMatch(/^(Code\.js|appsscript\.json|[\w-]+\.html)$/);
    expect(code).not.toMatch(/\brequire\(/);
  });

  test('one IIFE, no module syntax, Japanese kept as UTF-8, not minified', () => {
    expect(code.startsWith('"use strict";\nvar Houkatsu = (() => {') || code.startsWith('var Houkatsu = (() => {')).toBe(true);
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).toContain('入力チェック');
    expect(code).not.toMatch(/\\u5165\\u529b/);
    expect(code.split('\n').length).toBeGreaterThan(1000);
  });

  test('a top-level wrapper for every exported function of the entry, and none for anything else', () => {
    const wrappers = [...code.matchAll(/^function (\w+)\(\.\.\.args\) \{ return Houkatsu\.(\w+)\(\.\.\.args\); \}$/gm)];
    const names = wrappers.map((m) => m[1]);
    expect(wrappers.every((m) => m[1] === m[2])).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'onEdit', 'menuInputCheck', 'sidebarSelectCell', 'sidebarRecheck']));
    const entry = readFileSync(join(__dirname, '..', 'src', 'gas', 'main.ts'), 'utf8');
    const exported = [...entry.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    expect([...names].sort()).toEqual([...exported].sort());
  });

  test('the manifest asks for the least privilege the README justifies', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[]; runtimeVersion: string; timeZone: string };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Tokyo');
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    for (const scope of manifest.oauthScopes) expect(readme).toContain(scope.replace('https://www.googleapis.com/auth/', ''));
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    // The 提出用ファイル is created, written and shared through these two, under drive.file only.
    const services =
      (manifest as { dependencies?: { enabledAdvancedServices?: { userSymbol: string; version: string }[] } }).dependencies?.enabledAdvancedServices ?? [];
    expect(services.map((s) => `${s.userSymbol} ${s.version}`).sort()).toEqual(['Drive v3', 'Sheets v4']);
  });

  test('inlined sidebar scripts can be served by Apps Script', () => {
    for (const file of readdirSync(BUILD).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(BUILD, file), 'utf8');
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
      for (const script of scripts) {
        expect(script).not.toContain('<!--');
        expect(script).not.toContain('`');
      }
    }
  });
});
