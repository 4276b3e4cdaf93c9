/**
 * Fakes of the services around the spreadsheet: Ui and menus, HtmlService, LockService,
 * PropertiesService, ScriptApp triggers, Utilities, Session, Logger, console and Charts. Like the
 * spreadsheet fakes they count every call and record what a test needs to assert on.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format as formatArgs } from 'node:util';
import { formatJavaDate } from './cells';
import * as E from './enums';
import type { Fake, FakeOf } from './fake-of';
import type {
  AuthorizationInfoMethod,
  ClockTriggerBuilderMethod,
  HtmlOutputMethod,
  HtmlServiceMethod,
  LockMethod,
  LockServiceMethod,
  LoggerMethod,
  MenuMethod,
  PromptResponseMethod,
  PropertiesMethod,
  PropertiesServiceMethod,
  ScriptAppMethod,
  SessionMethod,
  TriggerBuilderMethod,
  TriggerMethod,
  UiMethod,
  UtilitiesMethod,
} from './methods';
import { Counted, Runtime, enumName, isDate, own } from './runtime';

type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

// ---------------------------------------------------------------------------------------- html

export class FakeHtmlOutput extends Counted<'HtmlOutput', HtmlOutputMethod> implements FakeOf<GasHtmlOutput, HtmlOutputMethod> {
  declare readonly __gasType: GasHtmlOutput;
  private title = '';
  private width: number | undefined;
  private height: number | undefined;

  constructor(
    rt: Runtime,
    private content: string,
  ) {
    super(rt, 'HtmlOutput');
  }

  /** Uncounted: what a dialog or sidebar would show. */
  peek(): { content: string; title: string; width: number | undefined; height: number | undefined } {
    return { content: this.content, title: this.title, width: this.width, height: this.height };
  }

  append(addedContent: string): this {
    this.enter('append');
    this.content += addedContent;
    return this;
  }

  clear(): this {
    this.enter('clear');
    this.content = '';
    return this;
  }

  getContent(): string {
    this.enter('getContent');
    return this.content;
  }

  getTitle(): string {
    this.enter('getTitle');
    return this.title;
  }

  setContent(content: string): this {
    this.enter('setContent');
    this.content = content;
    return this;
  }

  setHeight(height: number): this {
    this.enter('setHeight');
    this.height = height;
    return this;
  }

  setTitle(title: string): this {
    this.enter('setTitle');
    this.title = title;
    return this;
  }

  setWidth(width: number): this {
    this.enter('setWidth');
    this.width = width;
    return this;
  }
}

/** Where createHtmlOutputFromFile finds files: names registered by the test, then a folder such as build/. */
export class HtmlFiles {
  private readonly files = new Map<string, string>();

  constructor(
    files: Readonly<Record<string, string>> = {},
    private readonly dir?: string,
  ) {
    for (const [name, content] of Object.entries(files)) this.add(name, content);
  }

  add(name: string, content: string): void {
    this.files.set(name.replace(/\.html$/, ''), content);
  }

  /** Apps Script takes 'Sidebar' or 'Sidebar.html' for the file Sidebar.html. */
  find(name: string): string | undefined {
    const base = name.replace(/\.html$/, '');
    const registered = this.files.get(base);
    if (registered !== undefined || this.dir === undefined) return registered;
    const path = join(this.dir, `${base}.html`);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }
}

export class FakeHtmlService extends Counted<'HtmlService', HtmlServiceMethod> implements FakeOf<GoogleAppsScript.HTML.HtmlService, HtmlServiceMethod> {
  declare readonly __gasType: GoogleAppsScript.HTML.HtmlService;

  constructor(
    rt: Runtime,
    readonly files: HtmlFiles,
  ) {
    super(rt, 'HtmlService');
  }

  createHtmlOutput(html?: string | Fake<GoogleAppsScript.Base.BlobSource>): FakeHtmlOutput {
    this.enter('createHtmlOutput');
    if (html !== undefined && typeof html !== 'string') throw new Error('FakeHtmlService: blobs are not supported by the fake');
    return new FakeHtmlOutput(this.rt, html ?? '');
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.enter('createHtmlOutputFromFile');
    const content = this.files.find(filename);
    if (content === undefined) throw this.rt.error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(this.rt, content);
  }
}

// ------------------------------------------------------------------------------------------ ui

export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

/** What the user will do with the next alert or prompt. */
export interface ScriptedAnswer {
  readonly button: ButtonName;
  readonly text?: string;
  /** How long the person takes to answer, in ms of the fake clock: it counts toward the execution's 6 minutes. */
  readonly thinkMs?: number;
}

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly menu: MenuRecord };

