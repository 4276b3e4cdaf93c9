/**
 * Compile-time tests of the pages' client for google.script.run (src/ui/google-script.ts), run by
 * `npm run typecheck` (tsconfig includes test/; jest never runs this file, nothing here is called).
 * Every `@ts-expect-error` line must fail to compile for the reason its comment gives. Should the client
 * accept any name or any arguments again, as `callServer(name: string, ...args: unknown[])` did, those
 * lines compile, tsc reports the directives as unused and the typecheck fails.
 */
import type { IssueGroup, IssuePage } from '../../src/domain/issues/groups';
import type { Issue } from '../../src/domain/issues/issue';
import type { Server } from '../../src/ui/google-script';

declare const server: Server;

/** true only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export async function serverCallsTypeCheck(): Promise<void> {
  // The server's results arrive with their own types, written out here by hand.
  const _view = await server.sidebarRecheck();
  const _isView: Equal<
    typeof _view,
    {
      readonly checkedAt: string;
      readonly summary: { errors: number; warnings: number };
      readonly issues: readonly Issue[];
      readonly groups: readonly IssueGroup[];
      readonly page?: IssuePage;
    }
  > = true;
  const _built = await server.reportDialogBuild('2026-10');
  const _isBuilt: Equal<typeof _built, { sheet: string; errors: number; warnings: number }> = true;
  const _selected = await server.sidebarSelectCell('相談記録', 'B3');
  const _isSelected: Equal<typeof _selected, void> = true;
  await server.sidebarApplySuggestion('相談記録', 'B3', '2026/10/03');
  const _added = await server.sidebarAddMapping({ kind: 'header', target: '相談記録', local: '来談日', standard: '受付日' });
  const _isAddedMessage: Equal<typeof _added.message, string> = true;
  const _isAddedView: Equal<typeof _added.view, typeof _view> = true;

  // @ts-expect-error no server function has this name: a renamed server function fails like this at every call
  await server.sidebarRecheckAll();
  // @ts-expect-error a menu handler is exported by main.ts but is not for pages
  await server.menuInputCheck();
  // @ts-expect-error reportDialogBuild takes the month as text (YYYY-MM)
  await server.reportDialogBuild(202610);
  // @ts-expect-error sidebarSelectCell needs the sheet and the cell
  await server.sidebarSelectCell('相談記録');
  // @ts-expect-error sidebarRecheck takes nothing
  await server.sidebarRecheck('相談記録');
  // @ts-expect-error the suggestion written by sidebarApplySuggestion is text
  await server.sidebarApplySuggestion('相談記録', 'B3', 3);
  // @ts-expect-error a row of 読み替え names its kind as 'sheet' | 'header' | 'value', not as the sheet's word 見出し
  await server.sidebarAddMapping({ kind: '見出し', target: '相談記録', local: '来談日', standard: '受付日' });
  // @ts-expect-error sidebarAddMapping takes the row as one object, not its cells one by one
  await server.sidebarAddMapping('header', '相談記録', '来談日', '受付日');
  // @ts-expect-error a page of a group is asked for by its sheet, code and offset, not by the sheet alone
  await server.sidebarIssuePage({ sheet: '相談記録' });
  // @ts-expect-error the group's code is one of the catalogue's, not its title
  await server.sidebarGroupFixPreview({ sheet: '相談記録', code: '西暦でない日付' });
  // @ts-expect-error sidebarRecheck resolves to the check, which has no `sheet`
  const _sheet: string = (await server.sidebarRecheck()).sheet;
  // @ts-expect-error the result is a promise, not the value itself
  const _sync: { sheet: string } = server.reportDialogBuild('2026-10');
}
