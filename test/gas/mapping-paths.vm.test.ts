/**
 * 読み替え through the real bundle on the Sheets fake, path by path (issue 15): onEdit, 表記を整える and 市へ提出 on a
 * center that keeps its own ledger (相談台帳, its own headers in its own order, a title row, its own words). Each
 * test also shows the same ledger without 読み替え failing, so it fails if a path stops reading the mapping.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPayload, type Submission } from '../../src/domain/reports/submission';
import { readStoredSubmissions } from '../../src/domain/reports/submission-store';
import { MARK_COLORS } from '../../src/workbook/marks';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows, userEdit } from '../fakes/gas-globals';
import { consultation, CONSULTATION_HEADER, jst } from '../helpers/center';
import { submissionFileOf } from '../helpers/submission-file';

const BUILD = join(__dirname, '..', '..', 'build');
const MANIFEST = JSON.parse(readFileSync(join(BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };

/** The center's own headers (left) for the standard ones, in the center's own column order, and a column of its own. */
const OWN: readonly (readonly [string, string | undefined])[] = [
  ['No', undefined],
  ['来談日', '受付日'],
  ['ケースNo', '相談者ID'],
  ['区分', '業務区分'],
  ['初回か', '新規/継続'],
  ['方法', '相談方法'],
  ['相談元', '相談者'],
  ['主訴', '相談内容'],
  ['認知症', '認知症関連'],
  ['時間外', '夜間休日'],
  ['職種', '対応職種'],
  ['対応', '対応内容'],
  ['紹介先', '紹介事業所'],
  ['紹介の訳', '紹介理由'],
  ['市報告日', '市への報告日'],
  ['担当', '担当者'],
  ['氏名', '氏名'],
  ['内容', '内容メモ'],
];
const OWN_HEADER = OWN.map(([own]) => own);

const MAPPING: readonly (readonly string[])[] = [
  ['種類', '対象', 'この表での書き方', '標準'],
  ['シート', '', '相談台帳', '相談記録'],
  ...OWN.filter(([own, standard]) => standard !== undefined && own !== standard).map(([own, standard]) => ['見出し', '相談記録', own, standard as string]),
  ['値', '相談方法', '来談', '来所'],
  ['値', '相談者', 'ケアマネさん', '介護支援専門員'],
];

/** A standard row (helpers/center) in the center's own layout: its own order, its own words, a row number of its own. */
function ownRow(row: readonly unknown[], n: number): unknown[] {
  const words: Record<string, string> = { 来所: '来談', 介護支援専門員: 'ケアマネさん' };
  return OWN.map(([, standard]) => {
    if (standard === undefined) return n;
    const value = row[CONSULTATION_HEADER.indexOf(standard)];
    return typeof value === 'string' && words[value] !== undefined ? words[value] : value;
  });
}

const ROWS = [
  consultation({ 相談方法: '来所', 相談者: '介護支援専門員' }),
  consultation({ 受付日: jst('2026-10-09'), 相談者ID: 'A-0002', 相談方法: '電話' }),
  consultation({ 受付日: jst('2026-10-12'), 相談者ID: 'A-0003', 相談方法: '来所', 業務区分: '権利擁護' }),
];

interface World {
  env: GasEnvironment;
  context: object;
}

function world(layout: 'own' | 'standard', options: { mapping?: boolean; rows?: unknown[][] } = {}): World {
  const env = createGasEnvironment({ htmlDir: BUILD, oauthScopes: MANIFEST.oauthScopes });
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', '児玉地域包括支援センター'],
    ['提出先メールアドレス', 'kaigo@city.example.jp'],
  ]);
  const rows = options.rows ?? ROWS;
  if (layout === 'standard') sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...rows]);
  else {
    sheetFromRows(env.spreadsheet, '相談台帳', [['相談台帳（令和8年度）'], OWN_HEADER, ...rows.map((r, i) => ownRow(r, i + 1))]);
    if (options.mapping !== false) sheetFromRows(env.spreadsheet, '読み替え', MAPPING);
  }
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env) };
}

const column = (header: string): number => OWN_HEADER.indexOf(header);