/** A menu as added to the UI; `caption` is null for the add-on menu (Sheets names it after the add-on). */
export interface MenuRecord {
  readonly caption: string | null;
  readonly items: readonly MenuEntry[];
}

export type Shown =
  | { readonly kind: 'alert'; readonly title: string; readonly prompt: string; readonly buttons: ButtonSetName; readonly answer: ButtonName }
  | {
      readonly kind: 'prompt';
      readonly title: string;
      readonly prompt: string;
      readonly buttons: ButtonSetName;
      readonly answer: ButtonName;
      readonly text: string;
    }
  | { readonly kind: 'sidebar' | 'modal' | 'modeless'; readonly title: string; readonly html: string; readonly output: FakeHtmlOutput };

const BUTTONS_OF: Readonly<Record<ButtonSetName, readonly ButtonName[]>> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export class FakePromptResponse
  extends Counted<'PromptResponse', PromptResponseMethod>
  implements FakeOf<GoogleAppsScript.Base.PromptResponse, PromptResponseMethod>
{
  declare readonly __gasType: GoogleAppsScript.Base.PromptResponse;

  constructor(
    rt: Runtime,
    private readonly button: Button,
    private readonly text: string,
  ) {
    super(rt, 'PromptResponse');
  }

  getResponseText(): string {
    this.enter('getResponseText');
    return this.text;
  }

  getSelectedButton(): Button {
    this.enter('getSelectedButton');
    return this.button;
  }
}

export class FakeMenu extends Counted<'Menu', MenuMethod> implements FakeOf<GoogleAppsScript.Base.Menu, MenuMethod> {
  declare readonly __gasType: GoogleAppsScript.Base.Menu;
  private readonly items: MenuEntry[] = [];

  constructor(
    rt: Runtime,
    private readonly ui: FakeUi,
    private readonly caption: string | null,
  ) {
    super(rt, 'Menu');
  }

  /** Uncounted: the menu as built so far. */
  peek(): MenuRecord {
    return { caption: this.caption, items: [...this.items] };
  }

  addItem(caption: string, functionName: string): this {
    this.enter('addItem');
    this.items.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.enter('addSeparator');
    this.items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: Fake<GoogleAppsScript.Base.Menu>): this {
    this.enter('addSubMenu');
    this.items.push({ kind: 'submenu', menu: own(this.rt, menu, FakeMenu, 'Ui.Menu.addSubMenu').peek() });
    return this;
  }

  addToUi(): void {
    this.enter('addToUi');
    this.ui.install(this.peek());
  }
}

export class FakeUi extends Counted<'Ui', UiMethod> implements FakeOf<GoogleAppsScript.Base.Ui, UiMethod | 'Button' | 'ButtonSet'> {
  declare readonly __gasType: GoogleAppsScript.Base.Ui;
  readonly Button = E.Button;
  readonly ButtonSet = E.ButtonSet;
  /** The menus in the UI, in the order first added; adding one with the same caption replaces it. */
  readonly menus: MenuRecord[] = [];
  /** Every alert, prompt, sidebar and dialog, in order. */
  readonly shown: Shown[] = [];
  private readonly answers: ScriptedAnswer[] = [];

  constructor(rt: Runtime) {
    super(rt, 'Ui');
  }

  /** Queues what the user does with the next alerts and prompts, in order. */
  answer(...answers: (ButtonName | ScriptedAnswer)[]): void {
    for (const a of answers) this.answers.push(typeof a === 'string' ? { button: a } : a);
  }

  /** Uncounted: every menu item, flattened, with the caption of the menu it is in. */
  menuItems(): { menu: string | null; caption: string; functionName: string }[] {
    const out: { menu: string | null; caption: string; functionName: string }[] = [];
    const walk = (menu: MenuRecord): void => {
      for (const entry of menu.items) {
        if (entry.kind === 'item') out.push({ menu: menu.caption, caption: entry.caption, functionName: entry.functionName });
        if (entry.kind === 'submenu') walk(entry.menu);
      }
    };
    this.menus.forEach(walk);
    return out;
  }

  /** Uncounted: the last sidebar shown, if any. */
  lastSidebar(): FakeHtmlOutput | undefined {
    const sidebars = this.shown.filter((s) => s.kind === 'sidebar');
    const last = sidebars[sidebars.length - 1];
    return last?.kind === 'sidebar' ? last.output : undefined;
  }

  install(menu: MenuRecord): void {
    const at = this.menus.findIndex((m) => m.caption === menu.caption);
    if (at >= 0) this.menus[at] = menu;
    else this.menus.push(menu);
  }

