/**
 * The Sheets (v4) and Drive (v3) advanced services, and the Drive around them: who runs the script,
 * who owns and may open each file, which files the script may reach under the drive.file scope, the
 * trash and deletion. Like the other fakes they count every call ('Sheets.Spreadsheets.get') and fail on
 * demand (FaultInjector) before they change anything; `DriveWorld` (env.drive) arranges and inspects
 * without counting.
 *
 * Rule of the fakes: never more forgiving than real Apps Script. Where the API documentation is silent,
 * the stricter behaviour is modelled and README.md says so. What the fake does not model at all fails
 * with a plain Error whose message starts 'Not modelled by the fake', so a test never passes by accident.
 */
import { FORMULA_STAND_IN, MAX_CELL_CHARS, a1Notation, displayText, normalizeColor, parseA1, zoned, type Rect } from './cells';
import type { FakeOf } from './fake-of';
import type { MethodName } from './methods';
import { isDate, type Runtime } from './runtime';
import { AUTHORIZATION_REQUIRED, SCOPES, type OAuthScopes } from './services';
import { FakeSpreadsheet, type FakeSheet, type SpreadsheetGate, type SpreadsheetRegistry } from './spreadsheet';

type SheetsApi = GoogleAppsScript.Sheets;
type SpreadsheetsCollection = GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
type ValuesCollection = GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;
type SpreadsheetResource = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type SheetProperties = GoogleAppsScript.Sheets.Schema.SheetProperties;
type GridProperties = GoogleAppsScript.Sheets.Schema.GridProperties;
type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type BatchGetValuesResponse = GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse;
type BatchUpdateRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest;
type BatchUpdateResponse = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;
type SheetsReply = GoogleAppsScript.Sheets.Schema.Response;

type DriveApi = GoogleAppsScript.Drive;
type FilesCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type PermissionsCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;
type DriveFileResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type PermissionResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type PermissionListResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;

type Json = Record<string, unknown>;

const SPREADSHEET_MIME_TYPE = 'application/vnd.google-apps.spreadsheet';
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

/** The plain Error for what the fake leaves out: a test that needs it must fail, not pass by accident. */
function notModelled(what: string): Error {
  return new Error(`Not modelled by the fake: ${what}. See test/fakes/README.md.`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of an object whose values are not undefined (what JSON would send). */
function presentKeys(value: Json): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

// ----------------------------------------------------------------------------------- field masks

/**
 * The fields of a resource the fake knows: `true` for a modelled field, a nested tree for a modelled
 * message, 'real' for a field the real resource has and the fake does not model.
 */
type FieldTree = { readonly [name: string]: true | 'real' | FieldTree };
/** A parsed field mask: the selected names, each with the mask of its sub-fields or true for all of it. */
type Mask = Map<string, Mask | true>;

function real(names: string): Record<string, 'real'> {
  return Object.fromEntries(names.split(' ').map((n) => [n, 'real' as const]));
}

const GRID_PROPERTIES_FIELDS: FieldTree = {
  ...real('columnGroupControlAfter hideGridlines rowGroupControlAfter'),
  rowCount: true,
  columnCount: true,
  frozenRowCount: true,
  frozenColumnCount: true,
};
const SHEET_PROPERTIES_FIELDS: FieldTree = {
  ...real('rightToLeft tabColor tabColorStyle dataSourceSheetProperties'),
  sheetId: true,
  title: true,
  index: true,
  sheetType: true,
  hidden: true,
  gridProperties: GRID_PROPERTIES_FIELDS,
};
const SPREADSHEET_FIELDS: FieldTree = {
  ...real('developerMetadata namedRanges dataSources dataSourceSchedules'),
  spreadsheetId: true,
  spreadsheetUrl: true,
  properties: {
    ...real('autoRecalc defaultFormat iterativeCalculationSettings spreadsheetTheme importFunctionsExternalUrlAccessAllowed'),
    title: true,
    locale: true,
    timeZone: true,
  },
  sheets: {
    ...real(
      'bandedRanges basicFilter charts columnGroups conditionalFormats data developerMetadata filterViews merges protectedRanges rowGroups slicers tables',
    ),
    properties: SHEET_PROPERTIES_FIELDS,
  },
};
const VALUE_RANGE_FIELDS: FieldTree = { range: true, majorDimension: true, values: true };
const BATCH_GET_FIELDS: FieldTree = { spreadsheetId: true, valueRanges: VALUE_RANGE_FIELDS };

const USER_FIELDS: FieldTree = { ...real('photoLink'), kind: true, displayName: true, emailAddress: true, me: true, permissionId: true };
const FILE_FIELDS: FieldTree = {
  ...real(
    'appProperties capabilities contentHints contentRestrictions copyRequiresWriterPermission createdTime description driveId ' +
      'explicitlyTrashed exportLinks fileExtension folderColorRgb fullFileExtension hasAugmentedPermissions hasThumbnail ' +
      'headRevisionId iconLink imageMediaMetadata isAppAuthorized labelInfo lastModifyingUser linkShareMetadata modifiedByMe ' +
      'modifiedByMeTime modifiedTime originalFilename ownedByMe parents permissionIds permissions properties quotaBytesUsed ' +
      'resourceKey shared sharedWithMeTime sharingUser shortcutDetails size spaces starred teamDriveId thumbnailLink ' +
      'thumbnailVersion trashedTime trashingUser version videoMediaMetadata viewedByMe viewedByMeTime viewersCanCopyContent ' +
      'webContentLink writersCanShare',
  ),
  kind: true,
  id: true,
  name: true,
  mimeType: true,
  trashed: true,
  webViewLink: true,
  owners: USER_FIELDS,
};
const PERMISSION_FIELDS: FieldTree = {
  ...real('allowFileDiscovery deleted domain expirationTime pendingOwner permissionDetails photoLink teamDrivePermissionDetails view'),
  kind: true,
  id: true,
  type: true,
  role: true,
  emailAddress: true,
  displayName: true,
};
const PERMISSION_LIST_FIELDS: FieldTree = { kind: true, nextPageToken: true, permissions: PERMISSION_FIELDS };

/**
 * Parses a field mask as the `fields` parameter and FieldMask fields take it: 'a,b.c,d(e,f)', with '/'
 * or '.' between the parts of a path and '*' for everything. Undefined when the text is not a mask.
 */
function parseMask(text: string): Mask | undefined {
  let i = 0;
  const name = (): string => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*|\*)\s*/.exec(text.slice(i));
    if (!m?.[1]) throw new SyntaxError('field name expected');
    i += m[0].length;
    return m[1];
  };
  const insert = (mask: Mask, path: readonly string[], sub: Mask | true): void => {
    const [head, ...rest] = path;
    if (head === undefined) return;
    const existing = mask.get(head);
    if (rest.length === 0) {
      if (existing === true || sub === true) mask.set(head, true);
      else if (existing === undefined) mask.set(head, sub);
      else for (const [k, v] of sub) insert(existing, [k], v);
      return;
    }
    if (existing === true) return;
    const child = existing ?? new Map<string, Mask | true>();
    mask.set(head, child);
    insert(child, rest, sub);
  };
  const list = (): Mask => {
    const mask: Mask = new Map();
    for (;;) {
      const path = [name()];
      while (text.charAt(i) === '.' || text.charAt(i) === '/') {
        i += 1;
        path.push(name());
      }
      let sub: Mask | true = true;
      if (text.charAt(i) === '(') {
        i += 1;
        sub = list();
        if (text.charAt(i) !== ')') throw new SyntaxError("')' expected");
        i += 1;
        while (text.charAt(i) === ' ') i += 1;
      }
      insert(mask, path, sub);
      if (text.charAt(i) !== ',') return mask;
      i += 1;
    }
  };
  try {
    const mask = list();
    return i === text.length ? mask : undefined;
  } catch {
    return undefined;
  }
}

/** Checks a mask against what the fake knows; `invalid` makes the API's error for a name that does not exist. */
function checkMask(mask: Mask, tree: FieldTree, where: string, invalid: (path: string) => Error, prefix = ''): void {
  for (const [key, sub] of mask) {
    if (key === '*') continue;
    const path = prefix + key;
    const known = tree[key];
    if (known === undefined) throw invalid(path);
    if (known === 'real') throw notModelled(`the field '${path}' in ${where}`);
    if (sub !== true) {
      if (known === true) throw invalid(`${path}.${[...sub.keys()].join(',')}`);
      checkMask(sub, known, where, invalid, `${path}.`);
    }
  }
}

/** The part of a resource a mask selects; arrays are selected element by element. */
function applyMask(value: unknown, mask: Mask | true): unknown {
  if (mask === true || mask.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, sub] of mask) {
    const v = value[key];
    if (v !== undefined) out[key] = applyMask(v, sub);
  }
  return out;
}

/** Whether a mask selects the field at `path` (all of it or part of it). */
function selects(mask: Mask | true | undefined, path: readonly string[]): boolean {
  if (mask === undefined) return false;
  if (mask === true) return true;
  if (mask.has('*')) return true;
  const [head, ...rest] = path;
  if (head === undefined) return true;
  return selects(mask.get(head), rest);
}

function sub(mask: Mask | true, key: string): Mask | true | undefined {
  if (mask === true || mask.has('*')) return true;
  return mask.get(key);
}

