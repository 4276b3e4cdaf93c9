import type { NormalizePreview, NormalizeResult } from '../workbook/normalize-job';
import { cellText } from '../domain/values/cell';
import type { CellChange } from '../workbook/normalize-plan';
import { byId, el, failureText, focusIfLost, icon, setStatus, whileBusy } from './dom';
import { closeDialog, pageData, server } from './google-script';

/**
 * 表記を整える: every normalisation the check suggests, before → after, one checkbox each (all ticked), a
 * 'select all' toggle, and one button that sends only the ticked ones. Nothing is written before that click.
 */

type Item = NormalizePreview['items'][number];

const ticked = new Set<number>();
let items: readonly Item[] = [];

function shownValue(value: CellChange['before']): HTMLElement {
  const text = cellText(value);
  if (text === '') return el('span', { class: 'blank', text: '（空）' });
  // Spaces a person cannot see are what TEXT_SPACES is about: show them.
  return el('span', { text: text.replace(/^[ \u3000]+|[ \u3000]+$/g, (run) => '␣'.repeat(run.length)) });
}

function applyButton(): HTMLButtonElement {
  return byId<HTMLButtonElement>('apply');
}

function refreshCount(): void {
  const count = ticked.size;
  const apply = applyButton();
  apply.textContent = count > 0 ? `${count}件を整える` : '整える';
  apply.disabled = count === 0;
  const all = document.getElementById('select-all') as HTMLInputElement | null;
  if (all) {
    all.checked = count === items.length;
    all.indeterminate = count > 0 && count < items.length;
  }
  const counter = document.getElementById('selected-count');
  if (counter) counter.textContent = `${items.length}件中 ${count}件を選択`;
}

function row(item: Item): HTMLTableRowElement {
  const box = el('input', { attrs: { type: 'checkbox', 'aria-label': `${item.sheet}の${item.cell}（${item.header}）を整える` } });
  box.checked = ticked.has(item.id);
  const tr = el(
    'tr',
    { class: box.checked ? '' : 'off' },
    el('td', { class: 'tick' }, box),
    el('td', { class: 'mono', text: item.cell }),
    el('td', { text: item.header }),
    el('td', { class: 'before' }, shownValue(item.before)),
    el('td', { class: 'arrow', text: '→', attrs: { 'aria-hidden': 'true' } }),
    el('td', { class: 'after' }, shownValue(item.after)),
    el('td', { class: 'kind', text: item.kind }),
  );
  box.addEventListener('change', () => {
    if (box.checked) ticked.add(item.id);
    else ticked.delete(item.id);
    tr.className = box.checked ? '' : 'off';
    refreshCount();
  });
  return tr;
}

function renderEmpty(): void {
  byId('intro').hidden = true;
  byId('content').replaceChildren(
    el(
      'div',
      { class: 'empty' },
      icon('done', '#188038'),
      el('h2', { text: '整える表記はありません' }),
      el('p', { class: 'secondary', text: '和暦の日付、全角の数字、余分な空白、選択肢の表記ゆれは見つかりませんでした。' }),
    ),
  );
  applyButton().hidden = true;
  const close = byId('cancel');
  close.textContent = '閉じる';
  close.className = 'btn primary';
}

function render(preview: NormalizePreview): void {
  items = preview.items;
  ticked.clear();
  for (const item of items) ticked.add(item.id);
  if (items.length === 0) {
    renderEmpty();
    return;
  }
  const more = preview.total > items.length ? `（全${preview.total}件のうち先頭の${items.length}件。整えた後にもう一度開くと続きが出ます）` : '';
  const all = el('input', { attrs: { type: 'checkbox', id: 'select-all' } });
  all.addEventListener('change', () => {
    ticked.clear();
    if (all.checked) for (const item of items) ticked.add(item.id);
    render2();
  });
  byId('intro').replaceChildren(
    el('p', {
      class: 'lead',
      text: `書き方だけを直せるセルが ${preview.total}件あります${more}。変更前と変更後を確かめ、直さないセルのチェックを外してから「整える」を押してください。変更したセルは「_変更履歴」シートに記録されます。`,
    }),
    el(
      'div',
      { class: 'counts' },
      el('label', { class: 'select-all' }, all, 'すべて選択'),
      el('span', { class: 'secondary', attrs: { id: 'selected-count' } }),
    ),
  );
  render2();
}

/** The table, drawn from the ticks (the select-all toggle redraws it). */
function render2(): void {
  const body = el('tbody');
  const bySheet = new Map<string, Item[]>();
  for (const item of items) bySheet.set(item.sheet, [...(bySheet.get(item.sheet) ?? []), item]);
  for (const [sheet, list] of bySheet) {
    body.append(el('tr', {}, el('th', { attrs: { colspan: '7', scope: 'rowgroup' }, text: `${sheet}（${list.length}件）` })));
    for (const item of list) body.append(row(item));
  }
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', {}, el('span', { class: 'sr-only', text: '選択' })),
      el('th', { text: 'セル' }),
      el('th', { text: '列' }),
      el('th', { text: '変更前' }),
      el('th', {}, el('span', { class: 'sr-only', text: '→' })),
      el('th', { text: '変更後' }),
      el('th', { text: '種類' }),
    ),
  );
  byId('content').replaceChildren(el('table', { class: 'preview' }, head, body));
  refreshCount();
}

/**
 * The result goes into #result, a live region that was on the page from the start (role=status in the HTML), so a
 * screen reader says it; one drawn together with its region is often not said. The focus goes to its heading: the
 * button that had it is gone, and from the heading the next Tab reaches 閉じる.
 */
function renderDone(result: NormalizeResult): void {
  byId('intro').hidden = true;
  const ok = result.skipped === 0;
  const headline = el('h2', { text: result.headline, attrs: { tabindex: '-1' } });
  byId('content').replaceChildren();
  byId('result').replaceChildren(
    el('div', { class: 'empty' }, icon(ok ? 'done' : 'info', ok ? '#188038' : '#b06000'), headline, el('p', { class: 'secondary', text: result.details })),
  );
  applyButton().hidden = true;
  const cancel = byId('cancel');
  cancel.textContent = '閉じる';
  cancel.className = 'btn primary';
  headline.focus();
}

function main(): void {
  render(pageData<NormalizePreview>());
  byId('cancel').addEventListener('click', () => closeDialog());
  const apply = applyButton();
  apply.addEventListener('click', () => {
    const chosen = items.filter((i) => ticked.has(i.id)).map(({ id: _id, ...change }) => change);
    setStatus(byId('status'), 'セルを確かめて書き込んでいます…');
    whileBusy(apply, '整えています…', () => server.normalizeDialogApply(chosen))
      .then((result) => {
        setStatus(byId('status'), '');
        renderDone(result);
      })
      .catch((e: unknown) => {
        setStatus(byId('status'), failureText(e), 'error');
        // 整える was disabled while the call ran, which dropped the focus to <body>.
        focusIfLost(apply);
      });
  });
}

main();