  private nextAnswer(kind: 'alert' | 'prompt', prompt: string, buttons: ButtonSetName): ScriptedAnswer {
    const answer = this.answers.shift();
    if (answer === undefined) {
      if (kind === 'alert' && buttons === 'OK') return { button: 'OK' };
      throw new Error(`FakeUi: no scripted answer for ${kind}(${JSON.stringify(prompt)}, ${buttons}); queue one with ui.answer(...)`);
    }
    if (!BUTTONS_OF[buttons].includes(answer.button)) {
      throw new Error(`FakeUi: ${kind}(${JSON.stringify(prompt)}) offers ${BUTTONS_OF[buttons].join('/')}, not ${answer.button}`);
    }
    // The script waits while the dialog is open (quoted execution logs show an unanswered ui.alert timing out).
    this.rt.spend(answer.thinkMs ?? 0);
    return answer;
  }

  /** (prompt), (prompt, buttons) or (title, prompt, buttons), as Ui.alert and Ui.prompt take them. */
  private dialogArgs(first: string, second: ButtonSet | string | undefined, third: ButtonSet | undefined) {
    const setName = (value: unknown): ButtonSetName => {
      const name = enumName(value);
      if (name === undefined || !(name in BUTTONS_OF)) throw this.rt.badArguments('Ui', [first, second, third]);
      return name as ButtonSetName;
    };
    if (third !== undefined) return { title: first, prompt: String(second), buttons: setName(third) };
    if (second !== undefined) return { title: '', prompt: first, buttons: setName(second) };
    return { title: '', prompt: first, buttons: 'OK' as const };
  }

  alert(first: string, second?: ButtonSet | string, third?: ButtonSet): Button {
    this.enter('alert');
    const { title, prompt, buttons } = this.dialogArgs(first, second, third);
    const { button } = this.nextAnswer('alert', prompt, buttons);
    this.shown.push({ kind: 'alert', title, prompt, buttons, answer: button });
    return E.Button[button];
  }

  createAddonMenu(): FakeMenu {
    this.enter('createAddonMenu');
    return new FakeMenu(this.rt, this, null);
  }

  createMenu(caption: string): FakeMenu {
    this.enter('createMenu');
    return new FakeMenu(this.rt, this, caption);
  }

  prompt(first: string, second?: ButtonSet | string, third?: ButtonSet): FakePromptResponse {
    this.enter('prompt');
    const { title, prompt, buttons } = this.dialogArgs(first, second, third);
    const { button, text = '' } = this.nextAnswer('prompt', prompt, buttons);
    this.shown.push({ kind: 'prompt', title, prompt, buttons, answer: button, text });
    return new FakePromptResponse(this.rt, E.Button[button], text);
  }

  private show(kind: 'sidebar' | 'modal' | 'modeless', userInterface: unknown, title: string | undefined, what: string): void {
    const output = own(this.rt, userInterface, FakeHtmlOutput, what);
    const { content, title: ownTitle } = output.peek();
    this.shown.push({ kind, title: title ?? ownTitle, html: content, output });
  }

  showModalDialog(userInterface: Fake<GasHtmlOutput>, title: string): void {
    this.enter('showModalDialog');
    this.show('modal', userInterface, title, 'Ui.showModalDialog');
  }

  showModelessDialog(userInterface: Fake<GasHtmlOutput>, title: string): void {
    this.enter('showModelessDialog');
    this.show('modeless', userInterface, title, 'Ui.showModelessDialog');
  }

  showSidebar(userInterface: Fake<GasHtmlOutput>): void {
    this.enter('showSidebar');
    this.show('sidebar', userInterface, undefined, 'Ui.showSidebar');
  }
}

// ---------------------------------------------------------------------------------------- lock

export type LockKind = 'document' | 'script' | 'user';
export type LockHolder = 'none' | 'self' | 'other';

/**
 * Who holds each lock. A test makes "another execution" hold one with holdByOther, optionally letting it
 * go after some milliseconds, so that tryLock(timeout) succeeds when the timeout is long enough.
 */
export class LockBoard {
  private readonly slots: Record<LockKind, { holder: LockHolder; releaseAfterMs: number | undefined }> = {
    document: { holder: 'none', releaseAfterMs: undefined },
    script: { holder: 'none', releaseAfterMs: undefined },
    user: { holder: 'none', releaseAfterMs: undefined },
  };

  holdByOther(kind: LockKind, options: { releaseAfterMs?: number } = {}): void {
    this.slots[kind] = { holder: 'other', releaseAfterMs: options.releaseAfterMs };
  }

  releaseByOther(kind: LockKind): void {
    if (this.slots[kind].holder === 'other') this.slots[kind] = { holder: 'none', releaseAfterMs: undefined };
  }