// ----------------------------------------------------------------------------------- Drive state

export type PermissionRole = 'reader' | 'commenter' | 'writer';

/** One entry of a file's sharing list, as Drive.Permissions.list reports it. */
export interface PermissionRecord {
  readonly id: string;
  readonly type: 'user';
  readonly role: PermissionRole | 'owner';
  readonly emailAddress: string;
}

/** One successful Drive.Permissions.create call, with the notification it asked for. */
export interface ShareRecord {
  readonly fileId: string;
  readonly emailAddress: string;
  readonly role: PermissionRole;
  /** Drive's default is true: the person gets an email. */
  readonly sendNotificationEmail: boolean;
  readonly emailMessage: string | undefined;
  /** Who shared it (the user running the script). */
  readonly by: string;
}

/** A file's Drive state (uncounted view for tests). */
export interface DriveFileSnapshot {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  /** Fixtures are open to every user; what the script creates is open to its owner and those it is shared with. */
  readonly openToEveryone: boolean;
  readonly trashed: boolean;
  readonly createdByScript: boolean;
  /** drive.file: the users for whom the script created, or was given (Picker), this file. */
  readonly grantedTo: readonly string[];
  readonly permissions: readonly PermissionRecord[];
}

interface DriveFile {
  owner: string;
  openToEveryone: boolean;
  trashed: boolean;
  createdByScript: boolean;
  /** By lower-cased email: the role. */
  readonly shared: Map<string, PermissionRole>;
  /** drive.file grants, by lower-cased email. */
  readonly grants: Set<string>;
}

const WORLDS = new WeakMap<Runtime, DriveWorld>();

/** The DriveWorld of a runtime (of an environment), if it has one. */
export function driveWorldOf(rt: Runtime): DriveWorld | undefined {
  return WORLDS.get(rt);
}

