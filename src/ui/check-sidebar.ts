import type { CheckView } from '../gas/check';
import type { Issue, MappingOffer } from '../domain/issues/issue';
import type { MappingRow } from '../workbook/mapping-job';
import { button, byId, el, failureText, icon, setStatus, whileBusy } from './dom';
import { pageData, server } from './google-script';

/**
 * チェック結果: the issues of the last check grouped by sheet, then by row (errors before warnings), each
 * with its cell (a button that selects it in the sheet), the message, and the suggested value with a
 * button that writes it. The server re-checks before writing, so a stale list can never overwrite a cell.
 * Where the check did not recognise a sheet, a column or a word, the issue offers to read one of the center's
 * own as it: the choice is written to 読み替え (never to the center's rows) and the list is checked again.
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

/** What an offer says and writes, for the kind of thing it maps. */
interface OfferForm {
  /** The label of the list to choose from. */
  readonly label: string;
  readonly options: readonly string[];
  /** The button, which says what the choice will do. */
  readonly action: string;
  /** Said instead of an empty list. */
  readonly none: string;
  row(chosen: string): MappingRow;
}

function offerForm(offer: MappingOffer): OfferForm {
  switch (offer.kind) {
    case 'header':
      return {
        label: `「${offer.standard}」として読む列`,
        options: offer.candidates,
        action: `この列を「${offer.standard}」として読む`,
        none: `見出し行に、まだ何にも当たっていない見出しがありません。「${offer.standard}」の列を見出し行に追加してください。`,
        row: (chosen) => ({ kind: 'header', target: offer.sheet, local: chosen, standard: offer.standard }),
      };
    case 'value':
      return {
        label: `「${offer.local}」を読む選択肢`,
        options: offer.choices,
        action: `「${offer.local}」を選んだ選択肢として読む`,
        none: `「${offer.column}」には選べる選択肢がありません。`,
        row: (chosen) => ({ kind: 'value', target: offer.column, local: offer.local, standard: chosen }),
      };
    case 'sheet':
      return {
        label: `「${offer.standard}」として読むシート`,
        options: offer.candidates,
        action: `このシートを「${offer.standard}」として読む`,
        none: `このスプレッドシートに、まだ何にも当たっていないシートがありません。「シートを準備」で「${offer.standard}」シートを作成してください。`,
        row: (chosen) => ({ kind: 'sheet', target: '', local: chosen, standard: offer.standard }),
      };
  }
}

/** Offers are numbered so that each list has its own label. */
let offerCount = 0;

/**
 * After the list was drawn again, focus goes to the heading of the sheet the person worked on (or the first one,
 * or the all-clear heading), so that it is not lost with the button that was removed.
 */
function focusList(sheet: string): void {
  const list = byId('issues');
  const groups = [...list.querySelectorAll<HTMLElement>('.sheet-group')];
  const group = groups.find((g) => g.getAttribute('aria-label') === sheet) ?? groups[0];
  const target = group?.querySelector<HTMLElement>('h2') ?? list.querySelector<HTMLElement>('h2') ?? list;
  target.setAttribute('tabindex', '-1');
  target.focus();
}

function addMapping(issue: Issue, row: MappingRow, control: HTMLButtonElement, choice: HTMLSelectElement): void {
  setStatus(status(), `「読み替え」シートに登録しています…`);
  whileBusy(control, '登録中…', () => server.sidebarAddMapping(row))
    .then(({ message, view }) => {
      render(view);
      setStatus(status(), message, 'success');
      focusList(issue.sheet);
    })
    .catch((e: unknown) => {
      setStatus(status(), failureText(e), 'error');
      choice.focus();
    });
}

/** The offer of a row of 読み替え: a list of what could be read as the missing thing, and the button that writes it. */
function offerBox(issue: Issue, offer: MappingOffer): HTMLElement {
  const form = offerForm(offer);
  const box = el('div', { class: 'offer', attrs: { role: 'group', 'aria-label': '読み替えの登録' } }, el('span', { class: 'label', text: '読み替え' }));
  if (form.options.length === 0) {
    box.append(el('p', { class: 'offer-none', text: form.none }));
    return box;
  }
  const id = `offer-${++offerCount}`;
  const choice = el(
    'select',
    { attrs: { id } },
    el('option', { text: '選んでください', attrs: { value: '' } }),
    ...form.options.map((o) => el('option', { text: o, attrs: { value: o } })),
  );
  const write = button(form.action, 'btn small', () => {
    if (choice.value !== '') addMapping(issue, form.row(choice.value), write, choice);
  });
  // Nothing is written before something is chosen.
  write.disabled = true;
  choice.addEventListener('change', () => {
    write.disabled = choice.value === '';
  });
  box.append(el('label', { text: form.label, attrs: { for: id } }), choice, write);
  return box;
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
  if (issue.offer) item.append(offerBox(issue, issue.offer));
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