  holder(kind: LockKind): LockHolder {
    return this.slots[kind].holder;
  }

  acquire(kind: LockKind, timeoutMs: number): boolean {
    const slot = this.slots[kind];
    if (slot.holder === 'other' && (slot.releaseAfterMs === undefined || slot.releaseAfterMs > timeoutMs)) return false;
    this.slots[kind] = { holder: 'self', releaseAfterMs: undefined };
    return true;
  }

  release(kind: LockKind): void {
    if (this.slots[kind].holder === 'self') this.slots[kind] = { holder: 'none', releaseAfterMs: undefined };
  }

  /** An execution ended: Apps Script lets go of the locks it still held (a killed run cannot release them). */
  releaseHeld(): void {
    for (const kind of Object.keys(this.slots) as LockKind[]) this.release(kind);
  }

  /**
   * Whether LockService.getDocumentLock() finds a containing document. The reference gives its result as
   * `Lock|null`: "If this method is called outside of the context of a containing document (such as from a
   * standalone script or webapp), null is returned" (https://developers.google.com/apps-script/reference/lock/lock-service).
   */
  documentContext = true;
}

export class FakeLock extends Counted<'Lock', LockMethod> implements FakeOf<GoogleAppsScript.Lock.Lock, LockMethod> {
  declare readonly __gasType: GoogleAppsScript.Lock.Lock;

  constructor(
    rt: Runtime,
    private readonly board: LockBoard,
    private readonly kind: LockKind,
  ) {
    super(rt, 'Lock');
  }

  hasLock(): boolean {
    this.enter('hasLock');
    return this.board.holder(this.kind) === 'self';
  }

  releaseLock(): void {
    this.enter('releaseLock');
    this.board.release(this.kind);
  }

  tryLock(timeoutInMillis: number): boolean {
    this.enter('tryLock');
    return this.board.acquire(this.kind, timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.enter('waitLock');
    if (!this.board.acquire(this.kind, timeoutInMillis)) {
      throw this.rt.error('Lock timeout: another process was holding the lock for too long.');
    }
  }
}

export class FakeLockService extends Counted<'LockService', LockServiceMethod> implements FakeOf<GoogleAppsScript.Lock.LockService, LockServiceMethod> {
  declare readonly __gasType: GoogleAppsScript.Lock.LockService;

  constructor(
    rt: Runtime,
    readonly board: LockBoard,
  ) {
    super(rt, 'LockService');
  }

  getDocumentLock(): FakeLock {
    this.enter('getDocumentLock');
    // @types/google-apps-script says Lock; the reference says Lock|null (see LockBoard.documentContext).
    if (!this.board.documentContext) return null as unknown as FakeLock;
    return new FakeLock(this.rt, this.board, 'document');
  }

  getScriptLock(): FakeLock {
    this.enter('getScriptLock');
    return new FakeLock(this.rt, this.board, 'script');
  }

  getUserLock(): FakeLock {
    this.enter('getUserLock');
    return new FakeLock(this.rt, this.board, 'user');
  }
}

// ---------------------------------------------------------------------------------- properties

export class FakeProperties extends Counted<'Properties', PropertiesMethod> implements FakeOf<GoogleAppsScript.Properties.Properties, PropertiesMethod> {
  declare readonly __gasType: GoogleAppsScript.Properties.Properties;

  constructor(
    rt: Runtime,
    private readonly store: Map<string, string>,
  ) {
    super(rt, 'Properties');
  }

  deleteAllProperties(): this {
    this.enter('deleteAllProperties');
    this.store.clear();
    return this;
  }

  deleteProperty(key: string): this {
    this.enter('deleteProperty');
    this.store.delete(key);
    return this;
  }

  getKeys(): string[] {
    this.enter('getKeys');
    return [...this.store.keys()];
  }

  getProperties(): { [key: string]: string } {
    this.enter('getProperties');
    return Object.fromEntries(this.store);
  }

  getProperty(key: string): string | null {
    this.enter('getProperty');
    return this.store.get(key) ?? null;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): this {
    this.enter('setProperties');
    if (deleteAllOthers) this.store.clear();
    // Apps Script stores every value as a string.
    for (const [key, value] of Object.entries(properties)) this.store.set(key, String(value));
    return this;
  }