describe('読み替え on every path of the add-on', () => {
  test('onEdit checks a paste on the center’s own sheet by its own headers and words; an edit of 読み替え checks 読み替え', () => {
    const { env, context } = world('own');
    const pasted = [ownRow(consultation({ 相談方法: '伝書鳩' }), 4), ownRow(consultation({ 相談方法: '来所' }), 5)];
    runFunction(context, 'onEdit', userEdit(env, '相談台帳', 'A6:R7', pasted));
    const ledger = env.spreadsheet.peekSheet('相談台帳');
    expect(ledger.peekBackgrounds()[5]?.[column('方法')]).toBe(MARK_COLORS.error);
    expect(ledger.peekNotes()[5]?.[column('方法')]).toContain('「方法」の「伝書鳩」は選択肢にありません');
    // 来談 is the center's word for 来所: no mark.
    expect(ledger.peekBackgrounds()[6]?.every((c) => c === '#ffffff')).toBe(true);
    expect(env.spreadsheet.peekSheetNames()).not.toContain('相談記録');

    runFunction(context, 'onEdit', userEdit(env, '読み替え', `A${MAPPING.length + 1}:D${MAPPING.length + 1}`, [['値', '相談方法', '伝書鳩', 'はと']]));
    const mapping = env.spreadsheet.peekSheet('読み替え');
    expect(mapping.peekBackgrounds()[MAPPING.length]?.[3]).toBe(MARK_COLORS.error);
    expect(mapping.peekNotes()[MAPPING.length]?.[3]).toContain('「相談方法」に「はと」という選択肢はありません');

    // Without 読み替え the same paste is not on a sheet the add-on checks: nothing is marked.
    const bare = world('own', { mapping: false });
    runFunction(bare.context, 'onEdit', userEdit(bare.env, '相談台帳', 'A6:R7', pasted));
    expect(
      bare.env.spreadsheet
        .peekSheet('相談台帳')
        .peekBackgrounds()
        .flat()
        .every((c) => c === '#ffffff'),
    ).toBe(true);
  });

  test('表記を整える proposes changes on the center’s sheet by its own headers, and leaves its mapped words as they are', () => {
    const rows = [...ROWS, consultation({ 相談方法: 'TEL', 相談者ID: 'Ａ－０００９' })];
    const { env, context } = world('own', { rows });
    runFunction(context, 'menuNormalize');
    const shown = env.ui.shown.filter((s) => s.kind === 'modal').pop();
    const html = shown && 'html' in shown ? shown.html : '';
    const preview = JSON.parse(/<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null') as {
      items: { sheet: string; cell: string; header: string; code: string; before: unknown; after: unknown }[];
    };
    expect(preview.items.map((i) => [i.sheet, i.cell, i.header, i.before, i.after])).toEqual([
      ['相談台帳', 'C6', 'ケースNo', 'Ａ－０００９', 'A-0009'],
      ['相談台帳', 'F6', '方法', 'TEL', '電話'],
    ]);
  });

  test('市へ提出: the payload of the own ledger is the payload of the same rows in the standard layout', () => {
    const payloadOf = ({ env, context }: World): Submission => {
      env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet(env.spreadsheet.peekSheetNames()[1] as string));
      env.ui.answer({ button: 'OK', text: '2026-10' }, 'OK');
      runFunction(context, 'menuSubmitReport');
      const file = submissionFileOf(env);
      const stored = readStoredSubmissions((file?.peekSheet('_提出データ').peekValues() ?? []) as never);
      const payload = readPayload(stored[0]?.json ?? '');
      if (payload.kind !== 'ok') throw new Error(`no payload: ${JSON.stringify(payload)}`);
      return payload.submission;
    };
    const own = payloadOf(world('own'));
    const standard = payloadOf(world('standard'));
    expect(own.consultations.total).toBe(3);
    // Everything but the moment each was made.
    expect({ ...own, generatedAt: '', submittedAt: '' }).toEqual({ ...standard, generatedAt: '', submittedAt: '' });

    // Without 読み替え there is no 相談記録 to count: nothing is submitted, and the supervisor is told why, by name.
    const bare = world('own', { mapping: false });
    bare.env.ui.answer({ button: 'OK', text: '2026-10' });
    runFunction(bare.context, 'menuSubmitReport');
    const said = bare.env.ui.shown.map((s) => ('prompt' in s ? String(s.prompt) : '')).join('\n');
    expect(said).toContain(
      '2026年10月（令和8年10月）の月報を作れません。相談記録を読めないまま作ると、相談の件数がすべて 0 になるためです。「相談記録」シートがありません。',
    );
    expect(said).not.toContain('残っています');
    // 月報を作成 refuses the same way, and draws no sheet.
    expect(() => runFunction(bare.context, 'reportDialogBuild', '2026-10')).toThrow('月報を作れません');
    expect(bare.env.spreadsheet.peekSheetNames().filter((n) => n.startsWith('月報'))).toEqual([]);
    expect(
      bare.env.spreadsheet
        .peekSheet('設定')
        .peekValues()
        .find((r) => r[0] === '提出用ファイル')?.[1] ?? '',
    ).toBe('');
  });
});