const EMAIL = /^[^\s@,;<>()"']+@[^\s@,;<>()"']+\.[A-Za-z]{2,}$/;

/**
 * The Drive around the script (env.drive), uncounted: the current user, who owns and may open each file
 * in the registry, drive.file grants, trash and deletion, and what was shared. Spreadsheets put in the
 * registry by a test (the active one, env.addSpreadsheet, copySpreadsheetInto) are owned by the first
 * user and open to every user; those the script creates belong to the user who created them.
 */
export class DriveWorld implements SpreadsheetGate {
  private currentUser: string;
  private readonly firstUser: string;
  private readonly displayNames = new Map<string, string>();
  private readonly files = new Map<string, DriveFile>();
  private readonly permissionIds = new Map<string, string>();
  /** Every successful Drive.Permissions.create, in order. */
  readonly shares: ShareRecord[] = [];
  /** Ids of the spreadsheets the script created (Sheets.Spreadsheets.create, SpreadsheetApp.create), in order. */
  readonly created: string[] = [];

  constructor(
    private readonly rt: Runtime,
    readonly registry: SpreadsheetRegistry,
    readonly scopes: OAuthScopes,
    user: string,
  ) {
    this.currentUser = user.toLowerCase();
    this.firstUser = this.currentUser;
    WORLDS.set(rt, this);
  }

  /** The email of the person running the script. */
  get user(): string {
    return this.currentUser;
  }

  /** Another person runs the script from now on (the same project, so the same drive.file grants per user). */
  setUser(email: string, displayName?: string): void {
    if (!EMAIL.test(email)) throw new Error(`DriveWorld.setUser: not an email address: ${email}`);
    this.currentUser = email.toLowerCase();
    if (displayName !== undefined) this.displayNames.set(this.currentUser, displayName);
  }

  displayName(email: string): string {
    return this.displayNames.get(email.toLowerCase()) ?? email.slice(0, email.indexOf('@'));
  }

  /** A stable permission id per person, as Drive gives (the same on every file). */
  permissionId(email: string): string {
    const key = email.toLowerCase();
    let id = this.permissionIds.get(key);
    if (id === undefined) {
      id = `0${String(4_000_000_000 + this.permissionIds.size * 7919).padStart(19, '0')}`;
      this.permissionIds.set(key, id);
    }
    return id;
  }

  /** The Drive state of a file in the registry; undefined when there is none (unknown or deleted). */
  record(id: string): DriveFile | undefined {
    if (!this.registry.find(id)) return undefined;
    let file = this.files.get(id);
    if (!file) {
      file = { owner: this.firstUser, openToEveryone: true, trashed: false, createdByScript: false, shared: new Map(), grants: new Set() };
      this.files.set(id, file);
    }
    return file;
  }

  private need(id: string, what: string): DriveFile {
    const file = this.record(id);
    if (!file) throw new Error(`DriveWorld.${what}: no spreadsheet ${id} in the registry`);
    return file;
  }

  /** Uncounted: the spreadsheet with this id, or a failed test. */
  spreadsheet(id: string): FakeSpreadsheet {
    const entry = this.registry.find(id);
    if (!entry) throw new Error(`no spreadsheet ${id} in the registry`);
    return entry.spreadsheet;
  }

  /** Whether `user` is among the people the file is open to (owner, shared with, or a fixture open to all). */
  canSee(file: DriveFile, user = this.currentUser): boolean {
    const key = user.toLowerCase();
    return file.openToEveryone || file.owner === key || file.shared.has(key);
  }

  /** Whether the script may reach the file for `user` under drive.file alone. */
  isGranted(id: string, user = this.currentUser): boolean {
    return this.record(id)?.grants.has(user.toLowerCase()) ?? false;
  }

  /**
   * drive.file: the user chose this file for the script (Google Picker, "Open with"), so the script may
   * reach it for them from now on. The user must be able to open it: share it with them first.
   */
  grantFile(id: string, user = this.currentUser): void {
    const file = this.need(id, 'grantFile');
    if (!this.canSee(file, user)) {
      throw new Error(`DriveWorld.grantFile: ${user} cannot open ${id}, so no picker would offer it; share it first (env.drive.share)`);
    }
    file.grants.add(user.toLowerCase());
  }

  revokeFile(id: string, user = this.currentUser): void {
    this.need(id, 'revokeFile').grants.delete(user.toLowerCase());
  }

  /** Shares a file with someone, as its owner would in the Drive UI (no notification recorded). */
  share(id: string, email: string, role: PermissionRole = 'writer'): void {
    const file = this.need(id, 'share');
    if (email.toLowerCase() !== file.owner) file.shared.set(email.toLowerCase(), role);
  }

  unshare(id: string, email: string): void {
    this.need(id, 'unshare').shared.delete(email.toLowerCase());
  }

  /** Changes who owns a file, and whether every user may open it (fixtures are open to all by default). */
  setSharing(id: string, sharing: { owner?: string; openToEveryone?: boolean }): void {
    const file = this.need(id, 'setSharing');
    if (sharing.owner !== undefined) {
      file.owner = sharing.owner.toLowerCase();
      file.shared.delete(file.owner);
    }
    if (sharing.openToEveryone !== undefined) file.openToEveryone = sharing.openToEveryone;
  }

  /** Moves a file to the trash: Drive.Files.get reports trashed: true; the Sheets API still reads and writes it. */
  trash(id: string): void {
    this.need(id, 'trash').trashed = true;
  }

  untrash(id: string): void {
    this.need(id, 'untrash').trashed = false;
  }

  /** Deletes a file for good: gone from the registry, and not found (404) by every service. */
  delete(id: string): void {
    this.need(id, 'delete');
    this.files.delete(id);
    this.registry.remove(id);
  }

  /** Uncounted: the file's sharing list, owner first. */
  permissionsOf(id: string): PermissionRecord[] {
    const file = this.need(id, 'permissionsOf');
    return this.permissionList(file);
  }

  permissionList(file: DriveFile): PermissionRecord[] {
    const owner: PermissionRecord = { id: this.permissionId(file.owner), type: 'user', role: 'owner', emailAddress: file.owner };
    const others = [...file.shared].map(([email, role]): PermissionRecord => ({ id: this.permissionId(email), type: 'user', role, emailAddress: email }));
    return [owner, ...others];
  }

  /** Uncounted: everything about a file's Drive state. */
  peekFile(id: string): DriveFileSnapshot {
    const file = this.need(id, 'peekFile');
    return {
      id,
      name: this.spreadsheet(id).peekName(),
      owner: file.owner,
      openToEveryone: file.openToEveryone,
      trashed: file.trashed,
      createdByScript: file.createdByScript,
      grantedTo: [...file.grants],
      permissions: this.permissionList(file),
    };
  }

  /** A copy of a file from another world arrives here (copySpreadsheetInto): same owner, sharing and trash. */
  adopt(id: string, from: DriveFile | undefined): void {
    const grants = this.files.get(id)?.grants ?? new Set<string>();
    this.files.set(id, {
      owner: from?.owner ?? this.firstUser,
      openToEveryone: from?.openToEveryone ?? true,
      trashed: from?.trashed ?? false,
      createdByScript: false,
      shared: new Map(from?.shared ?? []),
      grants,
    });
  }

  // --------------------------------------------------------------------- SpreadsheetApp's gate

  requireScope(method: 'create' | 'openById' | 'openByUrl'): void {
    if (!this.scopes.has(SCOPES.spreadsheets)) {
      throw this.rt.error(`You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${SCOPES.spreadsheets}`);
    }
  }

  canOpen(id: string): boolean {
    const file = this.record(id);
    return file !== undefined && this.canSee(file);
  }

  registerCreated(spreadsheet: FakeSpreadsheet): void {
    this.files.set(spreadsheet.id, {
      owner: this.currentUser,
      openToEveryone: false,
      trashed: false,
      createdByScript: true,
      shared: new Map(),
      grants: new Set([this.currentUser]),
    });
    this.created.push(spreadsheet.id);
  }

  // ------------------------------------------------------------------ what the APIs are allowed

  /** Throws unless one of `anyOf` is declared and granted: the API's 403, or Apps Script's consent error. */
  requireApiScope(anyOf: readonly string[], apiMethod: string): void {
    if (anyOf.some((s) => this.scopes.has(s))) return;
    // Declared but not granted (granular consent): Apps Script stops before calling the API.
    if (anyOf.some((s) => this.scopes.declared(s))) throw this.rt.error(AUTHORIZATION_REQUIRED);
    throw this.rt.apiError(apiMethod, 'Request had insufficient authentication scopes.');
  }

  /**
   * The spreadsheet the Sheets API reaches for this id, or the API's error. With the spreadsheets or
   * drive scope: any file the user can open. With drive.file alone: only files granted to the script for
   * this user (created by it, or picked).
   */
  reachForSheets(id: unknown, apiMethod: string): FakeSpreadsheet {
    const notFound = (): Error => this.rt.apiError(apiMethod, 'Requested entity was not found.');
    if (typeof id !== 'string') throw notFound();
    const entry = this.registry.find(id);
    const file = this.record(id);
    if (!entry || !file) throw notFound();
    const broad = this.scopes.has(SCOPES.spreadsheets) || this.scopes.has(SCOPES.drive);
    if (!broad && !file.grants.has(this.currentUser)) throw notFound();
    if (entry.access === 'denied' || !this.canSee(file)) throw this.rt.apiError(apiMethod, 'The caller does not have permission');
    return entry.spreadsheet;
  }

  /** The file the Drive API reaches for this id, or 'File not found' (Drive hides files the user cannot open). */
  reachForDrive(id: unknown, apiMethod: string): { file: DriveFile; spreadsheet: FakeSpreadsheet } {
    const notFound = (): Error => this.rt.apiError(apiMethod, `File not found: ${String(id)}.`);
    if (typeof id !== 'string') throw notFound();
    const entry = this.registry.find(id);
    const file = this.record(id);
    if (!entry || !file) throw notFound();
    if (!this.scopes.has(SCOPES.drive) && !file.grants.has(this.currentUser)) throw notFound();
    if (entry.access === 'denied' || !this.canSee(file)) throw notFound();
    return { file, spreadsheet: entry.spreadsheet };
  }
}

// ------------------------------------------------------------------------------ shared helpers

const SHEETS_SCOPES = [SCOPES.spreadsheets, SCOPES.drive, SCOPES.driveFile];
const DRIVE_SCOPES = [SCOPES.drive, SCOPES.driveFile];

/** Base of the advanced-service fakes: counts the call and applies faults, then checks the scope. */
abstract class ApiPart {
  constructor(
    protected readonly rt: Runtime,
    protected readonly drive: DriveWorld,
  ) {}

  protected enter(method: MethodName, scopes: readonly string[], apiMethod: string): void {
    this.rt.enter(method);
    this.drive.requireApiScope(scopes, apiMethod);
  }

  /** The optional arguments, checked: a name the fake does not model fails rather than being ignored. */
  protected options(args: unknown, modelled: readonly string[], what: string): Json {
    if (args === undefined || args === null) return {};
    if (!isObject(args)) throw this.rt.badArguments(what, [args]);
    for (const key of presentKeys(args)) if (!modelled.includes(key)) throw notModelled(`the optional argument '${key}' of ${what}`);
    return args;
  }

  /** The `fields` argument as a mask, checked against what the fake knows. */
  protected mask(fields: unknown, tree: FieldTree, apiMethod: string, invalid: (path: string) => string): Mask | undefined {
    if (fields === undefined) return undefined;
    const mask = typeof fields === 'string' ? parseMask(fields) : undefined;
    if (!mask) throw this.rt.apiError(apiMethod, invalid(String(fields)));
    checkMask(mask, tree, apiMethod, (path) => this.rt.apiError(apiMethod, invalid(path)));
    return mask;
  }
}

/** Sheets quotes a sheet name in A1 notation unless it is a plain identifier. */
function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function sheetPropertiesOf(sheet: FakeSheet): SheetProperties {
  const state = sheet.peekState();
  const gridProperties: GridProperties = { rowCount: state.maxRows, columnCount: state.maxColumns };
  // The API leaves out fields at their default (0, false).
  if (state.frozenRows > 0) gridProperties.frozenRowCount = state.frozenRows;
  if (state.frozenColumns > 0) gridProperties.frozenColumnCount = state.frozenColumns;
  const properties: SheetProperties = { sheetId: state.sheetId, title: state.name, index: state.index - 1, sheetType: 'GRID', gridProperties };
  if (state.hidden) properties.hidden = true;
  return properties;
}

function spreadsheetResourceOf(spreadsheet: FakeSpreadsheet): SpreadsheetResource {
  return {
    spreadsheetId: spreadsheet.id,
    properties: { title: spreadsheet.peekName(), locale: spreadsheet.peekLocale(), timeZone: spreadsheet.timeZone },
    sheets: spreadsheet.peekSheets().map((sheet) => ({ properties: sheetPropertiesOf(sheet) })),
    spreadsheetUrl: spreadsheet.url,
  };
}

/** Sheets' serial number of an instant: days since 1899-12-30 on the spreadsheet's wall clock. */
function serialNumber(date: Date, timeZone: string): number {
  const t = zoned(date, timeZone);
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  return (wall - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The name Sheets gives a sheet made without one: 'Sheet3' ('シート3' in a ja_JP spreadsheet), not taken yet. */
function defaultSheetName(taken: readonly string[], locale: string): string {
  const base = locale === 'ja_JP' ? 'シート' : 'Sheet';
  const lower = taken.map((t) => t.toLowerCase());
  for (let n = taken.length + 1; ; n++) {
    const name = `${base}${n}`;
    if (!lower.includes(name.toLowerCase())) return name;
  }
}

// --------------------------------------------------------------------------------- Sheets API

const RENDER_OPTIONS = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const;
const DATE_TIME_OPTIONS = ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const;
type RenderOption = (typeof RENDER_OPTIONS)[number];
type DateTimeOption = (typeof DATE_TIME_OPTIONS)[number];

interface ReadOptions {
  readonly render: RenderOption;
  readonly dateTime: DateTimeOption;
}

export class FakeValuesCollection extends ApiPart implements FakeOf<ValuesCollection, 'batchGet' | 'get'> {
  declare readonly __gasType: ValuesCollection;

  private readOptions(options: Json, apiMethod: string): ReadOptions {
    const render = options.valueRenderOption ?? 'FORMATTED_VALUE';
    const dateTime = options.dateTimeRenderOption ?? 'SERIAL_NUMBER';
    const major = options.majorDimension ?? 'ROWS';
    if (!RENDER_OPTIONS.includes(render as RenderOption)) {
      throw this.rt.apiError(
        apiMethod,
        `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "${String(render)}"`,
      );
    }
    if (!DATE_TIME_OPTIONS.includes(dateTime as DateTimeOption)) {
      throw this.rt.apiError(
        apiMethod,
        `Invalid value at 'date_time_render_option' (type.googleapis.com/google.apps.sheets.v4.DateTimeRenderOption), "${String(dateTime)}"`,
      );
    }
    if (major !== 'ROWS') throw notModelled(`majorDimension '${String(major)}' in ${apiMethod}`);
    return { render: render as RenderOption, dateTime: dateTime as DateTimeOption };
  }

  /** One A1 range read as the API reads it: trailing empty cells and rows left out, no values when empty. */
  private read(spreadsheet: FakeSpreadsheet, range: unknown, options: ReadOptions, apiMethod: string): ValueRange {
    const target = typeof range === 'string' ? this.resolve(spreadsheet, range) : undefined;
    if (!target) throw this.rt.apiError(apiMethod, `Unable to parse range: ${String(range)}`);
    const { sheet, rect } = target;
    const grid = sheet.grid;
    const name = quoteSheetName(sheet.sheetName);
    if (rect.row + rect.numRows - 1 > grid.maxRows || rect.column + rect.numColumns - 1 > grid.maxColumns) {
      throw this.rt.apiError(apiMethod, `Range (${name}!${a1Notation(rect)}) exceeds grid limits. Max rows: ${grid.maxRows}, max columns: ${grid.maxColumns}`);
    }
    const zone = spreadsheet.timeZone;
    const rows: unknown[][] = [];
    const lastRow = Math.min(rect.row + rect.numRows - 1, grid.lastRow());
    for (let r = rect.row - 1; r < lastRow; r++) {
      const row: unknown[] = [];
      let used = 0;
      for (let j = 0; j < rect.numColumns; j++) {
        const c = rect.column - 1 + j;
        const cell = this.cell(sheet, r, c, options, zone);
        row.push(cell ?? '');
        if (cell !== undefined) used = j + 1;
      }
      rows.push(row.slice(0, used));
    }
    while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
    const result: ValueRange = { range: `${name}!${a1Notation(rect)}`, majorDimension: 'ROWS' };
    if (rows.length > 0) result.values = rows;
    return result;
  }

  private cell(sheet: FakeSheet, r: number, c: number, options: ReadOptions, zone: string): unknown {
    const grid = sheet.grid;
    const formula = grid.formulas.get(r, c);
    if (options.render === 'FORMULA' && formula !== undefined) return formula;
    const value = grid.values.get(r, c);
    if (value === undefined) return undefined;
    if (options.render === 'FORMATTED_VALUE') return displayText(value, grid.numberFormats.get(r, c), zone);
    if (isDate(value)) return options.dateTime === 'SERIAL_NUMBER' ? serialNumber(value, zone) : displayText(value, grid.numberFormats.get(r, c), zone);
    return value;
  }

  /**
   * "'Sheet 1'!A1:C", "Sheet1!A:A", a sheet name alone (quoted or not: the whole sheet), or A1 alone
   * (the first sheet).
   */
  private resolve(spreadsheet: FakeSpreadsheet, text: string): { sheet: FakeSheet; rect: Rect } | undefined {
    const whole = (sheet: FakeSheet): { sheet: FakeSheet; rect: Rect } => ({
      sheet,
      rect: { row: 1, column: 1, numRows: sheet.grid.maxRows, numColumns: sheet.grid.maxColumns },
    });
    const unquote = (name: string): string => (name.length >= 2 && name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name);
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      const sheet = spreadsheet.sheetNamed(unquote(text.slice(0, bang)));
      const rect = sheet && parseA1(text.slice(bang + 1), sheet.grid.maxRows, sheet.grid.maxColumns);
      return sheet && rect ? { sheet, rect } : undefined;
    }
    const named = spreadsheet.sheetNamed(unquote(text));
    if (named) return whole(named);
    if (text.startsWith("'")) return undefined;
    const first = spreadsheet.peekSheets()[0];
    const rect = first && parseA1(text, first.grid.maxRows, first.grid.maxColumns);
    return first && rect ? { sheet: first, rect } : undefined;
  }

  batchGet(spreadsheetId: string, optionalArgs?: object): BatchGetValuesResponse {
    const apiMethod = 'sheets.spreadsheets.values.batchGet';
    this.enter('Sheets.Spreadsheets.Values.batchGet', SHEETS_SCOPES, apiMethod);
    const options = this.options(
      optionalArgs,
      ['ranges', 'valueRenderOption', 'dateTimeRenderOption', 'majorDimension', 'fields'],
      'Sheets.Spreadsheets.Values.batchGet',
    );
    const mask = this.mask(options.fields, BATCH_GET_FIELDS, apiMethod, (p) => `Invalid field selection ${p}`);
    const spreadsheet = this.drive.reachForSheets(spreadsheetId, apiMethod);
    const read = this.readOptions(options, apiMethod);
    const ranges = options.ranges === undefined ? [] : Array.isArray(options.ranges) ? (options.ranges as unknown[]) : [options.ranges];
    const response: BatchGetValuesResponse = { spreadsheetId: spreadsheet.id };
    if (ranges.length > 0) response.valueRanges = ranges.map((range) => this.read(spreadsheet, range, read, apiMethod));
    return mask ? (applyMask(response, mask) as BatchGetValuesResponse) : response;
  }

  get(spreadsheetId: string, range: string, optionalArgs?: object): ValueRange {
    const apiMethod = 'sheets.spreadsheets.values.get';
    this.enter('Sheets.Spreadsheets.Values.get', SHEETS_SCOPES, apiMethod);
    const options = this.options(optionalArgs, ['valueRenderOption', 'dateTimeRenderOption', 'majorDimension', 'fields'], 'Sheets.Spreadsheets.Values.get');
    const mask = this.mask(options.fields, VALUE_RANGE_FIELDS, apiMethod, (p) => `Invalid field selection ${p}`);
    const spreadsheet = this.drive.reachForSheets(spreadsheetId, apiMethod);
    const result = this.read(spreadsheet, range, this.readOptions(options, apiMethod), apiMethod);
    return mask ? (applyMask(result, mask) as ValueRange) : result;
  }
}

/** Every kind of batchUpdate request the real API has (those not handled here are not modelled). */
const REQUEST_KINDS = new Set(
  (
    'addBanding addChart addConditionalFormatRule addDataSource addDimensionGroup addFilterView addNamedRange addProtectedRange ' +
    'addSheet addSlicer addTable appendCells appendDimension autoFill autoResizeDimensions cancelDataSourceRefresh clearBasicFilter ' +
    'copyPaste createDeveloperMetadata cutPaste deleteBanding deleteConditionalFormatRule deleteDataSource deleteDeveloperMetadata ' +
    'deleteDimension deleteDimensionGroup deleteDuplicates deleteEmbeddedObject deleteFilterView deleteNamedRange ' +
    'deleteProtectedRange deleteRange deleteSheet deleteTable duplicateFilterView duplicateSheet findReplace insertDimension ' +
    'insertRange mergeCells moveDimension pasteData randomizeRange refreshDataSource repeatCell setBasicFilter setDataValidation ' +
    'sortRange textToColumns trimWhitespace unmergeCells updateBanding updateBorders updateCells updateChartSpec ' +
    'updateConditionalFormatRule updateDataSource updateDeveloperMetadata updateDimensionGroup updateDimensionProperties ' +
    'updateEmbeddedObjectBorder updateEmbeddedObjectPosition updateFilterView updateNamedRange updateProtectedRange ' +
    'updateSheetProperties updateSlicerSpec updateSpreadsheetProperties updateTable'
  ).split(' '),
);

const CELL_DATA_KEYS = [
  'dataValidation',
  'effectiveFormat',
  'effectiveValue',
  'formattedValue',
  'hyperlink',
  'note',
  'pivotTable',
  'textFormatRuns',
  'userEnteredFormat',
  'userEnteredValue',
  'chipRuns',
  'dataSourceFormula',
  'dataSourceTable',
];
const CELL_FIELDS: FieldTree = {
  ...real('dataValidation hyperlink pivotTable textFormatRuns chipRuns dataSourceFormula dataSourceTable'),
  userEnteredValue: { stringValue: true, numberValue: true, boolValue: true, formulaValue: true, errorValue: true },
  // Every format field may be named; those README.md lists are recorded, the rest accepted and ignored.
  userEnteredFormat: {
    backgroundColor: true,
    backgroundColorStyle: true,
    borders: true,
    horizontalAlignment: true,
    hyperlinkDisplayType: true,
    numberFormat: true,
    padding: true,
    textDirection: true,
    textFormat: true,
    textRotation: true,
    verticalAlignment: true,
    wrapStrategy: true,
  },
  note: true,
};

/** One batchUpdate in progress: which request it is at, and what to put back if one fails. */
class Batch {
  private readonly saved = new Map<FakeSheet, () => void>();
  index = 0;
  kind = '';

  constructor(
    readonly rt: Runtime,
    readonly spreadsheet: FakeSpreadsheet,
  ) {}

  /** The API's error for the current request: 'Invalid requests[2].addSheet: …'. */
  bad(message: string): Error {
    return this.rt.apiError('sheets.spreadsheets.batchUpdate', `Invalid requests[${this.index}].${this.kind}: ${message}`);
  }

  /** An error the spreadsheet fakes throw (name 'Exception') becomes the API's error for this request. */
  guard<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof Error && error.name === 'Exception') throw this.bad(error.message);
      throw error;
    }
  }

  /** Saves a sheet's state before the batch first changes it. */
  touch(sheet: FakeSheet): void {
    if (!this.saved.has(sheet)) this.saved.set(sheet, sheet.checkpoint());
  }

  rollback(): void {
    for (const restore of this.saved.values()) restore();
  }

  sheet(sheetId: unknown): FakeSheet {
    const id = sheetId ?? 0;
    const sheet = typeof id === 'number' ? this.spreadsheet.sheetWithId(id) : undefined;
    if (!sheet) throw this.bad(`No grid with id: ${String(id)}`);
    return sheet;
  }

  body(value: unknown, where: string): Json {
    if (value === undefined || value === null) return {};
    if (!isObject(value)) throw this.bad(`Invalid value at '${where}'`);
    return value;
  }

  /** Keys the fake handles pass; real ones it does not are not modelled; others are the API's JSON error. */
  keys(value: Json, modelled: readonly string[], realKeys: readonly string[], where: string): void {
    for (const key of presentKeys(value)) {
      if (modelled.includes(key)) continue;
      if (realKeys.includes(key)) throw notModelled(`'${key}' in ${where} of Sheets.Spreadsheets.batchUpdate`);
      throw this.rt.apiError('sheets.spreadsheets.batchUpdate', `Invalid JSON payload received. Unknown name "${key}" at '${where}': Cannot find field.`);
    }
  }

  fields(value: unknown, tree: FieldTree): Mask {
    if (value === undefined || value === '') throw this.bad("'fields' must be specified (a field mask of what to update).");
    const mask = typeof value === 'string' ? parseMask(value) : undefined;
    if (!mask) throw this.bad(`Invalid field mask: ${String(value)}`);
    checkMask(mask, tree, `requests[${this.index}].${this.kind}.fields`, (path) => this.bad(`Invalid field mask: unknown field '${path}'`));
    return mask;
  }

  checkGrid(sheet: FakeSheet, rect: Rect): void {
    const { maxRows, maxColumns } = sheet.grid;
    if (rect.row + rect.numRows - 1 > maxRows || rect.column + rect.numColumns - 1 > maxColumns) {
      throw this.bad(`Range (${quoteSheetName(sheet.sheetName)}!${a1Notation(rect)}) exceeds grid limits. Max rows: ${maxRows}, max columns: ${maxColumns}`);
    }
  }

  /** Writes the fields of one CellData the mask selects into a cell (0-based), as updateCells and repeatCell do. */
  writeCell(sheet: FakeSheet, r: number, c: number, cellData: unknown, mask: Mask, where: string): void {
    const cell = this.body(cellData, where);
    this.keys(cell, CELL_DATA_KEYS, CELL_DATA_KEYS, where);
    const grid = sheet.grid;
    if (selects(mask, ['userEnteredValue'])) {
      const written = this.extendedValue(cell.userEnteredValue, `${where}.userEnteredValue`);
      grid.values.set(r, c, written.value);
      grid.formulas.set(r, c, written.formula);
    }
    const formatMask = sub(mask, 'userEnteredFormat');
    if (formatMask !== undefined) this.writeFormat(sheet, r, c, this.body(cell.userEnteredFormat, `${where}.userEnteredFormat`), formatMask);
    if (selects(mask, ['note'])) {
      const note = cell.note;
      if (note !== undefined && typeof note !== 'string') throw this.bad(`Invalid value at '${where}.note'`);
      grid.notes.set(r, c, note || undefined);
    }
  }

  /** A userEnteredValue: a string stays exactly that string (never a formula), a number a number… */
  private extendedValue(value: unknown, where: string): { value: string | number | boolean | undefined; formula: string | undefined } {
    const ev = this.body(value, where);
    const kinds = presentKeys(ev);
    this.keys(ev, ['stringValue', 'numberValue', 'boolValue', 'formulaValue', 'errorValue'], [], where);
    if (kinds.length > 1) throw this.bad(`Invalid value at '${where}' (oneof), oneof field 'value' is already set. Cannot set '${kinds[1]}'`);
    const kind = kinds[0];
    if (kind === undefined) return { value: undefined, formula: undefined };
    const v = ev[kind];
    const tooLong = (text: string): void => {
      if (text.length > MAX_CELL_CHARS) throw this.bad(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    };
    switch (kind) {
      case 'stringValue':
        if (typeof v !== 'string') throw this.bad(`Invalid value at '${where}.string_value' (TYPE_STRING), ${String(v)}`);
        tooLong(v);
        return { value: v === '' ? undefined : v, formula: undefined };
      case 'numberValue':
        if (typeof v !== 'number' || !Number.isFinite(v)) throw this.bad(`Invalid value at '${where}.number_value' (TYPE_DOUBLE), ${String(v)}`);
        return { value: v, formula: undefined };
      case 'boolValue':
        if (typeof v !== 'boolean') throw this.bad(`Invalid value at '${where}.bool_value' (TYPE_BOOL), ${String(v)}`);
        return { value: v, formula: undefined };
      case 'formulaValue':
        if (typeof v !== 'string') throw this.bad(`Invalid value at '${where}.formula_value' (TYPE_STRING), ${String(v)}`);
        // The docs are silent on a formula without '='; the fake refuses it.
        if (!v.startsWith('=')) throw this.bad(`A formula must start with '=': ${v}`);
        tooLong(v);
        return { value: FORMULA_STAND_IN, formula: v };
      default:
        throw this.bad(`errorValue cannot be written (${where}).`);
    }
  }

  /** The formats the fake records (number format, background, bold, italic, size, alignment, wrap); others are ignored. */
  private writeFormat(sheet: FakeSheet, r: number, c: number, format: Json, mask: Mask | true): void {
    const grid = sheet.grid;
    const part = (key: string): Json => this.body(format[key], `userEnteredFormat.${key}`);
    if (selects(mask, ['numberFormat'])) {
      const nf = part('numberFormat');
      const pattern = typeof nf.pattern === 'string' && nf.pattern !== '' ? nf.pattern : nf.type === 'TEXT' ? '@' : undefined;
      grid.numberFormats.set(r, c, pattern);
    }
    if (selects(mask, ['backgroundColor']) || selects(mask, ['backgroundColorStyle'])) {
      const color = isObject(format.backgroundColor) ? format.backgroundColor : part('backgroundColorStyle').rgbColor;
      grid.backgrounds.set(r, c, isObject(color) ? hexColor(color) : undefined);
    }
    const text = part('textFormat');
    if (selects(mask, ['textFormat', 'bold'])) grid.fontWeights.set(r, c, text.bold === true ? 'bold' : undefined);
    if (selects(mask, ['textFormat', 'italic'])) grid.fontStyles.set(r, c, text.italic === true ? 'italic' : undefined);
    if (selects(mask, ['textFormat', 'fontSize'])) grid.fontSizes.set(r, c, typeof text.fontSize === 'number' ? text.fontSize : undefined);
    if (selects(mask, ['horizontalAlignment'])) {
      const a = format.horizontalAlignment;
      grid.alignments.set(r, c, a === 'LEFT' ? 'left' : a === 'CENTER' ? 'center' : a === 'RIGHT' ? 'right' : undefined);
    }
    if (selects(mask, ['wrapStrategy'])) grid.wraps.set(r, c, format.wrapStrategy === 'WRAP' ? true : undefined);
  }
}

