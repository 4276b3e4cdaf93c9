/**
 * What a person sees when a job fails: a Japanese sentence, never a stack trace. Messages we wrote
 * ourselves (Japanese already) pass through; anything else is wrapped with what to do next.
 */
export function userMessage(error: unknown): string {
  // Errors from Apps Script services need not be instances of this realm's Error: read the message by shape.
  const message = (error as { message?: unknown } | null)?.message;
  const text = typeof message === 'string' ? message : String(error);
  if (/[぀-ヿ一-龯]/.test(text)) return text;
  return `処理を完了できませんでした（${text.slice(0, 200)}）。時間をおいてもう一度お試しください。続く場合は、この文面を管理者に伝えてください。`;
}

/**
 * Runs a menu job; a failure is shown as a Japanese alert instead of Apps Script's red error bar. Returns the
 * job's result, or undefined when it failed.
 */
export function alertingErrors<T>(job: () => T): T | undefined {
  try {
    return job();
  } catch (error) {
    SpreadsheetApp.getUi().alert(userMessage(error));
    return undefined;
  }
}
