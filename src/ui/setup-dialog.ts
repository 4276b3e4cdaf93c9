import type { SetupResult } from '../gas/setup';
import { byId, el, icon } from './dom';
import { closeDialog, pageData } from './google-script';

/** シートを準備: what was done to each sheet, or that everything was ready already. */

const STATES: Readonly<Record<SetupResult['sheets'][number]['status'], string>> = {
  created: '作成',
  updated: '追加・設定',
  unchanged: '変更なし',
  skipped: '変更せず',
};

function main(): void {
  const result = pageData<SetupResult>();
  const skipped = result.sheets.some((s) => s.status === 'skipped');
  const title = result.changed ? 'シートを準備しました' : skipped ? '準備できないシートがあります' : '準備はできています';
  const lead = result.changed
    ? '既存の列とデータはそのままです。足りないものだけを追加しました。'
    : skipped
      ? '下の説明を見て、見出し行を整えてからもう一度実行してください。'
      : 'すべてのシートに必要な列と設定がそろっていました。何も変更していません。';
  byId('content').replaceChildren(
    el(
      'div',
      { class: 'headline' },
      icon(skipped ? 'info' : 'done', skipped ? '#b06000' : '#188038'),
      el('div', {}, el('h2', { text: title, attrs: { id: 'setup-title' } }), el('p', { class: 'secondary', text: lead, attrs: { id: 'setup-lead' } })),
    ),
    ...result.sheets.map((sheet) =>
      el(
        'section',
        { class: 'result-sheet' },
        el(
          'h3',
          {},
          sheet.standard ? `${sheet.name}（${sheet.standard}）` : sheet.name,
          el('span', { class: `state ${sheet.status}`, text: STATES[sheet.status] }),
        ),
        sheet.status === 'unchanged'
          ? el('p', { class: 'secondary small', text: sheet.lines.join('') })
          : el('ul', {}, ...sheet.lines.map((line) => el('li', { text: line }))),
      ),
    ),
  );
  const close = byId<HTMLButtonElement>('close');
  close.addEventListener('click', () => closeDialog());
  // The dialog opens with the focus on 閉じる, the one thing to do; described by the result's heading and lead, it
  // tells a screen reader user what was done before they leave (the list above is one Shift+Tab away).
  close.setAttribute('aria-describedby', 'setup-title setup-lead');
  close.focus();
}

main();