/** '#rrggbb' from the API's { red, green, blue } in 0…1 (white is the default, so not stored). */
function hexColor(color: Json): string | undefined {
  const part = (v: unknown): string =>
    Math.round(Math.max(0, Math.min(1, typeof v === 'number' ? v : 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  const hex = normalizeColor(`#${part(color.red)}${part(color.green)}${part(color.blue)}`);
  return hex === '#ffffff' ? undefined : hex;
}

export class FakeSpreadsheetsCollection extends ApiPart implements FakeOf<SpreadsheetsCollection, 'batchUpdate' | 'create' | 'get' | 'Values'> {
  declare readonly __gasType: SpreadsheetsCollection;
  readonly Values: FakeValuesCollection;

  constructor(rt: Runtime, drive: DriveWorld) {
    super(rt, drive);
    this.Values = new FakeValuesCollection(rt, drive);
  }

  /**
   * A new spreadsheet owned by the current user and granted to the script for them (drive.file). Locale
   * and time zone default to 'en_US' and 'Etc/GMT' when not given (pass them).
   */
  create(resource: SpreadsheetResource): SpreadsheetResource {
    const apiMethod = 'sheets.spreadsheets.create';
    this.enter('Sheets.Spreadsheets.create', SHEETS_SCOPES, apiMethod);
    const fail = (message: string): Error => this.rt.apiError(apiMethod, message);
    if (!isObject(resource)) throw this.rt.badArguments('Sheets.Spreadsheets.create', [resource]);
    const allowed = (value: Json, modelled: readonly string[], tree: FieldTree, where: string): void => {
      for (const key of presentKeys(value)) {
        if (modelled.includes(key)) continue;
        if (tree[key] !== undefined) throw notModelled(`'${key}' in ${where} of Sheets.Spreadsheets.create`);
        throw fail(`Invalid JSON payload received. Unknown name "${key}" at '${where}': Cannot find field.`);
      }
    };
    allowed(resource, ['properties', 'sheets', 'spreadsheetId', 'spreadsheetUrl'], SPREADSHEET_FIELDS, 'spreadsheet');
    const properties = resource.properties ?? {};
    if (!isObject(properties)) throw fail("Invalid value at 'spreadsheet.properties'");
    allowed(properties, ['title', 'locale', 'timeZone'], SPREADSHEET_FIELDS.properties as FieldTree, 'spreadsheet.properties');
    const locale = properties.locale ?? 'en_US';
    const timeZone = properties.timeZone ?? 'Etc/GMT';
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) throw fail(`Invalid locale: ${String(locale)}`);
    if (typeof timeZone !== 'string') throw fail(`Invalid timeZone: ${String(timeZone)}`);
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      throw fail(`Invalid timeZone: ${String(timeZone)}`);
    }
    const title = properties.title ?? (locale === 'ja_JP' ? '無題のスプレッドシート' : 'Untitled spreadsheet');
    if (typeof title !== 'string') throw fail("Invalid value at 'spreadsheet.properties.title'");
    const sheetsIn: unknown[] = resource.sheets === undefined ? [{}] : Array.isArray(resource.sheets) ? resource.sheets : [];
    if (sheetsIn.length === 0) throw fail("Invalid value at 'spreadsheet.sheets'");
    const taken: string[] = [];
    const specs = sheetsIn.map((sheetIn, k) => {
      const where = `spreadsheet.sheets[${k}]`;
      if (!isObject(sheetIn)) throw fail(`Invalid value at '${where}'`);
      allowed(sheetIn, ['properties'], SPREADSHEET_FIELDS.sheets as FieldTree, where);
      const p = sheetIn.properties ?? {};
      if (!isObject(p)) throw fail(`Invalid value at '${where}.properties'`);
      allowed(p, ['sheetId', 'title', 'index', 'hidden', 'gridProperties', 'sheetType'], SHEET_PROPERTIES_FIELDS, `${where}.properties`);
      const gp = p.gridProperties ?? {};
      if (!isObject(gp)) throw fail(`Invalid value at '${where}.properties.gridProperties'`);
      allowed(gp, ['rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount'], GRID_PROPERTIES_FIELDS, `${where}.properties.gridProperties`);
      if (p.sheetType !== undefined && p.sheetType !== 'GRID') throw notModelled(`sheetType ${String(p.sheetType)}`);
      const name = p.title ?? defaultSheetName(taken, locale);
      if (typeof name !== 'string' || name.trim() === '') throw fail(`Invalid value at '${where}.properties.title'`);
      taken.push(name);
      const rows = gp.rowCount ?? DEFAULT_ROWS;
      const columns = gp.columnCount ?? DEFAULT_COLUMNS;
      const frozenRows = gp.frozenRowCount ?? 0;
      const frozenColumns = gp.frozenColumnCount ?? 0;
      if (!isIndex(rows) || rows < 1 || !isIndex(columns) || columns < 1) throw fail(`Invalid value at '${where}.properties.gridProperties'`);
      if (!isIndex(frozenRows) || frozenRows >= rows || !isIndex(frozenColumns) || frozenColumns >= columns) {
        throw fail(`Invalid value at '${where}.properties.gridProperties': frozen rows and columns must leave part of the sheet unfrozen`);
      }
      if (p.sheetId !== undefined && !isIndex(p.sheetId)) throw fail(`Invalid value at '${where}.properties.sheetId'`);
      if (p.hidden !== undefined && typeof p.hidden !== 'boolean') throw fail(`Invalid value at '${where}.properties.hidden'`);
      const order = p.index ?? k;
      if (!isIndex(order)) throw fail(`Invalid value at '${where}.properties.index'`);
      return { name, sheetId: p.sheetId, rows, columns, hidden: p.hidden === true, frozenRows, frozenColumns, order };
    });
    if (specs.every((s) => s.hidden)) throw fail("You can't hide all the sheets in a document.");
    specs.sort((a, b) => a.order - b.order);
    let spreadsheet: FakeSpreadsheet;
    try {
      spreadsheet = new FakeSpreadsheet(this.rt, { name: title, locale, timeZone, sheets: specs });
    } catch (error) {
      if (error instanceof Error && error.name === 'Exception') throw fail(error.message);
      throw error;
    }
    this.drive.registry.add(spreadsheet);
    this.drive.registerCreated(spreadsheet);
    return spreadsheetResourceOf(spreadsheet);
  }

  get(spreadsheetId: string, optionalArgs?: object): SpreadsheetResource {
    const apiMethod = 'sheets.spreadsheets.get';
    this.enter('Sheets.Spreadsheets.get', SHEETS_SCOPES, apiMethod);
    const options = this.options(optionalArgs, ['fields', 'includeGridData', 'ranges'], 'Sheets.Spreadsheets.get');
    if (options.includeGridData === true) throw notModelled('includeGridData in Sheets.Spreadsheets.get (read values with Sheets.Spreadsheets.Values)');
    if (options.ranges !== undefined) throw notModelled('ranges in Sheets.Spreadsheets.get');
    const mask = this.mask(options.fields, SPREADSHEET_FIELDS, apiMethod, () => 'Request contains an invalid argument.');
    const resource = spreadsheetResourceOf(this.drive.reachForSheets(spreadsheetId, apiMethod));
    return mask ? (applyMask(resource, mask) as SpreadsheetResource) : resource;
  }

  /**
   * Applies every request or none: the requests run against the spreadsheet in order, and when one
   * fails everything before it is put back and the error names it ('Invalid requests[2].addSheet: …').
   */
  batchUpdate(resource: BatchUpdateRequest, spreadsheetId: string): BatchUpdateResponse {
    const apiMethod = 'sheets.spreadsheets.batchUpdate';
    this.enter('Sheets.Spreadsheets.batchUpdate', SHEETS_SCOPES, apiMethod);
    if (!isObject(resource)) throw this.rt.badArguments('Sheets.Spreadsheets.batchUpdate', [resource, spreadsheetId]);
    for (const key of presentKeys(resource)) {
      if (key === 'requests' || (key === 'includeSpreadsheetInResponse' && resource[key] === false)) continue;
      if (['includeSpreadsheetInResponse', 'responseIncludeGridData', 'responseRanges'].includes(key))
        throw notModelled(`${key} in Sheets.Spreadsheets.batchUpdate`);
      throw this.rt.apiError(apiMethod, `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
    }
    const spreadsheet = this.drive.reachForSheets(spreadsheetId, apiMethod);
    const requests = resource.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw this.rt.apiError(apiMethod, 'Must specify at least one request.');
    const batch = new Batch(this.rt, spreadsheet);
    const restoreSpreadsheet = spreadsheet.checkpoint();
    try {
      const replies = requests.map((request: unknown, i) => {
        batch.index = i;
        batch.kind = '';
        return this.apply(batch, request);
      });
      return { spreadsheetId: spreadsheet.id, replies };
    } catch (error) {
      batch.rollback();
      restoreSpreadsheet();
      throw error;
    }
  }

  private apply(batch: Batch, request: unknown): SheetsReply {
    const apiMethod = 'sheets.spreadsheets.batchUpdate';
    if (!isObject(request)) throw this.rt.apiError(apiMethod, `Invalid value at 'requests[${batch.index}]'`);
    const kinds = presentKeys(request);
    if (kinds.length === 0) throw this.rt.apiError(apiMethod, `Invalid requests[${batch.index}]: No request set.`);
    if (kinds.length > 1) {
      throw this.rt.apiError(apiMethod, `Invalid value at 'requests[${batch.index}]' (oneof), oneof field 'kind' is already set. Cannot set '${kinds[1]}'`);
    }
    const kind = kinds[0] ?? '';
    batch.kind = kind;
    const body = batch.body(request[kind], `requests[${batch.index}].${kind}`);
    switch (kind) {
      case 'addSheet':
        return this.addSheet(batch, body);
      case 'deleteSheet':
        return this.deleteSheet(batch, body);
      case 'updateSheetProperties':
        return this.updateSheetProperties(batch, body);
      case 'updateCells':
        return this.updateCells(batch, body);
      case 'repeatCell':
        return this.repeatCell(batch, body);
      case 'updateDimensionProperties':
        return this.updateDimensionProperties(batch, body);
      default:
        if (REQUEST_KINDS.has(kind)) throw notModelled(`the batchUpdate request '${kind}'`);
        throw this.rt.apiError(apiMethod, `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${batch.index}]': Cannot find field.`);
    }
  }

  private addSheet(batch: Batch, body: Json): SheetsReply {
    const where = `requests[${batch.index}].addSheet`;
    batch.keys(body, ['properties'], [], where);
    const p = batch.body(body.properties, `${where}.properties`);
    batch.keys(p, ['sheetId', 'title', 'index', 'hidden', 'gridProperties', 'sheetType'], Object.keys(SHEET_PROPERTIES_FIELDS), `${where}.properties`);
    const gp = batch.body(p.gridProperties, `${where}.properties.gridProperties`);
    batch.keys(
      gp,
      ['rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount'],
      Object.keys(GRID_PROPERTIES_FIELDS),
      `${where}.properties.gridProperties`,
    );
    const spreadsheet = batch.spreadsheet;
    if (p.sheetType !== undefined && p.sheetType !== 'GRID') throw notModelled(`sheetType ${String(p.sheetType)}`);
    const title = p.title ?? defaultSheetName(spreadsheet.peekSheetNames(), spreadsheet.peekLocale());
    if (typeof title !== 'string') throw batch.bad('The sheet title must be a string.');
    if (p.sheetId !== undefined) {
      if (!isIndex(p.sheetId)) throw batch.bad(`Invalid sheetId: ${String(p.sheetId)}`);
      if (spreadsheet.sheetWithId(p.sheetId)) throw batch.bad(`A sheet with the id ${p.sheetId} already exists.`);
    }
    const count = spreadsheet.peekSheets().length;
    const index = p.index ?? count;
    if (!isIndex(index) || index > count) throw batch.bad(`Invalid index ${String(p.index)}: there are ${count} sheets.`);
    const rows = gp.rowCount ?? DEFAULT_ROWS;
    const columns = gp.columnCount ?? DEFAULT_COLUMNS;
    if (!isIndex(rows) || rows < 1) throw batch.bad(`Invalid rowCount: ${String(gp.rowCount)}`);
    if (!isIndex(columns) || columns < 1) throw batch.bad(`Invalid columnCount: ${String(gp.columnCount)}`);
    const frozenRows = gp.frozenRowCount ?? 0;
    const frozenColumns = gp.frozenColumnCount ?? 0;
    if (!isIndex(frozenRows) || frozenRows >= rows) throw batch.bad("You can't freeze all visible rows on the sheet.");
    if (!isIndex(frozenColumns) || frozenColumns >= columns) throw batch.bad("You can't freeze all visible columns on the sheet.");
    if (p.hidden !== undefined && typeof p.hidden !== 'boolean') throw batch.bad('hidden must be true or false.');
    const sheet = batch.guard(() =>
      spreadsheet.addSheet(title, index, { sheetId: p.sheetId as number | undefined, rows, columns, hidden: p.hidden === true, frozenRows, frozenColumns }),
    );
    return { addSheet: { properties: sheetPropertiesOf(sheet) } };
  }

  private deleteSheet(batch: Batch, body: Json): SheetsReply {
    batch.keys(body, ['sheetId'], [], `requests[${batch.index}].deleteSheet`);
    const sheet = batch.sheet(body.sheetId);
    const spreadsheet = batch.spreadsheet;
    if (spreadsheet.peekSheets().length === 1) throw batch.bad("You can't remove all the sheets in a document.");
    // The docs are silent on deleting the last visible sheet while hidden ones remain; the fake refuses.
    if (!sheet.isHidden && spreadsheet.visibleSheetCount() === 1) throw batch.bad("You can't remove all the visible sheets in a document.");
    spreadsheet.removeSheet(sheet);
    return {};
  }

  private updateSheetProperties(batch: Batch, body: Json): SheetsReply {
    const where = `requests[${batch.index}].updateSheetProperties`;
    batch.keys(body, ['properties', 'fields'], [], where);
    const mask = batch.fields(body.fields, SHEET_PROPERTIES_FIELDS);
    const p = batch.body(body.properties, `${where}.properties`);
    batch.keys(p, ['sheetId', 'title', 'index', 'hidden', 'gridProperties', 'sheetType'], Object.keys(SHEET_PROPERTIES_FIELDS), `${where}.properties`);
    const gp = batch.body(p.gridProperties, `${where}.properties.gridProperties`);
    batch.keys(
      gp,
      ['rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount'],
      Object.keys(GRID_PROPERTIES_FIELDS),
      `${where}.properties.gridProperties`,
    );
    const spreadsheet = batch.spreadsheet;
    const sheet = batch.sheet(p.sheetId);
    batch.touch(sheet);
    if (selects(mask, ['sheetType']) && p.sheetType !== undefined && p.sheetType !== 'GRID') throw notModelled(`sheetType ${String(p.sheetType)}`);
    if (selects(mask, ['title'])) {
      const title = p.title;
      if (typeof title !== 'string' || title.trim() === '') throw batch.bad('Sheet names cannot be empty.');
      batch.guard(() => spreadsheet.checkNewName(title, sheet));
      sheet.setState({ name: title });
    }
    if (selects(mask, ['hidden'])) {
      const hidden = p.hidden === true;
      if (hidden && !sheet.isHidden && spreadsheet.visibleSheetCount() === 1) throw batch.bad("You can't hide all the sheets in a document.");
      sheet.setState({ hidden });
    }
    if (selects(mask, ['index'])) {
      const count = spreadsheet.peekSheets().length;
      const index = p.index ?? count;
      if (!isIndex(index) || index > count) throw batch.bad(`Invalid index ${String(p.index)}: there are ${count} sheets.`);
      // Indexes count the sheets before the move: moving sheet 0 to index 2 puts it after sheet 1.
      const from = spreadsheet.indexOf(sheet);
      spreadsheet.moveSheet(sheet, index > from ? index - 1 : index);
    }
    const grid = sheet.grid;
    const rows = selects(mask, ['gridProperties', 'rowCount']) ? gp.rowCount : grid.maxRows;
    const columns = selects(mask, ['gridProperties', 'columnCount']) ? gp.columnCount : grid.maxColumns;
    if (!isIndex(rows) || rows < 1) throw batch.bad(`Invalid rowCount: ${String(rows)}`);
    if (!isIndex(columns) || columns < 1) throw batch.bad(`Invalid columnCount: ${String(columns)}`);
    const state = sheet.peekState();
    const frozenRows = selects(mask, ['gridProperties', 'frozenRowCount']) ? (gp.frozenRowCount ?? 0) : state.frozenRows;
    const frozenColumns = selects(mask, ['gridProperties', 'frozenColumnCount']) ? (gp.frozenColumnCount ?? 0) : state.frozenColumns;
    if (!isIndex(frozenRows) || frozenRows >= rows) throw batch.bad("You can't freeze all visible rows on the sheet.");
    if (!isIndex(frozenColumns) || frozenColumns >= columns) throw batch.bad("You can't freeze all visible columns on the sheet.");
    batch.guard(() => sheet.resizeGrid(rows, columns));
    sheet.setState({ frozenRows, frozenColumns });
    return {};
  }

  private updateCells(batch: Batch, body: Json): SheetsReply {
    const where = `requests[${batch.index}].updateCells`;
    batch.keys(body, ['start', 'rows', 'fields'], ['range'], where);
    const mask = batch.fields(body.fields, CELL_FIELDS);
    if (body.start === undefined) throw batch.bad('Must specify the start of the cells to update (updateCells with a range is not modelled).');
    const start = batch.body(body.start, `${where}.start`);
    batch.keys(start, ['sheetId', 'rowIndex', 'columnIndex'], [], `${where}.start`);
    const sheet = batch.sheet(start.sheetId);
    const row0 = start.rowIndex ?? 0;
    const column0 = start.columnIndex ?? 0;
    if (!isIndex(row0) || !isIndex(column0)) throw batch.bad('rowIndex and columnIndex must be non-negative integers.');
    const rows = body.rows ?? [];
    if (!Array.isArray(rows)) throw batch.bad(`Invalid value at '${where}.rows'`);
    const rowData = rows.map((row: unknown, i) => {
      const data = batch.body(row, `${where}.rows[${i}]`);
      batch.keys(data, ['values'], [], `${where}.rows[${i}]`);
      const values = data.values ?? [];
      if (!Array.isArray(values)) throw batch.bad(`Invalid value at '${where}.rows[${i}].values'`);
      return values as unknown[];
    });
    const width = rowData.reduce((max, values) => Math.max(max, values.length), 0);
    if (rowData.length === 0 || width === 0) return {};
    batch.checkGrid(sheet, { row: row0 + 1, column: column0 + 1, numRows: rowData.length, numColumns: width });
    batch.touch(sheet);
    rowData.forEach((values, i) => values.forEach((cell, j) => batch.writeCell(sheet, row0 + i, column0 + j, cell, mask, `${where}.rows[${i}].values[${j}]`)));
    return {};
  }

  private repeatCell(batch: Batch, body: Json): SheetsReply {
    const where = `requests[${batch.index}].repeatCell`;
    batch.keys(body, ['range', 'cell', 'fields'], [], where);
    const mask = batch.fields(body.fields, CELL_FIELDS);
    const range = batch.body(body.range, `${where}.range`);
    batch.keys(range, ['sheetId', 'startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'], [], `${where}.range`);
    const sheet = batch.sheet(range.sheetId);
    const rect = gridRect(batch, sheet, range);
    if (rect.numRows === 0 || rect.numColumns === 0) return {};
    batch.touch(sheet);
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) batch.writeCell(sheet, rect.row - 1 + i, rect.column - 1 + j, body.cell, mask, `${where}.cell`);
    }
    return {};
  }

  private updateDimensionProperties(batch: Batch, body: Json): SheetsReply {
    const where = `requests[${batch.index}].updateDimensionProperties`;
    batch.keys(body, ['range', 'properties', 'fields'], ['dataSourceSheetRange'], where);
    const mask = batch.fields(body.fields, { ...real('developerMetadata hiddenByFilter hiddenByUser'), pixelSize: true });
    const range = batch.body(body.range, `${where}.range`);
    batch.keys(range, ['sheetId', 'dimension', 'startIndex', 'endIndex'], [], `${where}.range`);
    const sheet = batch.sheet(range.sheetId);
    const dimension = range.dimension;
    if (dimension !== 'ROWS' && dimension !== 'COLUMNS') throw batch.bad(`Invalid dimension: ${String(dimension)} (ROWS or COLUMNS).`);
    const size = dimension === 'ROWS' ? sheet.grid.maxRows : sheet.grid.maxColumns;
    const start = range.startIndex ?? 0;
    const end = range.endIndex ?? size;
    if (!isIndex(start) || !isIndex(end) || start > end) throw batch.bad('Invalid range: startIndex and endIndex must be non-negative, start before end.');
    if (end > size) {
      const rect =
        dimension === 'ROWS'
          ? { row: start + 1, column: 1, numRows: end - start, numColumns: 1 }
          : { row: 1, column: start + 1, numRows: 1, numColumns: end - start };
      batch.checkGrid(sheet, rect);
    }
    const properties = batch.body(body.properties, `${where}.properties`);
    batch.keys(properties, ['pixelSize'], ['developerMetadata', 'hiddenByFilter', 'hiddenByUser'], `${where}.properties`);
    if (selects(mask, ['pixelSize'])) {
      const pixels = properties.pixelSize ?? 0;
      if (!isIndex(pixels)) throw batch.bad(`Invalid pixelSize: ${String(pixels)}`);
      // Row heights are not modelled; column widths are (FakeSheet.getColumnWidth, peekState().columnWidths).
      if (dimension === 'COLUMNS') {
        batch.touch(sheet);
        for (let c = start; c < end; c++) sheet.setWidth(c + 1, pixels);
      }
    }
    return {};
  }
}