  setProperty(key: string, value: string): this {
    this.enter('setProperty');
    this.store.set(key, String(value));
    return this;
  }
}

/** The three property stores; tests read and seed them directly (uncounted). */
export interface PropertyStores {
  readonly document: Map<string, string>;
  readonly script: Map<string, string>;
  readonly user: Map<string, string>;
}

export class FakePropertiesService
  extends Counted<'PropertiesService', PropertiesServiceMethod>
  implements FakeOf<GoogleAppsScript.Properties.PropertiesService, PropertiesServiceMethod>
{
  declare readonly __gasType: GoogleAppsScript.Properties.PropertiesService;

  constructor(
    rt: Runtime,
    readonly stores: PropertyStores,
  ) {
    super(rt, 'PropertiesService');
  }

  getDocumentProperties(): FakeProperties {
    this.enter('getDocumentProperties');
    return new FakeProperties(this.rt, this.stores.document);
  }

  getScriptProperties(): FakeProperties {
    this.enter('getScriptProperties');
    return new FakeProperties(this.rt, this.stores.script);
  }

  getUserProperties(): FakeProperties {
    this.enter('getUserProperties');
    return new FakeProperties(this.rt, this.stores.user);
  }
}

// ------------------------------------------------------------------------------------- triggers

/** A time-driven trigger's schedule as the builder set it. */
export interface ClockSchedule {
  afterMs?: number;
  at?: Date;
  atHour?: number;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
}

/** Apps Script's limit on triggers per user per script (Quotas for Google Services: "Triggers 20 / user / script"). */
export const MAX_TRIGGERS = 20;

/**
 * A time-driven trigger. A one-shot one (`after`, `at`) fires once and then stays in the project's trigger
 * list, counting toward the limit of 20, until the script deletes it: the reference of ClockTriggerBuilder
 * says nothing of removing it, and scripts in the wild delete theirs by hand; the stricter reading is
 * modelled. `fired` says whether it has run (uncounted).
 */
export class FakeTrigger extends Counted<'Trigger', TriggerMethod> implements FakeOf<GoogleAppsScript.Script.Trigger, TriggerMethod> {
  declare readonly __gasType: GoogleAppsScript.Script.Trigger;
  fired = false;

  constructor(
    rt: Runtime,
    readonly uniqueId: string,
    readonly handlerFunction: string,
    readonly schedule: Readonly<ClockSchedule>,
    /** When it was created, on the world's clock. */
    readonly createdAt: number,
  ) {
    super(rt, 'Trigger');
  }

  /** When a one-shot trigger is due on the clock, or undefined for a recurring one (whose firing is not modelled). */
  dueAt(): number | undefined {
    if (this.schedule.afterMs !== undefined) return this.createdAt + this.schedule.afterMs;
    return this.schedule.at?.getTime();
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    this.enter('getEventType');
    return E.EventType.CLOCK;
  }

  getHandlerFunction(): string {
    this.enter('getHandlerFunction');
    return this.handlerFunction;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.enter('getTriggerSource');
    return E.TriggerSource.CLOCK;
  }

  getTriggerSourceId(): string {
    this.enter('getTriggerSourceId');
    return '';
  }

