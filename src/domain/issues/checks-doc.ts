import { ISSUE_CATALOGUE, type IssueCode } from './catalogue';

/**
 * docs/CHECKS.md, made from the catalogue: one row per code. `npm run docs` writes it; a test regenerates it
 * and fails when the page is not current, so the list of checks never drifts from the rules.
 */
const SEVERITY_LABEL = { error: 'エラー', warning: '注意' } as const;

/** A table cell: one line, and a `|` must not end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function suggestionRule(code: IssueCode): string {
  const { suggestion, tidy } = ISSUE_CATALOGUE[code];
  if (suggestion === undefined) return 'なし';
  return tidy === undefined
    ? `${suggestion}チェック結果のサイドバーから 1 件ずつ確かめて適用します。`
    : `${suggestion}「表記を整える」でまとめて直せます（一覧では「${tidy}」）。`;
}

function exampleMessage(code: IssueCode): string {
  const { message, example } = ISSUE_CATALOGUE[code];
  return (message as (p: typeof example) => string)(example);
}

export function checksDoc(): string {
  const codes = Object.keys(ISSUE_CATALOGUE) as IssueCode[];
  const rows = codes.map((code) => {
    const e = ISSUE_CATALOGUE[code];
    return `| \`${code}\` | ${SEVERITY_LABEL[e.severity]} | ${cell(e.title)} | ${cell(e.description)} | ${cell(suggestionRule(code))} | ${cell(exampleMessage(code))} |`;
  });
  return [
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
    ...rows,
    '',
  ].join('\n');
}
