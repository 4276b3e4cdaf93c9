/** The text of an error, read by shape: errors from Apps Script services need not be instances of this realm's Error. */
export function errorText(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * Whether an Apps Script service threw it. Services speak the account's language (a Japanese account reads
 * 「リクエストされたドキュメントにアクセスする権限がありません。」), so they are told by kind, not wording: the
 * built-in services throw `Exception`, the advanced ones `GoogleJsonResponseException`; our code throws Error.
 */
export function isServiceError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'Exception' || name === 'GoogleJsonResponseException';
}

/** A service's answer that the account may not do this, in English or Japanese (or as the HTTP status). */
export function saysNoPermission(text: string): boolean {
  return /permission|権限|\b403\b/i.test(text);
}

/** A service's answer that the file is not there, in English or Japanese (or as the HTTP status). */
export function saysNotFound(text: string): boolean {
  return /not found|見つかりません|\b404\b/i.test(text);
}

const JAPANESE = /[぀-ヿ一-龯]/;

function tryAgain(text: string): string {
  return `処理を完了できませんでした（${text.slice(0, 200)}）。時間をおいてもう一度お試しください。続く場合は、この文面を管理者に伝えてください。`;
}

/**
 * What a person sees when a job fails: a Japanese sentence, never a stack trace. Messages we wrote ourselves
 * (Japanese already) pass through; a service's error, in whatever language, and anything else is wrapped
 * with what to do next.
 */
export function userMessage(error: unknown): string {
  const text = errorText(error);
  if (isServiceError(error)) {
    if (saysNoPermission(text))
      return `Google のサービスが、この操作を許可しませんでした（${text.slice(0, 200)}）。このスプレッドシートを編集できるアカウントで実行しているか、保護された範囲や共有の設定を確かめてください。`;
    return tryAgain(text);
  }
  return JAPANESE.test(text) ? text : tryAgain(text);
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