  getUniqueId(): string {
    this.enter('getUniqueId');
    return this.uniqueId;
  }
}

export class FakeClockTriggerBuilder
  extends Counted<'ClockTriggerBuilder', ClockTriggerBuilderMethod>
  implements FakeOf<GoogleAppsScript.Script.ClockTriggerBuilder, ClockTriggerBuilderMethod>
{
  declare readonly __gasType: GoogleAppsScript.Script.ClockTriggerBuilder;
  private readonly schedule: ClockSchedule = {};

  constructor(
    rt: Runtime,
    private readonly triggers: FakeTrigger[],
    private readonly handler: string,
  ) {
    super(rt, 'ClockTriggerBuilder');
  }

  after(durationMilliseconds: number): this {
    this.enter('after');
    this.schedule.afterMs = durationMilliseconds;
    return this;
  }

  at(date: GoogleAppsScript.Base.Date): this {
    this.enter('at');
    this.schedule.at = new Date(date.getTime());
    return this;
  }

  atHour(hour: number): this {
    this.enter('atHour');
    this.schedule.atHour = hour;
    return this;
  }

  create(): FakeTrigger {
    this.enter('create');
    if (this.triggers.length >= MAX_TRIGGERS) {
      throw this.rt.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const trigger = new FakeTrigger(this.rt, String(this.rt.id()), this.handler, { ...this.schedule }, this.rt.clock.now());
    this.triggers.push(trigger);
    return trigger;
  }

  everyDays(n: number): this {
    this.enter('everyDays');
    this.schedule.everyDays = n;
    return this;
  }

  everyHours(n: number): this {
    this.enter('everyHours');
    this.schedule.everyHours = n;
    return this;
  }

  everyMinutes(n: number): this {
    this.enter('everyMinutes');
    if (![1, 5, 10, 15, 30].includes(n)) throw this.rt.error('The number of minutes must be 1, 5, 10, 15 or 30.');
    this.schedule.everyMinutes = n;
    return this;
  }
}

export class FakeTriggerBuilder
  extends Counted<'TriggerBuilder', TriggerBuilderMethod>
  implements FakeOf<GoogleAppsScript.Script.TriggerBuilder, TriggerBuilderMethod>
{
  declare readonly __gasType: GoogleAppsScript.Script.TriggerBuilder;

  constructor(
    rt: Runtime,
    private readonly triggers: FakeTrigger[],
    private readonly handler: string,
  ) {
    super(rt, 'TriggerBuilder');
  }

  timeBased(): FakeClockTriggerBuilder {
    this.enter('timeBased');
    return new FakeClockTriggerBuilder(this.rt, this.triggers, this.handler);
  }
}

// ------------------------------------------------------------------------------- authorization

/** The OAuth scopes the fakes know by name. */
export const SCOPES = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  drive: 'https://www.googleapis.com/auth/drive',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
} as const;

/** The manifest's oauthScopes when a test names none: everything our code uses, so older tests keep working. */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = [
  SCOPES.spreadsheetsCurrentOnly,
  SCOPES.containerUi,
  SCOPES.driveFile,
  SCOPES.spreadsheets,
  SCOPES.scriptApp,
];

/** One consent prompt that ScriptApp.requireScopes (or requireAllScopes) would have shown. */
export interface ConsentRequest {
  readonly authMode: string;
  /** The scopes the script asked for. */
  readonly requested: readonly string[];
  /** Those of them the user has not granted (what the prompt asks for). */
  readonly missing: readonly string[];
}

/**
 * The script's OAuth scopes: those its manifest (appsscript.json `oauthScopes`) declares, and those of
 * them the user has granted. With granular consent a user may grant some and not others, so a scope in
 * the manifest is not necessarily usable.
 */
export class OAuthScopes {
  readonly manifest: readonly string[];
  private readonly granted: Set<string>;
  /** Every consent prompt requireScopes would have shown, in order. */
  readonly consentRequests: ConsentRequest[] = [];

  constructor(manifest: readonly string[] = DEFAULT_OAUTH_SCOPES, granted: readonly string[] = manifest) {
    this.manifest = [...manifest];
    for (const scope of granted) {
      if (!manifest.includes(scope)) throw new Error(`OAuthScopes: ${scope} is granted but not in the manifest's oauthScopes`);
    }
    this.granted = new Set(granted);
  }

  declared(scope: string): boolean {
    return this.manifest.includes(scope);
  }

  /** Declared in the manifest and granted by the user. */
  has(scope: string): boolean {
    return this.manifest.includes(scope) && this.granted.has(scope);
  }

  grantedScopes(): string[] {
    return this.manifest.filter((s) => this.granted.has(s));
  }

  grant(scope: string): void {
    if (!this.declared(scope)) throw new Error(`OAuthScopes: ${scope} is not in the manifest's oauthScopes, so a user cannot grant it`);
    this.granted.add(scope);
  }

  revoke(scope: string): void {
    this.granted.delete(scope);
  }
}

/** The message Apps Script ends an execution with when the user has not granted a scope it needs. */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

export class FakeAuthorizationInfo
  extends Counted<'AuthorizationInfo', AuthorizationInfoMethod>
  implements FakeOf<GoogleAppsScript.Script.AuthorizationInfo, AuthorizationInfoMethod>
{
  declare readonly __gasType: GoogleAppsScript.Script.AuthorizationInfo;

  constructor(
    rt: Runtime,
    private readonly required: boolean,
  ) {
    super(rt, 'AuthorizationInfo');
  }

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    this.enter('getAuthorizationStatus');
    return this.required ? E.AuthorizationStatus.REQUIRED : E.AuthorizationStatus.NOT_REQUIRED;
  }

  getAuthorizationUrl(): string {
    this.enter('getAuthorizationUrl');
    // Apps Script returns null when no authorization is needed (the types say string).
    return (this.required ? FAKE_AUTHORIZATION_URL : null) as string;
  }
}

export const FAKE_AUTHORIZATION_URL = 'https://script.google.com/macros/d/fake-script-id/authorize';

