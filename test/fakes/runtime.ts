/**
 * What all fakes of one world share: the call log, the fault injector, and the JavaScript realm the
 * code under test runs in (so that the Dates and Errors the fakes hand out pass its `instanceof` checks).
 */
import { FAMILY_OF, type FakeClass, type MethodName, type ServiceFamily } from './methods';

/** Counts every call into a fake service, by 'Class.method', in order. */
export class CallLog {
  private readonly counts = new Map<MethodName, number>();
  private readonly calls: MethodName[] = [];

  /** Every call since the last reset, in order. */
  get trace(): readonly MethodName[] {
    return this.calls;
  }

  get total(): number {
    return this.calls.length;
  }

  get byMethod(): ReadonlyMap<MethodName, number> {
    return this.counts;
  }

  /** Calls into the document: SpreadsheetApp, Spreadsheet, Sheet, Range and what hangs off them, not the Ui. */
  get spreadsheetCalls(): number {
    return this.byFamily('spreadsheet');
  }

  count(method: MethodName): number {
    return this.counts.get(method) ?? 0;
  }

  byFamily(family: ServiceFamily): number {
    let n = 0;
    for (const [method, calls] of this.counts) if (FAMILY_OF[classOf(method)] === family) n += calls;
    return n;
  }

  /** Counts per family, every family present (0 when not called), for one readable assertion. */
  byService(): Record<ServiceFamily, number> {
    const result: Record<ServiceFamily, number> = {
      spreadsheet: 0,
      ui: 0,
      html: 0,
      lock: 0,
      properties: 0,
      script: 0,
      utilities: 0,
      session: 0,
      logger: 0,
      'sheets-api': 0,
      'drive-api': 0,
    };
    for (const [method, calls] of this.counts) result[FAMILY_OF[classOf(method)]] += calls;
    return result;
  }

  reset(): void {
    this.counts.clear();
    this.calls.length = 0;
  }

  record(method: MethodName): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.calls.push(method);
  }
}

function classOf(method: MethodName): FakeClass {
  return method.slice(0, method.indexOf('.')) as FakeClass;
}

export interface FaultOptions {
  /** How many calls to the method succeed before the first failure (0: the next call fails). */
  after?: number;
  /** How many calls fail once failing starts; default 1. Use Infinity for an outage that lasts. */
  times?: number;
  /** What the failing call throws; default a service error naming the method. */
  error?: Error | (() => Error);
}

interface Fault {
  readonly method: MethodName;
  readonly after: number;
  readonly times: number;
  readonly error: Error | (() => Error) | undefined;
  seen: number;
}

/** Makes chosen calls throw, before they change anything, as a timed-out service call would. */
export class FaultInjector {
  private faults: Fault[] = [];

  constructor(private readonly makeError: (message: string) => Error) {}

  failOn(method: MethodName, options: FaultOptions = {}): void {
    this.faults.push({ method, after: options.after ?? 0, times: options.times ?? 1, error: options.error, seen: 0 });
  }

  clear(): void {
    this.faults = [];
  }

  check(method: MethodName): void {
    for (const fault of this.faults) {
      if (fault.method !== method) continue;
      fault.seen += 1;
      const failing = fault.seen - fault.after;
      if (failing >= 1 && failing <= fault.times) {
        if (fault.error === undefined) throw this.makeError(`Service error: Spreadsheets (fault injected into ${method})`);
        throw typeof fault.error === 'function' ? fault.error() : fault.error;
      }
    }
  }
}

/**
 * The world's clock. It follows real time until a test sets it; from then on only the test
 * (`advance`), the time each service call takes (`Runtime.callDuration`), a person answering a prompt and
 * `Utilities.sleep` move it, so that a run of several fake minutes takes milliseconds and repeats exactly.
 * Code loaded with loadScript reads it through its own `Date` (`new Date()`, `Date.now()`).
 */
export class FakeClock {
  private manual: number | undefined;
  private offset = 0;

  now(): number {
    return this.manual ?? Date.now() + this.offset;
  }

  set(time: number | Date): void {
    this.manual = typeof time === 'number' ? time : time.getTime();
  }

  advance(ms: number): void {
    if (this.manual === undefined) this.offset += ms;
    else this.manual += ms;
  }
}

