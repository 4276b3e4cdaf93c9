import type { ClientFunctions } from '../gas/client';

/**
 * google.script.run, as typed promises. The sidebar runs in Google's sandboxed iframe; tests answer the
 * same calls with the real server functions running over the fake spreadsheet.
 *
 * `server.sidebarRecheck()` takes the parameters and promises the result of the server function of that
 * name (src/gas/main.ts, listed in ClientFunctions), as enuchi's GASClient does: a renamed or changed
 * server function fails `tsc` here instead of failing in the person's sidebar. The import is type-only,
 * so no server code is bundled into a page.
 */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [server: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

/** A server function as the page sees it: same parameters, the result arrives later (or the call fails). */
type Remote<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;

export type Server = { readonly [K in keyof ClientFunctions]: Remote<ClientFunctions[K]> };

function run(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`サーバーの関数 ${name} が見つかりません。`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/**
 * Every property is a call of the server function of that name; only the names in ClientFunctions type-check.
 * `then` is left undefined so that the object itself is never taken for a promise (by `await` or `resolve`).
 */
export const server: Server = new Proxy({} as Server, {
  get: (_target, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => run(name, args) : undefined),
});

/** The data the server put into the page when it opened it. */
export function pageData<T>(): T {
  const node = document.getElementById('houkatsu-data');
  return JSON.parse(node?.textContent ?? 'null') as T;
}

export function closeDialog(): void {
  google.script.host.close();
}
