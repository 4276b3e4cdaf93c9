/**
 * One fresh fake Apps Script world per test: the globals Apps Script provides, wired to one active
 * spreadsheet, and loaders that run a built bundle in a Node `vm` context the way Apps Script runs
 * build/Code.js, so that menus, triggers and sidebar functions are called by name.
 */
import { readFileSync } from 'node:fs';
import * as vm from 'node:vm';
import { DriveWorld, FakeDriveApi, FakeSheetsApi, driveWorldOf } from './advanced';
import type { CellValue } from './cells';
import * as E from './enums';
import { toGas } from './fake-of';
import { CallLog, EXECUTION_TIME_EXCEEDED, type ErrorLocale, FakeClock, FaultInjector, Runtime, type Realm } from './runtime';
import {
  FakeCharts,
  FakeHtmlService,
  FakeLockService,
  FakeLogger,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  type FakeTrigger,
  FakeUi,
  FakeUtilities,
  HtmlFiles,
  LockBoard,
  OAuthScopes,
  makeConsole,
  type FakeConsole,
  type LogEntry,
  type PropertyStores,
} from './services';
import { FakeRange, FakeSheet, FakeSpreadsheet, FakeSpreadsheetApp, SpreadsheetRegistry, type SpreadsheetAccess, type SpreadsheetOptions } from './spreadsheet';

export interface GasEnvironmentOptions {
  /** The active spreadsheet (name, id, time zone, first sheets…). */
  spreadsheet?: SpreadsheetOptions;
  /** Session.getScriptTimeZone(); default 'Asia/Tokyo'. */
  scriptTimeZone?: string;
  /** Session.getActiveUserLocale(); default 'ja'. */
  userLocale?: string;
  /** Files for HtmlService.createHtmlOutputFromFile, by name ('Sidebar' or 'Sidebar.html'). */
  htmlFiles?: Readonly<Record<string, string>>;
  /** A folder to read other HTML files from, such as build/. */
  htmlDir?: string;
  /** false: no UI, as in a time-driven trigger, so SpreadsheetApp.getUi() throws. Default true. */
  ui?: boolean;
  /** Print console output to stderr as well as recording it. Default false. */
  echoLogs?: boolean;
  /**
   * The manifest's oauthScopes (appsscript.json). Default DEFAULT_OAUTH_SCOPES: spreadsheets.currentonly,
   * script.container.ui, drive.file, spreadsheets and script.scriptapp.
   */
  oauthScopes?: readonly string[];
  /** The scopes the user has granted, of oauthScopes; default all of them. */
  grantedScopes?: readonly string[];
  /** The advanced services the project has added (globals `Sheets`, `Drive`); default both. */
  advancedServices?: readonly AdvancedServiceName[];
  /** The email of the person running the script; default 'staff1@example.org'. */
  user?: string;
  /** The language of service errors: 'ja' as for a Japanese account. Default 'en'. */
  errorLocale?: ErrorLocale;
  /** false: LockService.getDocumentLock() returns null (no containing document). Default true. */
  documentLock?: boolean;
}

export type AdvancedServiceName = 'Sheets' | 'Drive';

/** Exactly the global names Apps Script gives a script (those our code may use). */
export interface GasGlobals {
  readonly SpreadsheetApp: FakeSpreadsheetApp;
  readonly HtmlService: FakeHtmlService;
  readonly LockService: FakeLockService;
  readonly PropertiesService: FakePropertiesService;
  readonly ScriptApp: FakeScriptApp;
  readonly Utilities: FakeUtilities;
  readonly Session: FakeSession;
  readonly Logger: FakeLogger;
  readonly Charts: FakeCharts;
  readonly console: FakeConsole;
  /** Present only when the project adds the advanced service (options.advancedServices). */
  readonly Sheets?: FakeSheetsApi;
  readonly Drive?: FakeDriveApi;
}

const ADVANCED_GLOBALS: readonly AdvancedServiceName[] = ['Sheets', 'Drive'];

export interface GasEnvironment {
  readonly globals: GasGlobals;
  readonly runtime: Runtime;
  readonly callLog: CallLog;
  readonly faults: FaultInjector;
  /** The world's clock (real time until set); scripts loaded into this world read it through their Date. */
  readonly clock: FakeClock;
  /** The active spreadsheet. */
  readonly spreadsheet: FakeSpreadsheet;
  /** What openById/openByUrl reach; the active spreadsheet is in it. */
  readonly registry: SpreadsheetRegistry;
  readonly ui: FakeUi;
  readonly html: FakeHtmlService;
  readonly locks: LockBoard;
  readonly properties: PropertyStores;
  /** ScriptApp, with the OAuth scopes: revokeScope, grantScope, consentRequests. */
  readonly scriptApp: FakeScriptApp;
  /** The Drive around the script: users, owners, sharing, drive.file grants, trash and deletion (uncounted). */
  readonly drive: DriveWorld;
  readonly utilities: FakeUtilities;
  /** Logger and console output, in order. */
  readonly logs: LogEntry[];
  /** Another spreadsheet in the same world (a center's, for the city's consolidation), reachable by id. */
  addSpreadsheet(options?: SpreadsheetOptions & { access?: SpreadsheetAccess }): FakeSpreadsheet;
}