export class FakeScriptApp
  extends Counted<'ScriptApp', ScriptAppMethod>
  implements FakeOf<GoogleAppsScript.Script.ScriptApp, ScriptAppMethod | 'AuthMode' | 'AuthorizationStatus' | 'EventType' | 'TriggerSource'>
{
  declare readonly __gasType: GoogleAppsScript.Script.ScriptApp;
  readonly AuthMode = E.AuthMode;
  readonly AuthorizationStatus = E.AuthorizationStatus;
  readonly EventType = E.EventType;
  readonly TriggerSource = E.TriggerSource;
  /** The project's triggers, in creation order; tests read them directly (uncounted). */
  readonly triggers: FakeTrigger[] = [];

  constructor(
    rt: Runtime,
    /** The manifest's scopes and the user's grants; tests change grants with revokeScope / grantScope. */
    readonly scopes: OAuthScopes = new OAuthScopes(),
  ) {
    super(rt, 'ScriptApp');
  }

  /** Uncounted: the consent prompts requireScopes would have shown. */
  get consentRequests(): readonly ConsentRequest[] {
    return this.scopes.consentRequests;
  }

  /** Uncounted: the user withdraws (or never gave) consent to one scope of the manifest. */
  revokeScope(scope: string): void {
    this.scopes.revoke(scope);
  }

  /** Uncounted: the user grants a scope of the manifest (as after answering a consent prompt). */
  grantScope(scope: string): void {
    this.scopes.grant(scope);
  }

  /** Uncounted: the manifest's scopes the user has granted. */
  grantedScopes(): string[] {
    return this.scopes.grantedScopes();
  }

  private authModeName(authMode: unknown, what: string, args: readonly unknown[]): string {
    const name = enumName(authMode);
    if (name === undefined || !(name in E.AuthMode)) throw this.rt.badArguments(what, args);
    return name;
  }

  private demand(authMode: string, requested: readonly string[]): void {
    const undeclared = requested.filter((s) => !this.scopes.declared(s));
    if (undeclared.length > 0) {
      // The docs are silent on the wording; any scope outside the manifest is refused.
      throw this.rt.error(`The requested scopes are not declared in the script's manifest: ${undeclared.join(', ')}`);
    }
    const missing = requested.filter((s) => !this.scopes.has(s));
    if (missing.length === 0) return;
    // Apps Script ends the execution here and shows the user a consent prompt for the missing scopes.
    this.scopes.consentRequests.push({ authMode, requested: [...requested], missing });
    throw this.rt.error(AUTHORIZATION_REQUIRED);
  }

  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode): FakeAuthorizationInfo {
    this.enter('getAuthorizationInfo');
    this.authModeName(authMode, 'ScriptApp.getAuthorizationInfo', [authMode]);
    return new FakeAuthorizationInfo(this.rt, this.scopes.grantedScopes().length < this.scopes.manifest.length);
  }

  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode): void {
    this.enter('requireAllScopes');
    this.demand(this.authModeName(authMode, 'ScriptApp.requireAllScopes', [authMode]), this.scopes.manifest);
  }

  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): void {
    this.enter('requireScopes');
    const mode = this.authModeName(authMode, 'ScriptApp.requireScopes', [authMode, oAuthScopes]);
    if (!Array.isArray(oAuthScopes) || !oAuthScopes.every((s) => typeof s === 'string')) {
      throw this.rt.badArguments('ScriptApp.requireScopes', [authMode, oAuthScopes]);
    }
    this.demand(mode, oAuthScopes);
  }

  deleteTrigger(trigger: Fake<GoogleAppsScript.Script.Trigger>): void {
    this.enter('deleteTrigger');
    const owned = own(this.rt, trigger, FakeTrigger, 'ScriptApp.deleteTrigger');
    const at = this.triggers.findIndex((t) => t.uniqueId === owned.uniqueId);
    if (at >= 0) this.triggers.splice(at, 1);
  }

  getProjectTriggers(): FakeTrigger[] {
    this.enter('getProjectTriggers');
    return [...this.triggers];
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.enter('newTrigger');
    return new FakeTriggerBuilder(this.rt, this.triggers, functionName);
  }
}

// ------------------------------------------------------------------------------------ utilities

type Charset = GoogleAppsScript.Utilities.Charset;
type DigestAlgorithm = GoogleAppsScript.Utilities.DigestAlgorithm;

const NODE_DIGEST: Readonly<Record<string, string>> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** Apps Script's Byte[] holds Java bytes: -128…127. */
function toSignedBytes(buffer: Buffer): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

