import { userMessage } from './errors';
import type * as Main from './main';

/**
 * The functions of build/Code.js a sidebar or dialog may call with google.script.run, with the types the
 * server declares. The pages' client (src/ui/google-script.ts) is typed from this, so renaming one of these
 * functions or changing its parameters or result fails `tsc` in every page that calls it, not at run time.
 * Menu handlers and triggers are left out on purpose: a page has no business calling them. A new function
 * for a page is exported from main.ts and named here.
 */
export type ClientFunctions = Pick<
  typeof Main,
  | 'sidebarSelectCell'
  | 'sidebarRecheck'
  | 'sidebarIssuePage'
  | 'sidebarGroupFixPreview'
  | 'sidebarGroupFixApply'
  | 'sidebarApplySuggestion'
  | 'sidebarAddMapping'
  | 'normalizeDialogPreview'
  | 'normalizeDialogApply'
  | 'reportDialogBuild'
  | 'settingsSidebarLoad'
  | 'settingsSidebarSave'
>;

/**
 * Runs a function a sidebar or dialog calls with google.script.run. Whatever fails reaches the page's
 * failure handler as a Japanese sentence (userMessage), never as a raw exception or stack trace; the
 * details go to the execution log for whoever looks into it.
 */
export function forClient<R>(job: () => R): R {
  try {
    return job();
  } catch (error) {
    console.error(error);
    throw new Error(userMessage(error));
  }
}