export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  const runtime = new Runtime();
  runtime.errorLocale = options.errorLocale ?? 'en';
  const spreadsheet = new FakeSpreadsheet(runtime, options.spreadsheet);
  const registry = new SpreadsheetRegistry();
  registry.add(spreadsheet);
  const ui = new FakeUi(runtime);
  const locks = new LockBoard();
  locks.documentContext = options.documentLock ?? true;
  const properties: PropertyStores = { document: new Map(), script: new Map(), user: new Map() };
  const logs: LogEntry[] = [];
  const html = new FakeHtmlService(runtime, new HtmlFiles(options.htmlFiles, options.htmlDir));
  const scopes = new OAuthScopes(options.oauthScopes, options.grantedScopes);
  const scriptApp = new FakeScriptApp(runtime, scopes);
  const drive = new DriveWorld(runtime, registry, scopes, options.user ?? 'staff1@example.org');
  const utilities = new FakeUtilities(runtime);
  const advanced = options.advancedServices ?? ADVANCED_GLOBALS;
  const globals: GasGlobals = {
    SpreadsheetApp: new FakeSpreadsheetApp(runtime, { active: spreadsheet, registry, ui: options.ui === false ? undefined : ui, gate: drive }),
    HtmlService: html,
    LockService: new FakeLockService(runtime, locks),
    PropertiesService: new FakePropertiesService(runtime, properties),
    ScriptApp: scriptApp,
    Utilities: utilities,
    Session: new FakeSession(runtime, options.scriptTimeZone ?? 'Asia/Tokyo', options.userLocale ?? 'ja'),
    Logger: new FakeLogger(runtime, logs),
    Charts: new FakeCharts(),
    console: makeConsole(logs, options.echoLogs ?? false),
    // An advanced service the project has not added is no global at all, as in Apps Script.
    ...(advanced.includes('Sheets') ? { Sheets: new FakeSheetsApi(runtime, drive) } : {}),
    ...(advanced.includes('Drive') ? { Drive: new FakeDriveApi(runtime, drive) } : {}),
  };
  const env: GasEnvironment = {
    globals,
    runtime,
    callLog: runtime.callLog,
    faults: runtime.faults,
    clock: runtime.clock,
    spreadsheet,
    registry,
    ui,
    html,
    locks,
    properties,
    scriptApp,
    drive,
    utilities,
    logs,
    addSpreadsheet({ access, ...rest } = {}) {
      return registry.add(new FakeSpreadsheet(runtime, rest), access);
    },
  };
  // A time-driven trigger runs with no user at the keyboard: SpreadsheetApp.getUi() throws there.
  triggerApps.set(env, new FakeSpreadsheetApp(runtime, { active: spreadsheet, registry, ui: undefined, gate: drive }));
  return env;
}

/** Each world's SpreadsheetApp as a trigger's execution sees it (without a Ui). */
const triggerApps = new WeakMap<GasEnvironment, FakeSpreadsheetApp>();
/** The world each loaded script runs in, so that runFunction can time its executions. */
const worldOf = new WeakMap<vm.Context, GasEnvironment>();

/**
 * Puts the globals on globalThis for code imported straight into a jest test (not through a bundle);
 * returns a function that puts back what was there.
 */
export function installGlobals(env: GasEnvironment, target: object = globalThis): () => void {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, value] of Object.entries(env.globals)) {
    saved.set(name, Object.getOwnPropertyDescriptor(target, name));
    Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
  }
  // An advanced service this world lacks must not leak in from an earlier one.
  for (const name of ADVANCED_GLOBALS) {
    if (name in env.globals || saved.has(name)) continue;
    saved.set(name, Object.getOwnPropertyDescriptor(target, name));
    Reflect.deleteProperty(target, name);
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else Reflect.deleteProperty(target, name);
    }
  };
}

/**
 * Runs a script (plain top-level functions, as build/Code.js is) in a fresh vm context whose globals
 * are env's, and returns the context: its top-level functions are properties, called by name. From
 * here on the fakes make their Dates and Errors in that context, so the script's `instanceof` holds.
 */