export class FakeUtilities
  extends Counted<'Utilities', UtilitiesMethod>
  implements FakeOf<GoogleAppsScript.Utilities.Utilities, UtilitiesMethod | 'Charset' | 'DigestAlgorithm'>
{
  declare readonly __gasType: GoogleAppsScript.Utilities.Utilities;
  readonly Charset = E.Charset;
  readonly DigestAlgorithm = E.DigestAlgorithm;
  /** Total milliseconds the code asked to sleep (sleep returns at once, having moved the world's clock). */
  sleptMs = 0;

  constructor(rt: Runtime) {
    super(rt, 'Utilities');
  }

  private bytesOf(data: number[] | string, charset: Charset | undefined): Buffer {
    if (typeof data !== 'string') return Buffer.from(data.map((b) => b & 0xff));
    // Java's US-ASCII encoder writes '?' for what it cannot encode.
    if (enumName(charset) === 'US_ASCII') return Buffer.from(data.replace(/[\u{80}-\u{10ffff}]/gu, '?'), 'ascii');
    return Buffer.from(data, 'utf8');
  }

  base64Decode(encoded: string, charset?: Charset): number[] {
    this.enter('base64Decode');
    void charset;
    return toSignedBytes(Buffer.from(encoded, 'base64'));
  }

  base64Encode(data: number[] | string, charset?: Charset): string {
    this.enter('base64Encode');
    return this.bytesOf(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: number[] | string, charset?: Charset): string {
    this.enter('base64EncodeWebSafe');
    // Java's URL-safe alphabet keeps the '=' padding, unlike Node's 'base64url'.
    return this.bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  computeDigest(algorithm: DigestAlgorithm, value: number[] | string, charset?: Charset): number[] {
    this.enter('computeDigest');
    const name = NODE_DIGEST[enumName(algorithm) ?? ''];
    if (name === undefined) throw this.rt.error(`Digest algorithm ${String(algorithm)} is not supported by the fake.`);
    return toSignedBytes(createHash(name).update(this.bytesOf(value, charset)).digest());
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.enter('formatDate');
    if (!isDate(date)) throw this.rt.badArguments('Utilities.formatDate', [date, timeZone, format]);
    return formatJavaDate(new Date(date.getTime()), timeZone, format, (message) => this.rt.error(message));
  }

  getUuid(): string {
    this.enter('getUuid');
    return randomUUID();
  }

  sleep(milliseconds: number): void {
    this.enter('sleep');
    this.sleptMs += milliseconds;
    this.rt.spend(milliseconds);
  }
}

// -------------------------------------------------------------------------- session and logging

export class FakeSession extends Counted<'Session', SessionMethod> implements FakeOf<GoogleAppsScript.Base.Session, SessionMethod> {
  declare readonly __gasType: GoogleAppsScript.Base.Session;

  constructor(
    rt: Runtime,
    private readonly timeZone: string,
    private readonly locale: string,
  ) {
    super(rt, 'Session');
  }

  getActiveUserLocale(): string {
    this.enter('getActiveUserLocale');
    return this.locale;
  }

  getScriptTimeZone(): string {
    this.enter('getScriptTimeZone');
    return this.timeZone;
  }
}

export interface LogEntry {
  readonly source: 'Logger' | 'console';
  readonly level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  readonly message: string;
}

export class FakeLogger extends Counted<'Logger', LoggerMethod> implements FakeOf<GoogleAppsScript.Base.Logger, LoggerMethod> {
  declare readonly __gasType: GoogleAppsScript.Base.Logger;

  constructor(
    rt: Runtime,
    private readonly logs: LogEntry[],
  ) {
    super(rt, 'Logger');
  }

  clear(): void {
    this.enter('clear');
    for (let i = this.logs.length - 1; i >= 0; i--) if (this.logs[i]?.source === 'Logger') this.logs.splice(i, 1);
  }

  getLog(): string {
    this.enter('getLog');
    return this.logs
      .filter((e) => e.source === 'Logger')
      .map((e) => e.message)
      .join('\n');
  }

  log(data: unknown, ...values: unknown[]): this {
    this.enter('log');
    // Logger.log('%s of %s', a, b) fills placeholders in order, as Java's String.format does.
    const message =
      typeof data === 'string' && values.length > 0
        ? data.replace(/%[sdf]/g, () => (values.length > 0 ? String(values.shift()) : ''))
        : typeof data === 'string'
          ? data
          : formatArgs('%o', data);
    this.logs.push({ source: 'Logger', level: 'info', message });
    return this;
  }
}

/** The console of Apps Script's V8 runtime, recording into the same log (not counted: not a service). */
export type FakeConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;

export function makeConsole(logs: LogEntry[], echo: boolean): FakeConsole {
  const at =
    (level: LogEntry['level']) =>
    (...args: unknown[]): void => {
      const message = formatArgs(...args);
      logs.push({ source: 'console', level, message });
      if (echo) process.stderr.write(`[${level}] ${message}\n`);
    };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}

/** The Charts service, for the ChartType enum that EmbeddedChartBuilder.setChartType takes. */
export class FakeCharts implements FakeOf<GoogleAppsScript.Charts.Charts, 'ChartType'> {
  declare readonly __gasType: GoogleAppsScript.Charts.Charts;
  readonly ChartType = E.ChartType;
}
