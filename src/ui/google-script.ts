/**
 * google.script.run, as a typed promise. The sidebar runs in Google's sandboxed iframe; tests answer the
 * same calls with the real server functions running over the fake spreadsheet.
 */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [server: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

export function callServer<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler(reject);
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`サーバーの関数 ${name} が見つかりません。`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** The data the server put into the page when it opened it. */
export function pageData<T>(): T {
  const node = document.getElementById('houkatsu-data');
  return JSON.parse(node?.textContent ?? 'null') as T;
}

export function closeDialog(): void {
  google.script.host.close();
}