export function loadScript(source: string, env: GasEnvironment, filename = 'Code.js'): vm.Context {
  const context = vm.createContext({ ...env.globals });
  installClock(context, env.clock);
  env.runtime.realm = vm.runInContext('({ Date: Date, Error: Error })', context) as Realm;
  vm.runInContext(source, context, { filename });
  worldOf.set(context, env);
  return context;
}

/**
 * Gives the context a Date that reads the world's clock: `new Date()`, `Date.now()` and `Date()` tell the
 * clock's time; every other use is the realm's own Date.
 */
function installClock(context: vm.Context, clock: FakeClock): void {
  const install = vm.runInContext(
    `(function (now) {
      const RealDate = Date;
      class ClockDate extends RealDate {
        constructor(...args) {
          if (args.length === 0) super(now());
          else super(...args);
        }
        static now() {
          return now();
        }
      }
      Object.defineProperty(ClockDate, 'name', { value: 'Date' });
      // Date() called as a function gives the time as text, as the realm's Date does.
      globalThis.Date = new Proxy(ClockDate, { apply: () => new RealDate(now()).toString() });
    })`,
    context,
  ) as (now: () => number) => void;
  install(() => clock.now());
}

/** loadScript for a built bundle on disk, such as build/Code.js. */
export function loadBundle(codeJsPath: string, env: GasEnvironment): vm.Context {
  return loadScript(readFileSync(codeJsPath, 'utf8'), env, codeJsPath);
}

/**
 * Calls a script's top-level function by name, as a menu item or google.script.run does: one execution,
 * with its 6 minutes on the world's clock. When Apps Script would have ended it at the limit, this throws
 * 'Exceeded maximum execution time' whatever the function did after (it had no effect: every call threw).
 */
export function runFunction(context: vm.Context, name: string, ...args: unknown[]): unknown {
  const run = execute(context, name, args);
  if (run.killed) throw run.killed;
  if (run.failure) throw run.failure.error;
  return run.result;
}

interface Execution {
  readonly result?: unknown;
  readonly failure?: { readonly error: unknown };
  /** The error Apps Script ended the execution with at its time limit. */
  readonly killed?: Error;
}

