import type { CheckView } from '../gas/check';
import type { GroupPageRequest, IssueGroup } from '../domain/issues/groups';
import type { Issue, MappingOffer } from '../domain/issues/issue';
import type { GroupFixPreview } from '../workbook/group-fix';
import type { MappingRow } from '../workbook/mapping-job';
import { button, byId, el, failureText, icon, setStatus, whileBusy } from './dom';
import { pageData, server } from './google-script';

/**
 * チェック結果: the last check by sheet, and within a sheet by kind of problem (one line per issue code with its
 * count and the catalogue's words), errors first. A kind opens to its cells, each a button that selects it in the
 * sheet, with the message and the suggested value and a button that writes it. When the whole check fits on one
 * page every kind is open; otherwise one kind at a time is, a page of its cells fetched from the server with counts
 * from the same check. A kind whose every cell has a sure suggestion can be fixed at once, after a preview.
 * The server re-checks before writing, so a stale list can never overwrite a cell. Where the check did not
 * recognise a sheet, a column or a word, the issue offers to read one of the center's own as it: the choice is
 * written to 読み替え (never to the center's rows) and the list is checked again.
 */

const status = (): HTMLElement => byId('status');

let view: CheckView = pageData<CheckView>();
/** The kind open in a list too long for one page, and which of its pages (its cells come from the server). */
let open: GroupPageRequest | undefined;
/** Kinds the person closed in a list that fits on one page, where every kind starts open. */
const closed = new Set<string>();
/** The group fix being confirmed: its preview stands in the kind's place until it is applied or dropped. */
let fixing: { readonly key: string; readonly preview: GroupFixPreview } | undefined;
/** A server call of the list is running: a second click on a kind waits for it. */
let loading = false;

/** What render() drew, to put focus back where the person was after the list is drawn again. */
interface Drawn {
  readonly toggles: Map<string, HTMLButtonElement>;
  /** Each open kind's cells, in order: the issue and the control a keyboard user acts on next. */
  readonly items: Map<string, { readonly id: string; readonly control: HTMLElement }[]>;
  readonly sheets: Map<string, { readonly heading: HTMLElement; readonly kinds: string[] }>;
  pageLabel?: HTMLElement;
  fixHeading?: HTMLElement;
}
let drawn: Drawn = { toggles: new Map(), items: new Map(), sheets: new Map() };

const count = (n: number): string => n.toLocaleString('ja-JP');
const keyOf = (g: { sheet: string; code: string }): string => `${g.sheet}\n${g.code}`;
const issueId = (i: Issue): string => `${i.sheet}!${i.cell}#${i.code}`;
const total = (v: CheckView): number => v.summary.errors + v.summary.warnings;
/** Every issue is in the view: no kind needs the server to be shown. */
const complete = (v: CheckView): boolean => v.issues.length >= total(v);

/** The time of the check as the person's clock shows it (the sidebar runs on their computer). */
function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function remaining(v: CheckView): string {
  return total(v) === 0 ? '問題はすべて解消しました。' : `残り: エラー ${count(v.summary.errors)}件・注意 ${count(v.summary.warnings)}件`;
}

function renderSummary(v: CheckView): void {
  const summary = byId('summary');
  summary.textContent = '';
  const { errors, warnings } = v.summary;
  summary.append(
    el('span', { class: `chip ${errors > 0 ? 'error' : 'zero'}`, text: `エラー ${count(errors)}件` }),
    el('span', { class: `chip ${warnings > 0 ? 'warning' : 'zero'}`, text: `注意 ${count(warnings)}件` }),
    el('span', { class: 'checked-at', text: `${timeOf(v.checkedAt)} に確認` }),
  );
}

/** The open kind and page to send with a call that answers with a new view (none when every issue is in the view). */
function openRequest(): GroupPageRequest | null {
  return open && !complete(view) ? open : null;
}

/** Takes a new view from the server and draws it. A fix's preview belongs to the check it was made on: it goes. */
function show(next: CheckView): void {
  view = next;
  if (open) open = next.page && keyOf(next.page) === keyOf(open) ? { sheet: next.page.sheet, code: next.page.code, offset: next.page.offset } : undefined;
  fixing = undefined;
  render();
}

function isOpen(group: IssueGroup): boolean {
  if (complete(view)) return !closed.has(keyOf(group));
  return open !== undefined && keyOf(open) === keyOf(group) && view.page !== undefined && keyOf(view.page) === keyOf(group);
}