/** A GridRange as a 1-based block (unbounded ends run to the sheet's edge), checked against the grid. */
function gridRect(batch: Batch, sheet: FakeSheet, range: Json): Rect {
  const { maxRows, maxColumns } = sheet.grid;
  const r0 = range.startRowIndex ?? 0;
  const r1 = range.endRowIndex ?? maxRows;
  const c0 = range.startColumnIndex ?? 0;
  const c1 = range.endColumnIndex ?? maxColumns;
  if (!isIndex(r0) || !isIndex(r1) || !isIndex(c0) || !isIndex(c1) || r0 > r1 || c0 > c1) {
    throw batch.bad('Invalid range: indexes must be non-negative, each start before its end.');
  }
  const rect = { row: r0 + 1, column: c0 + 1, numRows: r1 - r0, numColumns: c1 - c0 };
  if (rect.numRows > 0 && rect.numColumns > 0) batch.checkGrid(sheet, rect);
  return rect;
}

/** The Sheets advanced service (the global `Sheets` when the project adds it). */
export class FakeSheetsApi implements FakeOf<SheetsApi, 'Spreadsheets'> {
  declare readonly __gasType: SheetsApi;
  readonly Spreadsheets: FakeSpreadsheetsCollection;

  constructor(rt: Runtime, drive: DriveWorld) {
    this.Spreadsheets = new FakeSpreadsheetsCollection(rt, drive);
  }
}

