import type { CheckView } from '../gas/check';
import type { Issue } from '../domain/issues/issue';
import { button, byId, el, failureText, icon, setStatus, whileBusy } from './dom';
import { pageData, server } from './google-script';

/**
 * チェック結果: the issues of the last check grouped by sheet, then by row (errors before warnings), each
 * with its cell (a button that selects it in the sheet), the message, and the suggested value with a
 * button that writes it. The server re-checks before writing, so a stale list can never overwrite a cell.
 */

const status = (): HTMLElement => byId('status');

/** The time of the check as the person's clock shows it (the sidebar runs on their computer). */
function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function renderSummary(view: CheckView): void {
  const summary = byId('summary');
  summary.textContent = '';
  const { errors, warnings } = view.summary;
  summary.append(
    el('span', { class: `chip ${errors > 0 ? 'error' : 'zero'}`, text: `エラー ${errors}件` }),
    el('span', { class: `chip ${warnings > 0 ? 'warning' : 'zero'}`, text: `注意 ${warnings}件` }),
    el('span', { class: 'checked-at', text: `${timeOf(view.checkedAt)} に確認` }),
  );
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function selectCell(issue: Issue): void {
  setStatus(status(), '');
  server.sidebarSelectCell(issue.sheet, issue.cell).catch((e: unknown) => setStatus(status(), failureText(e), 'error'));
}

function applyOne(issue: Issue, suggestion: string, control: HTMLButtonElement): void {
  setStatus(status(), `${issue.cell} に「${suggestion}」を書き込んでいます…`);
  whileBusy(control, '適用中…', () => server.sidebarApplySuggestion(issue.sheet, issue.cell, suggestion))
    .then((view) => {
      render(view);
      setStatus(status(), `${issue.sheet}!${issue.cell} を「${suggestion}」にしました（_変更履歴に記録）。`, 'success');
    })
    .catch((e: unknown) => setStatus(status(), failureText(e), 'error'));
}

function issueItem(issue: Issue): HTMLElement {
  const severity = issue.severity === 'error' ? 'エラー' : '注意';
  const head = el(
    'div',
    { class: 'issue-head' },
    button(issue.cell, 'link cell-link', () => selectCell(issue), { 'aria-label': `${issue.sheet}の${issue.cell}を選択`, title: 'このセルを選択' }),
    el('span', { class: 'column-name', text: issue.column }),
    el('span', { class: `badge ${issue.severity}`, text: severity }),
  );
  const item = el('li', { class: `issue ${issue.severity}` }, head, el('p', { class: 'message', text: issue.message }));
  const suggestion = issue.suggestion;
  if (suggestion !== undefined) {
    const apply = button('適用', 'btn small', () => applyOne(issue, suggestion, apply), { 'aria-label': `${issue.cell}に候補「${suggestion}」を書き込む` });
    item.append(
      el(
        'div',
        { class: 'suggestion' },
        el('span', { class: 'label', text: '候補' }),
        el('span', { class: 'value', text: suggestion === '' ? '（空にする）' : suggestion }),
        apply,
      ),
    );
  }
  return item;
}

function renderEmpty(list: HTMLElement, view: CheckView): void {
  list.append(
    el(
      'div',
      { class: 'empty' },
      icon('done', '#188038'),
      el('h2', { text: '問題は見つかりませんでした' }),
      el('p', { class: 'secondary', text: `相談記録・委託契約・委託実績・設定のすべての行を確認しました（${timeOf(view.checkedAt)}）。` }),
    ),
  );
}

function render(view: CheckView): void {
  renderSummary(view);
  const list = byId('issues');
  list.textContent = '';
  const total = view.summary.errors + view.summary.warnings;
  if (total === 0) {
    renderEmpty(list, view);
    return;
  }
  if (view.issues.length < total) {
    list.append(
      el('p', { class: 'notice info small', text: `先頭の${view.issues.length}件を表示しています。直してから再チェックすると、続きが表示されます。` }),
    );
  }
  for (const [sheet, issues] of groupBy(view.issues, (i) => i.sheet)) {
    const section = el(
      'section',
      { class: 'sheet-group', attrs: { 'aria-label': sheet } },
      el('h2', {}, sheet, el('span', { class: 'secondary', text: `${issues.length}件` })),
    );
    for (const [row, inRow] of groupBy(issues, (i) => i.row)) {
      // The check lists each row's errors first already; keep that order, and keep it if it ever changes.
      const sorted = [...inRow].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
      section.append(
        el('div', { class: 'row-group' }, el('p', { class: 'row-label', text: `${row}行目` }), el('ul', { class: 'plain' }, ...sorted.map(issueItem))),
      );
    }
    list.append(section);
  }
}

function main(): void {
  render(pageData<CheckView>());
  const recheck = byId<HTMLButtonElement>('recheck');
  recheck.addEventListener('click', () => {
    setStatus(status(), 'チェックしています…');
    whileBusy(recheck, 'チェック中…', () => server.sidebarRecheck())
      .then((view) => {
        render(view);
        setStatus(status(), '');
      })
      .catch((e: unknown) => setStatus(status(), failureText(e), 'error'));
  });
}

main();