function selectCell(issue: Issue): void {
  setStatus(status(), '');
  server
    .sidebarSelectCell(issue.sheet, issue.cell)
    .then(() => setStatus(status(), `${issue.sheet}!${issue.cell} を選択しました`))
    .catch((e: unknown) => setStatus(status(), failureText(e), 'error'));
}

/** Focus on a control of the list, drawn again or not: it is scrolled clear of the sticky sheet heading by CSS. */
function focusOn(target: HTMLElement): void {
  if (!target.matches('button, select, a[href], input')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/** Where a kind was: its heading, or the kind now in its place in the sheet, or the sheet's heading, or the top of the list. */
function focusKind(key: string, sheet: string, position: number): void {
  const sheetDrawn = drawn.sheets.get(sheet);
  const toggle = drawn.toggles.get(key) ?? drawn.toggles.get(sheetDrawn?.kinds[Math.min(position, (sheetDrawn?.kinds.length ?? 1) - 1)] ?? '');
  const list = byId('issues');
  focusOn(toggle ?? sheetDrawn?.heading ?? list.querySelector<HTMLElement>('h2') ?? list);
}

/** Where an issue sat before the list is drawn again: the next issue of its kind, and its place. */
function placeOf(issue: Issue): { key: string; sheet: string; next?: string; index: number; position: number } {
  const key = keyOf(issue);
  const items = drawn.items.get(key) ?? [];
  const index = items.findIndex((i) => i.id === issueId(issue));
  return { key, sheet: issue.sheet, next: items[index + 1]?.id, index: Math.max(0, index), position: drawn.sheets.get(issue.sheet)?.kinds.indexOf(key) ?? 0 };
}

/** After 適用: the next problem of the kind (the one that took the fixed one's place), or the kind's heading when none is left. */
function focusAfterFix(place: ReturnType<typeof placeOf>): void {
  const items = drawn.items.get(place.key) ?? [];
  const target = items.find((i) => i.id === place.next) ?? items[place.index] ?? items[items.length - 1];
  if (target) focusOn(target.control);
  else focusKind(place.key, place.sheet, place.position);
}

function applyOne(issue: Issue, suggestion: string, control: HTMLButtonElement): void {
  const place = placeOf(issue);
  setStatus(status(), `${issue.cell} に「${suggestion}」を書き込んでいます…`);
  whileBusy(control, '適用中…', () => server.sidebarApplySuggestion(issue.sheet, issue.cell, suggestion, openRequest()))
    .then((next) => {
      show(next);
      setStatus(status(), `${issue.sheet}!${issue.cell} を「${suggestion}」にしました（_変更履歴に記録）。${remaining(next)}`, 'success');
      focusAfterFix(place);
    })
    .catch((e: unknown) => {
      setStatus(status(), failureText(e), 'error');
      control.focus();
    });
}

/** Opens a kind (or turns its page) with its cells from a check made now; focus stays with what the person pressed. */
function loadPage(request: GroupPageRequest, after: () => void, control: HTMLElement): void {
  if (loading) return;
  loading = true;
  control.setAttribute('aria-busy', 'true');
  setStatus(status(), '読み込んでいます…');
  server
    .sidebarIssuePage(request)
    .then((next) => {
      open = request;
      show(next);
      setStatus(status(), '');
      after();
    })
    .catch((e: unknown) => {
      setStatus(status(), failureText(e), 'error');
      control.removeAttribute('aria-busy');
      control.focus();
    })
    .finally(() => {
      loading = false;
    });
}

function toggleKind(group: IssueGroup, toggle: HTMLButtonElement): void {
  const key = keyOf(group);
  const refocus = (): void => focusOn(drawn.toggles.get(key) ?? toggle);
  if (complete(view)) {
    if (closed.has(key)) closed.delete(key);
    else closed.add(key);
    render();
    refocus();
    return;
  }
  if (isOpen(group)) {
    open = undefined;
    render();
    refocus();
    return;
  }
  loadPage(
    { sheet: group.sheet, code: group.code, offset: 0 },
    () => {
      refocus();
      const page = view.page;
      if (page) setStatus(status(), `${group.sheet}の「${group.title}」: ${pageRange(page.offset, page.issues.length, page.total)}を表示しています`);
    },
    toggle,
  );
}

function pageRange(offset: number, shown: number, all: number): string {
  return `${shown === 1 ? count(offset + 1) : `${count(offset + 1)}〜${count(offset + shown)}`}件目（全${count(all)}件）`;
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
  focusOn(drawn.sheets.get(sheet)?.heading ?? list.querySelector<HTMLElement>('h2') ?? list);
}

function addMapping(issue: Issue, row: MappingRow, control: HTMLButtonElement, choice: HTMLSelectElement): void {
  setStatus(status(), `「読み替え」シートに登録しています…`);
  whileBusy(control, '登録中…', () => server.sidebarAddMapping(row, openRequest()))
    .then(({ message, view: next }) => {
      show(next);
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

function issueItem(issue: Issue, controls: { id: string; control: HTMLElement }[]): HTMLElement {
  const cell = button(issue.cell, 'link cell-link', () => selectCell(issue), { 'aria-label': `${issue.sheet}の${issue.cell}を選択`, title: 'このセルを選択' });
  const head = el('div', { class: 'issue-head' }, cell, el('span', { class: 'column-name', text: issue.column }));
  const item = el('li', { class: `issue ${issue.severity}` }, head, el('p', { class: 'message', text: issue.message }));
  let primary: HTMLElement = cell;
  const suggestion = issue.suggestion;
  if (suggestion !== undefined) {
    // The accessible name starts with the visible word, so that 「適用」 said aloud (voice control) finds it.
    const apply = button('適用', 'btn small', () => applyOne(issue, suggestion, apply), {
      'aria-label': `適用: ${issue.cell} に候補「${suggestion === '' ? '（空）' : suggestion}」を書き込む`,
    });
    primary = apply;
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
  controls.push({ id: issueId(issue), control: primary });
  return item;
}

/** The preview of a group fix: the first changes before → after, the total, and the button that confirms it. */
function fixPreviewBox(group: IssueGroup, preview: GroupFixPreview): HTMLElement {
  // One preview at a time is open, so one id serves.
  const headingId = 'fix-preview-title';
  const heading = el('h4', { text: `「${preview.title}」を候補どおりに直す`, attrs: { id: headingId, tabindex: '-1' } });
  drawn.fixHeading = heading;
  const box = el('div', { class: 'fix-preview', attrs: { role: 'group', 'aria-labelledby': headingId } }, heading);
  if (preview.total === 0) {
    box.append(el('p', { text: '書き込める候補はありません（数式のセルか、すでに候補と同じ値です）。' }));
  } else {
    box.append(
      el('p', { text: `${count(preview.total)}件を次のように直します${preview.total > preview.items.length ? `（最初の${preview.items.length}件）` : ''}。` }),
      el(
        'table',
        { class: 'fix-table' },
        el('caption', { class: 'sr-only', text: '変更前と変更後' }),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { text: 'セル', attrs: { scope: 'col' } }),
            el('th', { text: '変更前', attrs: { scope: 'col' } }),
            el('th', { text: '変更後', attrs: { scope: 'col' } }),
          ),
        ),
        el(
          'tbody',
          {},
          ...preview.items.map((i) =>
            el('tr', {}, el('td', { class: 'mono', text: i.cell }), el('td', { class: 'before', text: i.before }), el('td', { class: 'after', text: i.after })),
          ),
        ),
      ),
    );
    if (preview.total > preview.items.length) box.append(el('p', { class: 'secondary small', text: `ほか ${count(preview.total - preview.items.length)}件` }));
  }
  if (preview.unchanged > 0)
    box.append(el('p', { class: 'secondary small', text: `${count(preview.unchanged)}件は数式のセルか、すでに候補と同じ値なので、そのままにします。` }));
  box.append(
    el(
      'p',
      { class: 'secondary small' },
      `変更したセルは「_変更履歴」シートに記録します。${preview.chunks.length > 1 ? `${preview.chunks.length}回に分けて書き込みます（途中で閉じても、書き込んだ分はそのまま残ります）。` : ''}`,
    ),
  );
  const actions = el('div', { class: 'fix-actions' });
  const cancel = button('やめる', 'btn small', () => {
    fixing = undefined;
    render();
    focusOn(drawn.toggles.get(keyOf(group)) ?? byId('issues'));
    setStatus(status(), '');
  });
  if (preview.total > 0) {
    const confirm = button(`${count(preview.total)}件を直す`, 'btn small primary', () => {
      // Once it writes, it is no longer the person's to drop: what was written stays, and the rest follows.
      cancel.disabled = true;
      void runFix(group, preview, confirm);
    });
    actions.append(confirm);
  }
  actions.append(cancel);
  box.append(actions);
  return box;
}

function startFix(group: IssueGroup, control: HTMLButtonElement): void {
  setStatus(status(), '直す内容を確かめています…');
  whileBusy(control, '確かめています…', () => server.sidebarGroupFixPreview({ sheet: group.sheet, code: group.code }))
    .then((preview) => {
      fixing = { key: keyOf(group), preview };
      render();
      setStatus(status(), `直す内容を表示しました: ${count(preview.total)}件。確かめてから「${count(preview.total)}件を直す」を押してください。`);
      if (drawn.fixHeading) focusOn(drawn.fixHeading);
    })
    .catch((e: unknown) => {
      setStatus(status(), failureText(e), 'error');
      control.focus();
    });
}

/**
 * Writes the previewed fix a chunk per call (each within Apps Script's time for one call), saying how many are
 * left while it goes; the chips follow every step. Focus then goes to the kind if some of it is left, or its sheet.
 */
async function runFix(group: IssueGroup, preview: GroupFixPreview, control: HTMLButtonElement): Promise<void> {
  const key = keyOf(group);
  const position = drawn.sheets.get(group.sheet)?.kinds.indexOf(key) ?? 0;
  const done = { applied: 0, skipped: 0, stale: 0, sent: 0 };
  let failure: string | undefined;
  await whileBusy(control, '直しています…', async () => {
    for (const chunk of preview.chunks) {
      setStatus(
        status(),
        `${count(preview.total)}件のうち ${count(done.sent)}件まで書き込みました。残り ${count(preview.total - done.sent)}件を書き込んでいます…`,
      );
      try {
        const r = await server.sidebarGroupFixApply({ sheet: group.sheet, code: group.code, blocks: chunk }, openRequest());
        done.applied += r.applied;
        done.skipped += r.skipped;
        done.stale += r.stale;
        done.sent += chunk.reduce((n, b) => n + b.count, 0);
        view = r.view;
        renderSummary(view);
      } catch (e: unknown) {
        failure = failureText(e);
        return;
      }
    }
  });
  fixing = undefined;
  show(view);
  const parts = [`${group.sheet}の「${preview.title}」を ${count(done.applied)}件、候補どおりに直しました（_変更履歴に記録）。`];
  if (done.skipped > 0) parts.push(`${count(done.skipped)}件は数式や保護されたセル、または今まさに変更されたセルなので、そのままにしました。`);
  if (done.stale > 0)
    parts.push(`${count(done.stale)}件はプレビューの後にセルが変わったため、書き込みませんでした。もう一度直すと、今の内容で確かめられます。`);
  if (failure !== undefined) parts.push(`残り ${count(preview.total - done.sent)}件の途中で止まりました: ${failure}`);
  parts.push(remaining(view));
  setStatus(status(), parts.join(''), failure === undefined ? 'success' : 'error');
  focusKind(key, group.sheet, position);
}

/** The open kind's cells: all of them, or a page with the way to the next and the previous. */
function kindCells(group: IssueGroup, body: HTMLElement): void {
  const controls: { id: string; control: HTMLElement }[] = [];
  drawn.items.set(keyOf(group), controls);
  const paged = complete(view) ? undefined : view.page;
  const issues = paged ? paged.issues : view.issues.filter((i) => keyOf(i) === keyOf(group));
  if (paged && paged.total > paged.issues.length) {
    const label = el('p', { class: 'page-range', text: pageRange(paged.offset, paged.issues.length, paged.total), attrs: { tabindex: '-1' } });
    drawn.pageLabel = label;
    body.append(label);
  }
  body.append(el('ul', { class: 'plain issues' }, ...issues.map((i) => issueItem(i, controls))));
  if (paged && paged.total > paged.issues.length) {
    // The new page is read from its range line (51〜100件目), then Tab goes on to its first cell.
    const turn = (offset: number, control: HTMLElement): void =>
      loadPage(
        { sheet: group.sheet, code: group.code, offset },
        () => {
          if (drawn.pageLabel) focusOn(drawn.pageLabel);
        },
        control,
      );
    const prev = button(`前の${paged.size}件`, 'btn small', () => turn(paged.offset - paged.size, prev));
    const nextCount = Math.min(paged.size, paged.total - paged.offset - paged.issues.length);
    const next = button(nextCount > 0 ? `次の${nextCount}件` : '次へ', 'btn small', () => turn(paged.offset + paged.size, next));
    prev.disabled = paged.offset === 0;
    next.disabled = nextCount <= 0;
    body.append(el('nav', { class: 'pager', attrs: { 'aria-label': `「${group.title}」のページ` } }, prev, next));
  }
}

function kindItem(group: IssueGroup, index: number): HTMLElement {
  const key = keyOf(group);
  const expanded = isOpen(group);
  const bodyId = `kind-${index}`;
  const toggle = button('', 'kind-toggle', () => toggleKind(group, toggle), { 'aria-expanded': String(expanded), 'aria-controls': bodyId });
  toggle.append(
    el('span', { class: `badge ${group.severity}`, text: group.severity === 'error' ? 'エラー' : '注意' }),
    el('span', { class: 'kind-title', text: group.title }),
    el('span', { class: 'kind-count', text: `${count(group.count)}件` }),
  );
  drawn.toggles.set(key, toggle);
  const body = el('div', { class: 'kind-body', attrs: { id: bodyId } });
  body.hidden = !expanded;
  if (expanded) {
    body.append(el('p', { class: 'kind-description', text: group.description }));
    if (fixing?.key === key) body.append(fixPreviewBox(group, fixing.preview));
    // One cell is its own 適用.
    else if (group.bulk && group.count > 1) {
      const fix = button(`この ${count(group.count)} 件を候補どおりに直す`, 'btn small fix-all', () => startFix(group, fix));
      body.append(el('div', { class: 'fix-offer' }, fix));
    }
    kindCells(group, body);
  }
  return el(
    'li',
    { class: `kind ${group.severity}` },
    el('h3', { class: 'kind-head' }, toggle),
    group.columns.length > 0 ? el('p', { class: 'kind-columns', text: `列: ${group.columns.join('・')}` }) : null,
    body,
  );
}

function renderEmpty(list: HTMLElement, v: CheckView): void {
  list.append(
    el(
      'div',
      { class: 'empty' },
      icon('done', '#188038'),
      el('h2', { text: '問題は見つかりませんでした' }),
      el('p', { class: 'secondary', text: `相談記録・委託契約・委託実績・設定のすべての行を確認しました（${timeOf(v.checkedAt)}）。` }),
    ),
  );
}

function render(): void {
  renderSummary(view);
  drawn = { toggles: new Map(), items: new Map(), sheets: new Map() };
  const list = byId('issues');
  list.textContent = '';
  if (total(view) === 0) {
    renderEmpty(list, view);
    return;
  }
  if (!complete(view))
    list.append(
      el('p', { class: 'notice info small kinds-lead', text: `${count(total(view))}件の問題を種類ごとにまとめました。種類を開くと、セルを順に表示します。` }),
    );
  const bySheet = new Map<string, IssueGroup[]>();
  for (const group of view.groups) bySheet.set(group.sheet, [...(bySheet.get(group.sheet) ?? []), group]);
  let index = 0;
  for (const [sheet, groups] of bySheet) {
    const heading = el('h2', {}, sheet, el('span', { class: 'secondary', text: `${count(groups.reduce((n, g) => n + g.count, 0))}件` }));
    drawn.sheets.set(sheet, { heading, kinds: groups.map(keyOf) });
    list.append(
      el(
        'section',
        { class: 'sheet-group', attrs: { 'aria-label': sheet } },
        heading,
        el('ul', { class: 'plain kinds' }, ...groups.map((g) => kindItem(g, index++))),
      ),
    );
  }
}

function main(): void {
  render();
  const recheck = byId<HTMLButtonElement>('recheck');
  recheck.addEventListener('click', () => {
    setStatus(status(), 'チェックしています…');
    whileBusy(recheck, 'チェック中…', () => server.sidebarRecheck(openRequest()))
      .then((next) => {
        show(next);
        setStatus(status(), `再チェックしました: エラー ${count(next.summary.errors)}件・注意 ${count(next.summary.warnings)}件`);
        recheck.focus();
      })
      .catch((e: unknown) => {
        setStatus(status(), failureText(e), 'error');
        recheck.focus();
      });
  });
}

main();
