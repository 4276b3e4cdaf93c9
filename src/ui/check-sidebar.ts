import type { Issue } from '../domain/issue';
import { callServer, pageData } from './google-script';

interface CheckView {
  readonly checkedAt: string;
  readonly summary: { errors: number; warnings: number };
  readonly issues: readonly Issue[];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(text: string, isError = false): void {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = text;
  status.className = isError ? 'status error' : 'status';
}

function render(view: CheckView): void {
  const summary = document.getElementById('summary');
  const list = document.getElementById('issues');
  if (!summary || !list) return;
  summary.textContent = '';
  list.textContent = '';
  const { errors, warnings } = view.summary;
  if (errors + warnings === 0) {
    summary.appendChild(el('p', 'ok', '問題は見つかりませんでした。'));
    return;
  }
  summary.appendChild(el('span', 'count error', `エラー ${errors} 件`));
  summary.appendChild(el('span', 'count warning', `注意 ${warnings} 件`));
  if (view.issues.length < errors + warnings) {
    summary.appendChild(el('p', 'note', `先頭の ${view.issues.length} 件を表示しています。直してから再チェックしてください。`));
  }
  const bySheet = new Map<string, Issue[]>();
  for (const issue of view.issues) {
    const group = bySheet.get(issue.sheet) ?? [];
    group.push(issue);
    bySheet.set(issue.sheet, group);
  }
  for (const [sheet, issues] of bySheet) {
    const section = el('section');
    section.appendChild(el('h2', undefined, `${sheet}（${issues.length}件）`));
    const ul = el('ul');
    for (const issue of issues) {
      const li = el('li', `issue ${issue.severity}`);
      const jump = el('button', 'jump', `${issue.cell}`);
      jump.type = 'button';
      jump.title = `${sheet}!${issue.cell} を選択`;
      jump.addEventListener('click', () => {
        callServer<void>('sidebarSelectCell', issue.sheet, issue.cell).catch((e: Error) => setStatus(e.message, true));
      });
      li.appendChild(jump);
      li.appendChild(el('span', 'badge', issue.severity === 'error' ? 'エラー' : '注意'));
      li.appendChild(el('span', 'column', issue.column));
      li.appendChild(el('p', 'message', issue.message));
      if (issue.suggestion !== undefined) li.appendChild(el('p', 'suggestion', `候補: ${issue.suggestion}`));
      ul.appendChild(li);
    }
    section.appendChild(ul);
    list.appendChild(section);
  }
}

function main(): void {
  render(pageData<CheckView>());
  const recheck = document.getElementById('recheck');
  recheck?.addEventListener('click', () => {
    setStatus('チェックしています…');
    (recheck as HTMLButtonElement).disabled = true;
    callServer<CheckView>('sidebarRecheck')
      .then((view) => {
        render(view);
        setStatus('');
      })
      .catch((e: Error) => setStatus(e.message, true))
      .finally(() => {
        (recheck as HTMLButtonElement).disabled = false;
      });
  });
}

main();