/**
 * Apps Script ends an execution after 6 minutes (Quotas for Google Services, "Script runtime: 6 min /
 * execution", https://developers.google.com/apps-script/guides/services/quotas). Time spent in prompts counts.
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const EXECUTION_TIME_EXCEEDED = 'Exceeded maximum execution time';

/**
 * The language of the messages of service errors. Apps Script localises them for the user's language
 * (a Japanese account reads 「起動時間の最大値を超えました」, not 'Exceeded maximum execution time').
 * 'ja-unmatched' gives every message one generic Japanese sentence: what the product does may then depend only
 * on which call failed, never on the wording.
 */
export type ErrorLocale = 'en' | 'ja' | 'ja-unmatched';

/**
 * Service messages in Japanese. Marked (seen) where the Japanese text is quoted from executions in the wild:
 * 起動時間の最大値を超えました (GAS execution logs quoted in public repositories) and リクエストされたドキュメントに
 * アクセスする権限がありません。 (https://www.zidooka.com/archives/700). The others are the fake's renderings:
 * code must not depend on their wording, only on which call failed.
 */
const JAPANESE: readonly (readonly [RegExp, string])[] = [
  [/^Exceeded maximum execution time$/, '起動時間の最大値を超えました'], // (seen)
  [/^You do not have permission to access the requested document\.$/, 'リクエストされたドキュメントにアクセスする権限がありません。'], // (seen)
  [/^Requested entity was not found\.$/, '要求されたエンティティが見つかりませんでした。'],
  [/^The caller does not have permission$/, '呼び出し元には権限がありません'],
  [/^File not found: (.*)\.$/, 'ファイルが見つかりません: $1。'],
  [/^Request had insufficient authentication scopes\.$/, 'リクエストの認証スコープが不足しています。'],
  [/^Authorization is required to perform that action\.$/, 'この操作を実行するには承認が必要です。'],
  [/^Cannot call SpreadsheetApp\.getUi\(\) from this context\.$/, 'このコンテキストから SpreadsheetApp.getUi() を呼び出すことはできません。'],
  [
    /^This script has too many triggers\. Triggers must be deleted from the script before more can be added\.$/,
    'このスクリプトのトリガーが多すぎます。トリガーを追加する前に、スクリプトからトリガーを削除してください。',
  ],
  [/^Lock timeout: another process was holding the lock for too long\.$/, 'ロックのタイムアウト: 別のプロセスがロックを長時間保持していました。'],
  [/^Service error: (.*) \(fault injected into (.*)\)$/, 'サービス エラー: $1（$2 に注入した障害）'],
];

/** A message in the user's language; an untranslated English one is not passed on (no code may match it). */
function localised(message: string, locale: ErrorLocale): string {
  if (locale === 'en') return message;
  if (locale === 'ja-unmatched') return 'サービスでエラーが発生しました。';
  for (const [english, japanese] of JAPANESE) if (english.test(message)) return message.replace(english, japanese);
  return 'サービスでエラーが発生しました。';
}

interface Execution {
  readonly startedAt: number;
  killed: boolean;
}

/** The intrinsics of the realm running the code under test. */
export interface Realm {
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
}

/** Worlds made so far in this process: each numbers its own, so that ids never repeat across worlds. */
let worldsMade = 0;

/** One fake world's shared state. */
export class Runtime {
  /** This world's number, unique in the process (two worlds must not hand out the same spreadsheet id). */
  readonly world = ++worldsMade;
  readonly callLog = new CallLog();
  readonly faults = new FaultInjector((message) => this.error(message));
  readonly clock = new FakeClock();
  /** How long a call takes on the clock, given the method and how many calls of it there were (1 for the first). */
  callDuration: (method: MethodName, nth: number) => number = () => 0;
  /** The language service errors speak; 'en' unless the world says otherwise. */
  errorLocale: ErrorLocale = 'en';
  realm: Realm = { Date, Error };
  private nextId = 1;
  private execution: Execution | undefined;

  /** Counts a call, lets it take its time (which may end the execution), then lets an injected fault fail it. */
  enter(method: MethodName): void {
    this.callLog.record(method);
    this.spend(this.callDuration(method, this.callLog.count(method)));
    this.faults.check(method);
  }