function execute(context: vm.Context, name: string, args: readonly unknown[]): Execution {
  const fn: unknown = context[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  const env = worldOf.get(context);
  if (!env) return { result: Reflect.apply(fn, undefined, args) };
  env.runtime.beginExecution();
  let run: Execution;
  try {
    run = { result: Reflect.apply(fn, undefined, args) };
  } catch (error) {
    run = { failure: { error } };
  }
  env.locks.releaseHeld();
  return env.runtime.endExecution().killed ? { killed: env.runtime.error(EXECUTION_TIME_EXCEEDED) } : run;
}

/** One execution of a trigger's handler, as fireDueTriggers ran it. */
export interface TriggerRun {
  readonly handler: string;
  /** When it started, on the world's clock. */
  readonly at: number;
  /** 'killed': Apps Script ended it at 6 minutes; 'failed': it threw (Apps Script would mail the owner). */
  readonly outcome: 'done' | 'killed' | 'failed';
  readonly error?: unknown;
  /** How many triggers the project listed when it ended. */
  readonly triggersAfter: number;
}

/**
 * Lets the clock run until `untilMs`, firing each one-shot time-driven trigger as it falls due, earliest
 * first, one execution each (no Ui, as Apps Script runs a trigger). A fired trigger stays listed until the
 * script deletes it and never fires again. Recurring triggers are refused (not modelled).
 */
export function fireDueTriggers(env: GasEnvironment, context: vm.Context, untilMs: number): TriggerRun[] {
  const runs: TriggerRun[] = [];
  for (;;) {
    const next = nextDue(env.scriptApp.triggers, untilMs);
    if (!next) break;
    next.trigger.fired = true;
    if (env.clock.now() < next.due) env.clock.set(next.due);
    runs.push(runTrigger(env, context, next.trigger));
  }
  return runs;
}

function nextDue(triggers: readonly FakeTrigger[], untilMs: number): { trigger: FakeTrigger; due: number } | undefined {
  let next: { trigger: FakeTrigger; due: number } | undefined;
  for (const trigger of triggers) {
    if (trigger.fired) continue;
    const due = trigger.dueAt();
    if (due === undefined) throw new Error(`Not modelled by the fake: firing the recurring trigger of ${trigger.handlerFunction}`);
    if (due <= untilMs && (!next || due < next.due)) next = { trigger, due };
  }
  return next;
}

function runTrigger(env: GasEnvironment, context: vm.Context, trigger: FakeTrigger): TriggerRun {
  const at = env.clock.now();
  const withUi: unknown = context['SpreadsheetApp'];
  context['SpreadsheetApp'] = triggerApps.get(env);
  const event = { authMode: E.AuthMode.FULL, triggerUid: trigger.uniqueId };
  let run: Execution;
  try {
    run = execute(context, trigger.handlerFunction, [event]);
  } finally {
    context['SpreadsheetApp'] = withUi;
  }
  const ended = run.killed
    ? { outcome: 'killed' as const, error: run.killed }
    : run.failure
      ? { outcome: 'failed' as const, error: run.failure.error }
      : { outcome: 'done' as const };
  return { handler: trigger.handlerFunction, at, ...ended, triggersAfter: env.scriptApp.triggers.length };
}

// ------------------------------------------------------------------------------ arranging state

/**
 * A sheet holding rows exactly as given (strings stay text; '=…' is a formula), made or overwritten
 * without counting calls and without changing the active sheet.
 */
export function sheetFromRows(spreadsheet: FakeSpreadsheet, name: string, rows: readonly (readonly unknown[])[]): FakeSheet {
  const sheet = spreadsheet.sheetNamed(name) ?? spreadsheet.addSheet(name);
  sheet.grid.clearEverything();
  return sheet.load(rows);
}

/**
 * A spreadsheet of one world arriving in another (the center's 提出用ファイル opened by the city, which is a
 * separate Apps Script project with its own fake world): same id, name, locale, time zone and sheets
 * (ids, sizes, hidden flags, frozen rows, column widths, values, formulas as formulas, formats and notes),
 * made without counting. Its Drive state comes along (owner, sharing, trash) but not the drive.file
 * grants: those belong to each project. Data validations, conditional formats, protections and charts are
 * not copied. Copying again replaces the earlier copy (the file changed).
 */
export function copySpreadsheetInto(source: FakeSpreadsheet, target: GasEnvironment, access: SpreadsheetAccess = 'granted'): FakeSpreadsheet {
  const sheets = source.peekSheets();
  const copy = new FakeSpreadsheet(target.runtime, {
    id: source.id,
    name: source.peekName(),
    timeZone: source.timeZone,
    locale: source.peekLocale(),
    sheets: sheets.map((sheet) => {
      const state = sheet.peekState();
      return { name: state.name, sheetId: state.sheetId, rows: state.maxRows, columns: state.maxColumns, hidden: state.hidden };
    }),
  });
  copy.peekSheets().forEach((sheet, i) => {
    sheets[i]?.copyLayoutInto(sheet);
    sheet.grid.validations.clearAll();
  });
  target.registry.add(copy, access);
  target.drive.adopt(copy.id, driveWorldOf(source.runtime)?.record(source.id));
  return copy;
}

/** The values of a sheet's data range, uncounted ('' for empty cells, [] for an empty sheet). */
export function readSheet(spreadsheet: FakeSpreadsheet, name: string): (CellValue | '')[][] {
  return spreadsheet.peekSheet(name).peekValues();
}

function user(email: string): GoogleAppsScript.Base.User {
  const fake = { getEmail: () => email, getUserLoginId: () => email };
  return fake as unknown as GoogleAppsScript.Base.User;
}

type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** The event Apps Script passes to onOpen. */
export function openEvent(env: GasEnvironment, authMode: AuthModeName = 'LIMITED'): GoogleAppsScript.Events.SheetsOnOpen {
  return { authMode: E.AuthMode[authMode], source: toGas(env.spreadsheet), triggerUid: '', user: user('') };
}

/**
 * What happens when a person types into cells: the rows are written as typed input (uncounted; '=…'
 * becomes a formula, '12' a number) and the onEdit event for them is returned. `value` and `oldValue`
 * are set for a single cell, as in Apps Script.
 */
export function userEdit(
  env: GasEnvironment,
  sheetName: string,
  a1: string,
  rows: readonly (readonly unknown[])[],
  authMode: AuthModeName = 'LIMITED',
): GoogleAppsScript.Events.SheetsOnEdit {
  const sheet = env.spreadsheet.peekSheet(sheetName);
  const rect = sheet.peekRect(a1);
  const range = new FakeRange(env.runtime, sheet, rect);
  sheet.grid.checkShape(rows, rect, 'userEdit');
  const single = rect.numRows === 1 && rect.numColumns === 1;
  const before = single ? sheet.grid.readDisplay(rect)[0]?.[0] : undefined;
  sheet.grid.writeInput(rect, (i, j) => rows[i]?.[j]);
  const after = single ? sheet.grid.readDisplay(rect)[0]?.[0] : undefined;
  const event = {
    authMode: E.AuthMode[authMode],
    source: toGas(env.spreadsheet),
    range: toGas(range),
    triggerUid: '',
    user: user(''),
    ...(after !== undefined && after !== '' ? { value: after } : {}),
    ...(before !== undefined && before !== '' ? { oldValue: before } : {}),
  };
  return event as GoogleAppsScript.Events.SheetsOnEdit;
}
