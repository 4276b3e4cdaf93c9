import { ISSUE_CATALOGUE } from '../../src/domain/issues/catalogue';
import { checksDoc } from '../../src/domain/issues/checks-doc';

/**
 * docs/CHECKS.md as checksDoc() makes it: the heading and introduction, then one table row per code with its
 * severity, title, description, how its suggestion is offered, and the example message. The rows below are
 * written out by hand for one code of each kind of suggestion: none, one at a time, and 「表記を整える」.
 */
const page = checksDoc();
const lines = page.split('\n');

function row(code: string, of: readonly string[] = lines): string | undefined {
  return of.find((line) => line.startsWith(`| \`${code}\` |`));
}

describe('the page', () => {
  test('starts with the heading, the generated-file notice, the introduction and the table head', () => {
    expect(lines.slice(0, 10)).toEqual([
      '# 入力チェックの一覧',
      '',
      '<!-- src/domain/issues/catalogue.ts から `npm run docs` で生成します。手で直さず、カタログを直してから生成し直してください。 -->',
      '',
      '入力チェックが確かめることを、コードごとに並べます。コードは変えません（ほかの道具が頼るため）。',
      '**エラー** は直す必要のあるもの（読めない・足りない・食い違う）、**注意** は読めたけれど確かめてほしいもの・そろえたほうがよいものです。',
      '「メッセージの例」は、カタログの文面に見本の値を入れたものです。',
      '',
      '| コード | 重要度 | 見出し | 説明 | 候補の出し方 | メッセージの例 |',
      '| --- | --- | --- | --- | --- | --- |',
    ]);
  });

  test('has one line per code after the table head, in catalogue order, and ends with a newline', () => {
    const codes = Object.keys(ISSUE_CATALOGUE);
    const body = lines.slice(10);
    expect(body).toHaveLength(codes.length + 1);
    expect(body.slice(0, codes.length).map((line) => /^\| `([A-Z_]+)` \| /.exec(line)?.[1])).toEqual(codes);
    expect(body[codes.length]).toBe('');
    expect(page.endsWith('|\n')).toBe(true);
  });

  test('every row has the six cells of the table head', () => {
    for (const line of lines.slice(10, -1)) {
      expect(line.startsWith('| `')).toBe(true);
      expect(line.endsWith(' |')).toBe(true);
      expect(line.split(' | ')).toHaveLength(6);
    }
  });
});

describe('a row', () => {
  test('a code without a suggestion says なし', () => {
    expect(row('CELL_MERGED')).toBe(
      '| `CELL_MERGED` | エラー | 結合されたセル | 記録の行のセルが結合されています。値は結合の左上のセルにしかないので、ほかの行は空と同じになります。 | なし | ' +
        '「受付日」のセルが結合されています（値は結合の左上のセルにしかありません）。結合を解除して、1行に1件ずつ入力してください。 |',
    );
  });

  test('a suggestion that is a judgement is applied one at a time from the sidebar', () => {
    expect(row('MUNICIPALITY_MISMATCH')).toBe(
      '| `MUNICIPALITY_MISMATCH` | 注意 | 所在と所在地が違う | 委託契約の所在が、所在地の住所から読める市町村と違います。境にある建物など職員のほうが正しいこともあるので、入力された所在を使い続けます。 | ' +
        '所在地から読み取った市町村名。所在地と所在のどちらが正しいかは人が決めます。チェック結果のサイドバーから 1 件ずつ確かめて適用します。 | ' +
        '「所在」の「深谷市」は、所在地「埼玉県本庄市千代田3-5-1」から読める「本庄市」と違います。所在地と所在のどちらが正しいか確かめてください。 |',
    );
  });

  test('a suggestion that only changes the writing is applied in bulk, under its label', () => {
    expect(row('TEXT_SPACES')).toBe(
      '| `TEXT_SPACES` | 注意 | 余分な空白 | 前後の空白、続いた空白、全角の空白が入っています。同じ事業所名などが別のものとして数えられないよう、空白を整えます。 | ' +
        '空白を整えた値。「表記を整える」でまとめて直せます（一覧では「余分な空白を削除」）。 | ' +
        '「紹介事業所」の前後や途中に余分な空白があります。「ケアプランセンターほんじょう」にしてください。 |',
    );
  });

  test('severity is written エラー or 注意', () => {
    expect(row('DATE_INVALID')).toContain('| `DATE_INVALID` | エラー | 日付として読めない | ');
    expect(row('DATE_NOTATION')).toContain('| `DATE_NOTATION` | 注意 | 西暦でない日付 | ');
  });
});

describe('a table cell', () => {
  afterEach(() => jest.restoreAllMocks());

  test('escapes a | and joins the lines of a text with one space, so a row stays one line of six cells', () => {
    // No text of the catalogue has a | or a line break today; one is put in for this test alone.
    jest.replaceProperty(ISSUE_CATALOGUE.CELL_MERGED, 'description', '一行目。\n二行目 | 三行目。  \n\t 四行目。\n 五行目。');
    expect(row('CELL_MERGED', checksDoc().split('\n'))).toBe(
      '| `CELL_MERGED` | エラー | 結合されたセル | 一行目。 二行目 \\| 三行目。 四行目。 五行目。 | なし | ' +
        '「受付日」のセルが結合されています（値は結合の左上のセルにしかありません）。結合を解除して、1行に1件ずつ入力してください。 |',
    );
  });
});