  /**
   * Time passing inside the current execution. Past its 6 minutes Apps Script ends it: the clock stops at the
   * limit and, since JavaScript cannot be stopped from outside, every later call throws, so nothing more is
   * written (real Apps Script runs no more of the script at all).
   */
  spend(ms: number): void {
    const run = this.execution;
    const now = this.clock.now();
    if (run && !run.killed && now + ms - run.startedAt > EXECUTION_LIMIT_MS) {
      this.clock.advance(Math.max(0, run.startedAt + EXECUTION_LIMIT_MS - now));
      run.killed = true;
    } else this.clock.advance(ms);
    if (run?.killed) throw this.error(EXECUTION_TIME_EXCEEDED);
  }

  /** A script function starts running (a menu item, a trigger, google.script.run): its 6 minutes start. */
  beginExecution(): void {
    this.execution = { startedAt: this.clock.now(), killed: false };
  }

  /** The execution ends; whether Apps Script had ended it at its time limit. */
  endExecution(): { killed: boolean } {
    const killed = this.execution?.killed ?? false;
    this.execution = undefined;
    return { killed };
  }

  /**
   * An error as Apps Script throws it: `name` 'Exception', so `String(error)` reads 'Exception: …' as the
   * execution log shows it, made in the code's realm so `error instanceof Error` holds there.
   */
  error(message: string): Error {
    const error = new this.realm.Error(localised(message, this.errorLocale));
    error.name = 'Exception';
    return error;
  }

  /**
   * The error an advanced service (Sheets, Drive) throws when the API answers with an error:
   * `name` 'GoogleJsonResponseException' and a message such as 'API call to sheets.spreadsheets.get
   * failed with error: Requested entity was not found.' Nothing else (no status code) is attached.
   */
  apiError(apiMethod: string, message: string): Error {
    // The Japanese frame is the fake's rendering (no public source quotes one).
    const text =
      this.errorLocale !== 'en'
        ? `API 呼び出し ${apiMethod} がエラーで失敗しました: ${localised(message, this.errorLocale)}`
        : `API call to ${apiMethod} failed with error: ${message}`;
    const error = new this.realm.Error(text);
    error.name = 'GoogleJsonResponseException';
    return error;
  }

  /** The error Apps Script throws when an argument has the wrong type. */
  badArguments(what: string, args: readonly unknown[]): Error {
    return this.error(`The parameters (${args.map(describeType).join(',')}) don't match the method signature for ${what}.`);
  }

  date(time: number): Date {
    return new this.realm.Date(time);
  }

  /** Deterministic ids (sheet ids, trigger ids, spreadsheet ids) so that runs are reproducible. */
  id(): number {
    return this.nextId++;
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'Object';
  return typeof value === 'string' ? 'String' : typeof value === 'number' ? 'number' : typeof value;
}

/** Narrows a fake argument to the fake class that can act on it, or fails as Apps Script does. */
export function own<C>(rt: Runtime, value: unknown, cls: abstract new (...args: never[]) => C, what: string): C {
  if (value instanceof cls) return value;
  throw rt.badArguments(what, [value]);
}

/** True for a Date from any realm (a Date made in a vm context is not `instanceof` this realm's Date). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Base of every fake service object: `enter` counts the call and applies faults. C is the Apps Script
 * class name and M its implemented methods, so only real names can be counted.
 */
export abstract class Counted<C extends FakeClass, M extends string> {
  protected constructor(
    protected readonly rt: Runtime,
    private readonly className: C,
  ) {}

  protected enter(method: M): void {
    this.rt.enter(`${this.className}.${method}` as MethodName);
  }
}

/**
 * An Apps Script enum value: an object whose `toString()` is its name, as in Apps Script, so values
 * compare by identity and still print and serialise readably.
 */
export interface EnumValue {
  readonly name: string;
  toString(): string;
  toJSON(): string;
}

export function makeEnum<const N extends string>(names: readonly N[]): { readonly [K in N]: EnumValue } {
  const entries = names.map((name) => {
    const value: EnumValue = Object.freeze({ name, toString: () => name, toJSON: () => name });
    return [name, value] as const;
  });
  return Object.freeze(Object.fromEntries(entries)) as { readonly [K in N]: EnumValue };
}

/** The name of an enum value made by makeEnum ('YES'), or undefined for anything else. */
export function enumName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('name' in value) || !('toJSON' in value)) return undefined;
  const name: unknown = value.name;
  return typeof name === 'string' ? name : undefined;
}