// ---------------------------------------------------------------------------------- Drive API

export class FakeDriveFiles extends ApiPart implements FakeOf<FilesCollection, 'get'> {
  declare readonly __gasType: FilesCollection;

  /** A spreadsheet's metadata. Without `fields`, Drive v3 returns only kind, id, name and mimeType. */
  get(fileId: string): DriveFileResource;
  get(fileId: string, optionalArgs: Record<string, unknown> & { alt: 'media' }): string;
  get(fileId: string, optionalArgs: Record<string, unknown>): DriveFileResource;
  get(fileId: string, optionalArgs?: Record<string, unknown>): DriveFileResource | string {
    const apiMethod = 'drive.files.get';
    this.enter('Drive.Files.get', DRIVE_SCOPES, apiMethod);
    const options = this.options(
      optionalArgs,
      ['fields', 'supportsAllDrives', 'supportsTeamDrives', 'includePermissionsForView', 'includeLabels', 'acknowledgeAbuse', 'alt'],
      'Drive.Files.get',
    );
    if (options.alt !== undefined && options.alt !== 'json') throw notModelled(`alt '${String(options.alt)}' in Drive.Files.get`);
    const mask = this.mask(options.fields ?? 'kind,id,name,mimeType', FILE_FIELDS, apiMethod, (p) => `Invalid field selection ${p}`);
    const { file, spreadsheet } = this.drive.reachForDrive(fileId, apiMethod);
    const owner = file.owner;
    const resource: DriveFileResource = {
      kind: 'drive#file',
      id: spreadsheet.id,
      name: spreadsheet.peekName(),
      mimeType: SPREADSHEET_MIME_TYPE,
      trashed: file.trashed,
      webViewLink: `https://docs.google.com/spreadsheets/d/${spreadsheet.id}/edit?usp=drivesdk`,
      owners: [
        {
          kind: 'drive#user',
          displayName: this.drive.displayName(owner),
          emailAddress: owner,
          me: owner === this.drive.user,
          permissionId: this.drive.permissionId(owner),
        },
      ],
    };
    return applyMask(resource, mask ?? true) as DriveFileResource;
  }
}

