import { readMonthInput } from '../domain/values/months';
import { byId, el, failureText, focusIfLost, setStatus } from './dom';
import { closeDialog, pageData, server } from './google-script';

/** 「月報を作成…」: a month picker (default last month) and the result of building the report. */
interface ReportDialogData {
  readonly defaultMonth: string;
}

function main(): void {
  const data = pageData<ReportDialogData>();
  const month = byId<HTMLInputElement>('month');
  const build = byId<HTMLButtonElement>('build');
  const status = byId('status');
  // A live region of its own (role=status in the HTML): what is left to fix in the month is said aloud after the
  // status line's 「…」を作成しました, not only shown.
  const result = byId('result');
  month.value = data.defaultMonth;
  byId('cancel').addEventListener('click', () => closeDialog());
  // Safari and Firefox show <input type="month"> as a plain text box, where people type 2026/10 or 令和8年10月:
  // the page reads what it is given by the server's own rule (readMonthInput), never a stricter one of its own.
  const run = (): void => {
    const input = readMonthInput(month.value, data.defaultMonth);
    if ('problem' in input) {
      setStatus(status, input.problem, 'error');
      month.focus();
      return;
    }
    build.disabled = true;
    setStatus(status, '作成しています…');
    result.replaceChildren();
    server
      .reportDialogBuild(input.month)
      .then((r) => {
        setStatus(status, `「${r.sheet}」を作成しました。`, 'success');
        result.replaceChildren(
          el('p', {
            text:
              r.errors > 0
                ? `この月の行にエラーが ${r.errors} 件残っています（下書きです）。「入力チェック」で直してから市へ提出してください。`
                : 'この月の行にエラーはありません。内容を確かめて「市へ提出」してください。',
          }),
          ...(r.warnings > 0 ? [el('p', { class: 'secondary', text: `注意 ${r.warnings} 件` })] : []),
        );
      })
      .catch((e: unknown) => setStatus(status, failureText(e), 'error'))
      .finally(() => {
        build.disabled = false;
        // Disabling 作成 while it ran dropped the focus to <body>.
        focusIfLost(build);
      });
  };
  build.addEventListener('click', run);
  month.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') run();
  });
  month.focus();
}

main();