const ROLES: readonly string[] = ['reader', 'commenter', 'writer'];

export class FakeDrivePermissions extends ApiPart implements FakeOf<PermissionsCollection, 'create' | 'list'> {
  declare readonly __gasType: PermissionsCollection;

  private resourceOf(permission: PermissionRecord): PermissionResource {
    return {
      kind: 'drive#permission',
      id: permission.id,
      type: permission.type,
      role: permission.role,
      emailAddress: permission.emailAddress,
      displayName: this.drive.displayName(permission.emailAddress),
    };
  }

  /**
   * Shares a file with one person. Only 'user' permissions with role reader, commenter or writer are
   * modelled; the caller must own the file or be a writer. Sharing with someone again keeps one
   * permission (with the new role). Without `fields`, returns kind, id, type and role.
   */
  create(resource: PermissionResource, fileId: string, optionalArgs?: Record<string, unknown>): PermissionResource {
    const apiMethod = 'drive.permissions.create';
    this.enter('Drive.Permissions.create', DRIVE_SCOPES, apiMethod);
    const options = this.options(
      optionalArgs,
      [
        'fields',
        'sendNotificationEmail',
        'emailMessage',
        'supportsAllDrives',
        'supportsTeamDrives',
        'transferOwnership',
        'moveToNewOwnersRoot',
        'useDomainAdminAccess',
        'enforceSingleParent',
        'enforceExpansiveAccess',
      ],
      'Drive.Permissions.create',
    );
    if (options.transferOwnership === true) throw notModelled('transferOwnership in Drive.Permissions.create');
    if (options.useDomainAdminAccess === true) throw notModelled('useDomainAdminAccess in Drive.Permissions.create');
    const mask = this.mask(options.fields ?? 'kind,id,type,role', PERMISSION_FIELDS, apiMethod, (p) => `Invalid field selection ${p}`);
    const notify = options.sendNotificationEmail ?? true;
    const message = options.emailMessage;
    if (typeof notify !== 'boolean') throw this.rt.apiError(apiMethod, `Invalid value for sendNotificationEmail: ${String(notify)}`);
    if (message !== undefined && typeof message !== 'string') throw this.rt.apiError(apiMethod, `Invalid value for emailMessage: ${String(message)}`);
    if (!isObject(resource)) throw this.rt.badArguments('Drive.Permissions.create', [resource, fileId]);
    for (const key of presentKeys(resource)) {
      if (['type', 'role', 'emailAddress'].includes(key)) continue;
      if (PERMISSION_FIELDS[key] !== undefined) throw notModelled(`'${key}' in the resource of Drive.Permissions.create`);
      throw this.rt.apiError(apiMethod, `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
    }
    const { file } = this.drive.reachForDrive(fileId, apiMethod);
    const { type, role, emailAddress } = resource as Json;
    if (type === 'group' || type === 'domain' || type === 'anyone') throw notModelled(`permissions of type '${type}'`);
    if (type !== 'user') throw this.rt.apiError(apiMethod, 'Bad Request');
    if (role === 'owner' || role === 'organizer' || role === 'fileOrganizer') throw notModelled(`the role '${role}' in Drive.Permissions.create`);
    if (typeof role !== 'string' || !ROLES.includes(role)) throw this.rt.apiError(apiMethod, 'Bad Request');
    if (typeof emailAddress !== 'string' || !EMAIL.test(emailAddress)) throw this.rt.apiError(apiMethod, 'Bad Request');
    const me = this.drive.user;
    const mayShare = file.owner === me || file.openToEveryone || file.shared.get(me) === 'writer';
    if (!mayShare) throw this.rt.apiError(apiMethod, 'The user does not have sufficient permissions for this file.');
    const email = emailAddress.toLowerCase();
    // The docs are silent on giving the owner another role; the fake refuses.
    if (email === file.owner) throw this.rt.apiError(apiMethod, 'Bad Request');
    file.shared.set(email, role as PermissionRole);
    this.drive.shares.push({
      fileId: String(fileId),
      emailAddress: email,
      role: role as PermissionRole,
      sendNotificationEmail: notify,
      emailMessage: message,
      by: me,
    });
    const permission = this.resourceOf({ id: this.drive.permissionId(email), type: 'user', role: role as PermissionRole, emailAddress: email });
    return applyMask(permission, mask ?? true) as PermissionResource;
  }

  /** The file's sharing list, owner first. Without `fields`, each permission has only kind, id, type and role. */
  list(fileId: string, optionalArgs?: Record<string, unknown>): PermissionListResource {
    const apiMethod = 'drive.permissions.list';
    this.enter('Drive.Permissions.list', DRIVE_SCOPES, apiMethod);
    const options = this.options(
      optionalArgs,
      ['fields', 'supportsAllDrives', 'supportsTeamDrives', 'pageSize', 'pageToken', 'includePermissionsForView', 'useDomainAdminAccess'],
      'Drive.Permissions.list',
    );
    if (options.useDomainAdminAccess === true) throw notModelled('useDomainAdminAccess in Drive.Permissions.list');
    if (options.pageToken !== undefined) throw notModelled('pageToken in Drive.Permissions.list (the fake returns one page)');
    const mask = this.mask(options.fields ?? 'kind,permissions(kind,id,type,role)', PERMISSION_LIST_FIELDS, apiMethod, (p) => `Invalid field selection ${p}`);
    const { file } = this.drive.reachForDrive(fileId, apiMethod);
    const list: PermissionListResource = {
      kind: 'drive#permissionList',
      permissions: this.drive.permissionList(file).map((p) => this.resourceOf(p)),
    };
    return applyMask(list, mask ?? true) as PermissionListResource;
  }
}

/** The Drive advanced service, v3 (the global `Drive` when the project adds it). */
export class FakeDriveApi implements FakeOf<DriveApi, 'Files' | 'Permissions'> {
  declare readonly __gasType: DriveApi;
  readonly Files: FakeDriveFiles;
  readonly Permissions: FakeDrivePermissions;

  constructor(rt: Runtime, drive: DriveWorld) {
    this.Files = new FakeDriveFiles(rt, drive);
    this.Permissions = new FakeDrivePermissions(rt, drive);
  }
}
