import { FakeDriveApi, FakeSheetsApi } from './advanced';
import { copySpreadsheetInto, createGasEnvironment, loadScript, readSheet, runFunction, sheetFromRows, type GasEnvironmentOptions } from './gas-globals';
import { SCOPES } from './services';
import { toGas } from './spreadsheet';

const CENTER_SCOPES = [SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi, SCOPES.driveFile];
const NOT_FOUND = 'Requested entity was not found.';

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not enabled`);
  return value;
}

function world(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment(options);
  return { env, Sheets: present(env.globals.Sheets, 'Sheets'), Drive: present(env.globals.Drive, 'Drive') };
}

/** The center's world: the manifest asks for drive.file, not spreadsheets. */
function centerWorld() {
  return world({ oauthScopes: CENTER_SCOPES });
}

function newFile(Sheets: FakeSheetsApi, title = '提出用_本庄西', sheets = ['_提出データ']): string {
  const created = Sheets.Spreadsheets.create({
    properties: { title, locale: 'ja_JP', timeZone: 'Asia/Tokyo' },
    sheets: sheets.map((t) => ({ properties: { title: t } })),
  });
  return created.spreadsheetId ?? '';
}

function sheetIdOf(Sheets: FakeSheetsApi, id: string, title: string): number {
  const sheet = (Sheets.Spreadsheets.get(id).sheets ?? []).find((s) => s.properties?.title === title);
  return sheet?.properties?.sheetId ?? -1;
}

const text = (stringValue: string) => ({ userEnteredValue: { stringValue } });
const num = (numberValue: number) => ({ userEnteredValue: { numberValue } });

describe('Sheets.Spreadsheets: create, get, values', () => {
  it('creates a spreadsheet owned by the user, registered, and reads it back', () => {
    const { env, Sheets } = centerWorld();
    const created = Sheets.Spreadsheets.create({
      properties: { title: '提出用', locale: 'ja_JP', timeZone: 'Asia/Tokyo' },
      sheets: [{ properties: { title: '_提出データ', gridProperties: { rowCount: 10, columnCount: 5 } } }, { properties: { title: '控え', hidden: true } }],
    });
    const id = created.spreadsheetId ?? '';
    expect(created.spreadsheetUrl).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(created.properties).toEqual({ title: '提出用', locale: 'ja_JP', timeZone: 'Asia/Tokyo' });
    expect(created.sheets?.map((s) => s.properties)).toEqual([
      { sheetId: 0, title: '_提出データ', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 10, columnCount: 5 } },
      { sheetId: expect.any(Number), title: '控え', index: 1, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 }, hidden: true },
    ]);
    expect(Sheets.Spreadsheets.get(id)).toEqual(created);
    expect(env.drive.spreadsheet(id).peekSheetNames()).toEqual(['_提出データ', '控え']);
    expect(env.drive.created).toEqual([id]);
    expect(env.drive.peekFile(id)).toMatchObject({ owner: 'staff1@example.org', createdByScript: true, grantedTo: ['staff1@example.org'] });
  });

  it("names a lone default sheet by the locale ('シート1' in ja_JP) and picks en_US and Etc/GMT when not told", () => {
    const { Sheets } = world();
    const ja = Sheets.Spreadsheets.create({ properties: { title: 'a', locale: 'ja_JP', timeZone: 'Asia/Tokyo' } });
    expect(ja.sheets?.map((s) => s.properties?.title)).toEqual(['シート1']);
    const bare = Sheets.Spreadsheets.create({ properties: { title: 'b' } });
    expect(bare.sheets?.map((s) => s.properties?.title)).toEqual(['Sheet1']);
    expect(bare.properties).toEqual({ title: 'b', locale: 'en_US', timeZone: 'Etc/GMT' });
  });

  it('honours a field mask in get, and refuses fields the fake does not model', () => {
    const { Sheets } = world();
    const id = newFile(Sheets, 'x', ['a', 'b']);
    expect(Sheets.Spreadsheets.get(id, { fields: 'sheets.properties(sheetId,title,hidden)' })).toEqual({
      sheets: [{ properties: { sheetId: 0, title: 'a' } }, { properties: { sheetId: expect.any(Number), title: 'b' } }],
    });
    expect(Sheets.Spreadsheets.get(id, { fields: 'properties/title,spreadsheetId' })).toEqual({ spreadsheetId: id, properties: { title: 'x' } });
    expect(() => Sheets.Spreadsheets.get(id, { fields: 'sheets.charts' })).toThrow(/Not modelled by the fake/);
    expect(() => Sheets.Spreadsheets.get(id, { fields: 'nonsense' })).toThrow(
      'API call to sheets.spreadsheets.get failed with error: Request contains an invalid argument.',
    );
  });

  it('round-trips values: batchUpdate writes, batchGet reads them back as the API does', () => {
    const { env, Sheets } = centerWorld();
    const id = newFile(Sheets);
    const sheetId = sheetIdOf(Sheets, id, '_提出データ');
    const reply = Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { addSheet: { properties: { sheetId: 77, title: '月報_2021-02', gridProperties: { rowCount: 20, columnCount: 4, frozenRowCount: 1 } } } },
          {
            updateCells: {
              start: { sheetId, rowIndex: 0, columnIndex: 0 },
              rows: [
                { values: [text('種別'), text('件数'), text('')] },
                { values: [text('月報'), num(12), { userEnteredValue: { boolValue: true } }] },
                { values: [] },
                { values: [text('最後')] },
              ],
              fields: 'userEnteredValue',
            },
          },
          { updateCells: { start: { sheetId: 77, rowIndex: 1, columnIndex: 1 }, rows: [{ values: [text('対象月'), text('令和3年2月')] }], fields: '*' } },
        ],
      },
      id,
    );
    expect(reply.spreadsheetId).toBe(id);
    expect(reply.replies).toEqual([
      {
        addSheet: {
          properties: { sheetId: 77, title: '月報_2021-02', index: 1, sheetType: 'GRID', gridProperties: { rowCount: 20, columnCount: 4, frozenRowCount: 1 } },
        },
      },
      {},
      {},
    ]);
    const got = Sheets.Spreadsheets.Values.batchGet(id, {
      ranges: ["'_提出データ'", "'月報_2021-02'!A1:D", '_提出データ!A1:B2'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got).toEqual({
      spreadsheetId: id,
      valueRanges: [
        // Trailing empty cells and rows are left out; an empty row inside stays as [].
        { range: "'_提出データ'!A1:Z1000", majorDimension: 'ROWS', values: [['種別', '件数'], ['月報', 12, true], [], ['最後']] },
        { range: "'月報_2021-02'!A1:D20", majorDimension: 'ROWS', values: [[], ['', '対象月', '令和3年2月']] },
        {
          range: "'_提出データ'!A1:B2",
          majorDimension: 'ROWS',
          values: [
            ['種別', '件数'],
            ['月報', 12],
          ],
        },
      ],
    });
    // By default everything is formatted text.
    expect(Sheets.Spreadsheets.Values.get(id, "'_提出データ'!B2:C2").values).toEqual([['12', 'TRUE']]);
    // An empty range has no values at all.
    expect(Sheets.Spreadsheets.Values.get(id, "'_提出データ'!F1:G5")).toEqual({ range: "'_提出データ'!F1:G5", majorDimension: 'ROWS' });
    expect(readSheet(env.drive.spreadsheet(id), '_提出データ')).toEqual([
      ['種別', '件数', ''],
      ['月報', 12, true],
      ['', '', ''],
      ['最後', '', ''],
    ]);
  });

  it('reads dates as serial numbers or formatted strings, formulas with FORMULA', () => {
    const { env, Sheets } = world();
    const ss = env.addSpreadsheet({ sheetNames: ['s'] });
    sheetFromRows(ss, 's', [[new Date('2021-02-01T00:00:00+09:00'), '=SUM(1,2)', 3]]);
    const get = (valueRenderOption: string, dateTimeRenderOption?: string) =>
      Sheets.Spreadsheets.Values.get(ss.id, 's', { valueRenderOption, ...(dateTimeRenderOption ? { dateTimeRenderOption } : {}) }).values;
    expect(get('UNFORMATTED_VALUE')).toEqual([[44228, '#ERROR!', 3]]);
    expect(get('UNFORMATTED_VALUE', 'FORMATTED_STRING')).toEqual([['2021/02/01', '#ERROR!', 3]]);
    expect(get('FORMULA')).toEqual([[44228, '=SUM(1,2)', 3]]);
    expect(get('FORMATTED_VALUE')).toEqual([['2021/02/01', '#ERROR!', '3']]);
    expect(() => get('RAW')).toThrow(/Invalid value at 'value_render_option'/);
  });

  it('refuses a sheet that is not there, and a range beyond the grid', () => {
    const { Sheets } = world();
    const id = newFile(Sheets);
    expect(() => Sheets.Spreadsheets.Values.get(id, "'月報_2099-01'")).toThrow(
      "API call to sheets.spreadsheets.values.get failed with error: Unable to parse range: '月報_2099-01'",
    );
    expect(() => Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['_提出データ', 'なし!A1'] })).toThrow('Unable to parse range: なし!A1');
    expect(() => Sheets.Spreadsheets.Values.get(id, '_提出データ!A1:AA1')).toThrow(/exceeds grid limits. Max rows: 1000, max columns: 26/);
    try {
      Sheets.Spreadsheets.Values.get(id, 'なし');
      throw new Error('no error');
    } catch (error) {
      expect((error as Error).name).toBe('GoogleJsonResponseException');
    }
  });
});

describe('Sheets.Spreadsheets.batchUpdate', () => {
  it("stores a stringValue as that exact string: '=1+1', '+1', '12' and 'TRUE' stay text", () => {
    const { env, Sheets } = world();
    const id = newFile(Sheets);
    Sheets.Spreadsheets.batchUpdate(
      { requests: [{ updateCells: { start: { sheetId: 0 }, rows: [{ values: ['=1+1', '+1', '12', 'TRUE', "'x"].map(text) }], fields: 'userEnteredValue' } }] },
      id,
    );
    const sheet = env.drive.spreadsheet(id).peekSheet('_提出データ');
    expect(sheet.peekValues('A1:E1')).toEqual([['=1+1', '+1', '12', 'TRUE', "'x"]]);
    expect(sheet.peekFormulas('A1:E1')).toEqual([['', '', '', '', '']]);
    expect(Sheets.Spreadsheets.Values.get(id, '_提出データ', { valueRenderOption: 'UNFORMATTED_VALUE' }).values).toEqual([['=1+1', '+1', '12', 'TRUE', "'x"]]);
  });

  it('stores a formulaValue as a formula (read as the fake reads formulas) and records formats', () => {
    const { env, Sheets } = world();
    const id = newFile(Sheets);
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 1, columnIndex: 1 },
              rows: [
                {
                  values: [
                    {
                      userEnteredValue: { formulaValue: '=1+1' },
                      userEnteredFormat: { textFormat: { bold: true }, backgroundColor: { red: 1, green: 0.8, blue: 0 } },
                    },
                  ],
                },
              ],
              fields: 'userEnteredValue,userEnteredFormat',
            },
          },
          {
            repeatCell: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
              cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '#,##0' } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 2 },
              properties: { pixelSize: 180 },
              fields: 'pixelSize',
            },
          },
        ],
      },
      id,
    );
    const sheet = env.drive.spreadsheet(id).peekSheet('_提出データ');
    expect(sheet.peekCell('B2')).toMatchObject({ value: '#ERROR!', formula: '=1+1', fontWeight: 'bold', background: '#ffcc00' });
    expect(sheet.peekNumberFormats('A1:B1')).toEqual([['#,##0', '#,##0']]);
    expect([...sheet.peekState().columnWidths]).toEqual([
      [1, 180],
      [2, 180],
    ]);
  });

  it('is atomic: when the third request fails, the sheet added and the cells written before it are gone', () => {
    const { env, Sheets } = world();
    const id = newFile(Sheets, 'f', ['_提出データ', '月報']);
    const ss = env.drive.spreadsheet(id);
    sheetFromRows(ss, '_提出データ', [['古い'], ['行']]);
    const before = { names: ss.peekSheetNames(), values: readSheet(ss, '_提出データ'), state: ss.peekSheet('_提出データ').peekState() };
    const call = () =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { addSheet: { properties: { sheetId: 500, title: '新しい' } } },
            { updateCells: { start: { sheetId: 0 }, rows: [{ values: [text('上書き')] }], fields: 'userEnteredValue' } },
            { updateSheetProperties: { properties: { sheetId: 0, title: '月報', hidden: true }, fields: 'title,hidden' } },
          ],
        },
        id,
      );
    expect(call).toThrow(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[2].updateSheetProperties: A sheet with the name "月報" already exists. Please enter another name.',
    );
    expect(ss.peekSheetNames()).toEqual(before.names);
    expect(readSheet(ss, '_提出データ')).toEqual(before.values);
    expect(ss.peekSheet('_提出データ').peekState()).toEqual(before.state);
    expect(ss.sheetWithId(500)).toBeUndefined();
  });

  it('refuses duplicate titles, deleting the last sheet, unknown sheet ids and a missing fields mask', () => {
    const { Sheets } = world();
    const id = newFile(Sheets);
    const update =
      (...requests: object[]) =>
      () =>
        Sheets.Spreadsheets.batchUpdate({ requests }, id);
    expect(update({ addSheet: { properties: { title: '_提出データ' } } })).toThrow(
      'Invalid requests[0].addSheet: A sheet with the name "_提出データ" already exists. Please enter another name.',
    );
    expect(update({ addSheet: { properties: { title: 'x' } } }, { addSheet: { properties: { title: 'X' } } })).toThrow(
      /Invalid requests\[1\]\.addSheet: A sheet with the name "X"/,
    );
    expect(update({ deleteSheet: { sheetId: 0 } })).toThrow("Invalid requests[0].deleteSheet: You can't remove all the sheets in a document.");
    expect(update({ deleteSheet: { sheetId: 9 } })).toThrow('Invalid requests[0].deleteSheet: No grid with id: 9');
    expect(update({ updateSheetProperties: { properties: { sheetId: 0, title: 'y' } } })).toThrow(
      /Invalid requests\[0\]\.updateSheetProperties: 'fields' must be specified/,
    );
    expect(update({ addSheet: { properties: { sheetId: 0, title: 'z' } } })).toThrow('Invalid requests[0].addSheet: A sheet with the id 0 already exists.');
    expect(update({ mergeCells: { range: { sheetId: 0 } } })).toThrow(/Not modelled by the fake/);
    expect(update({ frobnicate: {} })).toThrow(/Unknown name "frobnicate"/);
    expect(() => Sheets.Spreadsheets.batchUpdate({ requests: [] }, id)).toThrow('Must specify at least one request.');
  });

  it('refuses cells beyond the grid and text over 50,000 characters', () => {
    const { Sheets } = world();
    const id =
      Sheets.Spreadsheets.create({ properties: { title: 't' }, sheets: [{ properties: { title: 's', gridProperties: { rowCount: 2, columnCount: 2 } } }] })
        .spreadsheetId ?? '';
    const write = (rowIndex: number, value: string) => () =>
      Sheets.Spreadsheets.batchUpdate(
        { requests: [{ updateCells: { start: { sheetId: 0, rowIndex }, rows: [{ values: [text(value), text(value)] }], fields: 'userEnteredValue' } }] },
        id,
      );
    expect(write(2, 'a')).toThrow('Invalid requests[0].updateCells: Range (s!A3:B3) exceeds grid limits. Max rows: 2, max columns: 2');
    expect(write(0, 'x'.repeat(50001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(write(1, 'x'.repeat(50000))).not.toThrow();
  });

  it('renames, moves, hides and resizes with updateSheetProperties, and deletes', () => {
    const { env, Sheets } = world();
    const id = newFile(Sheets, 'f', ['a', 'b', 'c']);
    const ids = (Sheets.Spreadsheets.get(id).sheets ?? []).map((s) => s.properties?.sheetId ?? -1);
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId: ids[0], title: 'A', index: 2, gridProperties: { rowCount: 5 } },
              fields: 'title,index,gridProperties.rowCount',
            },
          },
          { updateSheetProperties: { properties: { sheetId: ids[2], hidden: true }, fields: 'hidden' } },
          { deleteSheet: { sheetId: ids[1] } },
        ],
      },
      id,
    );
    const ss = env.drive.spreadsheet(id);
    expect(ss.peekSheetNames()).toEqual(['A', 'c']);
    expect(ss.peekSheet('A').peekState()).toMatchObject({ maxRows: 5, hidden: false });
    expect(ss.peekSheet('c').peekState().hidden).toBe(true);
    expect(() =>
      Sheets.Spreadsheets.batchUpdate({ requests: [{ updateSheetProperties: { properties: { sheetId: ids[0], hidden: true }, fields: 'hidden' } }] }, id),
    ).toThrow("You can't hide all the sheets in a document.");
  });

  it('fails an injected fault before it changes anything', () => {
    const { env, Sheets } = world();
    const id = newFile(Sheets);
    env.faults.failOn('Sheets.Spreadsheets.batchUpdate');
    expect(() => Sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'x' } } }] }, id)).toThrow(/fault injected/);
    expect(env.drive.spreadsheet(id).peekSheetNames()).toEqual(['_提出データ']);
    expect(env.callLog.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
  });
});

describe('drive.file: what the script may reach', () => {
  it('reaches what it created for this user; another user gets 404 until the file is shared and picked', () => {
    const { env, Sheets, Drive } = centerWorld();
    const id = newFile(Sheets);
    expect(Sheets.Spreadsheets.get(id).properties?.title).toBe('提出用_本庄西');
    env.drive.setUser('staff2@example.org');
    expect(() => Sheets.Spreadsheets.get(id)).toThrow(`API call to sheets.spreadsheets.get failed with error: ${NOT_FOUND}`);
    expect(() => Sheets.Spreadsheets.Values.get(id, '_提出データ')).toThrow(`API call to sheets.spreadsheets.values.get failed with error: ${NOT_FOUND}`);
    expect(() => Drive.Files.get(id)).toThrow(`API call to drive.files.get failed with error: File not found: ${id}.`);
    // A picker offers only files the person can open.
    expect(() => env.drive.grantFile(id)).toThrow(/share it first/);
    env.drive.share(id, 'staff2@example.org', 'writer');
    expect(() => Sheets.Spreadsheets.get(id)).toThrow(NOT_FOUND);
    env.drive.grantFile(id);
    expect(Sheets.Spreadsheets.get(id).spreadsheetId).toBe(id);
    expect(Drive.Files.get(id, { fields: 'owners(emailAddress,me)' }).owners).toEqual([{ emailAddress: 'staff1@example.org', me: false }]);
  });

  it('never reaches the active spreadsheet, a fixture, a deleted file or an unknown id', () => {
    const { env, Sheets, Drive } = centerWorld();
    const other = env.addSpreadsheet();
    for (const id of [env.spreadsheet.id, other.id, 'no-such-id']) {
      expect(() => Sheets.Spreadsheets.get(id)).toThrow(NOT_FOUND);
      expect(() => Drive.Files.get(id)).toThrow(`File not found: ${id}.`);
    }
  });

  it('with the spreadsheets scope, the Sheets API reaches every file the user can open; denied is 403', () => {
    const { env, Sheets } = world({ oauthScopes: [SCOPES.spreadsheets, SCOPES.containerUi] });
    const fixture = env.addSpreadsheet({ name: '児玉' });
    const denied = env.addSpreadsheet({ access: 'denied' });
    expect(Sheets.Spreadsheets.get(env.spreadsheet.id).spreadsheetId).toBe(env.spreadsheet.id);
    expect(Sheets.Spreadsheets.get(fixture.id).properties?.title).toBe('児玉');
    expect(() => Sheets.Spreadsheets.get(denied.id)).toThrow('API call to sheets.spreadsheets.get failed with error: The caller does not have permission');
    // Someone else's file that is not shared with this user.
    const theirs = newFile(Sheets);
    env.drive.setSharing(theirs, { owner: 'someone@example.org' });
    expect(() => Sheets.Spreadsheets.get(theirs)).toThrow('The caller does not have permission');
  });

  it('SpreadsheetApp.openById needs the spreadsheets scope, which drive.file does not give', () => {
    const { env, Sheets } = centerWorld();
    const id = newFile(Sheets);
    expect(() => env.globals.SpreadsheetApp.openById(id)).toThrow(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SCOPES.spreadsheets}`,
    );
    const full = world();
    const created = full.env.globals.SpreadsheetApp.create('mine');
    expect(full.env.globals.SpreadsheetApp.openById(created.id)).toBe(created);
    const viaApi = newFile(full.Sheets);
    expect(full.env.globals.SpreadsheetApp.openById(viaApi).getName()).toBe('提出用_本庄西');
    full.env.drive.setUser('staff2@example.org');
    expect(() => full.env.globals.SpreadsheetApp.openById(created.id)).toThrow('You do not have permission to access the requested document.');
  });

  it('refuses an API call whose scope is missing from the manifest, and stops one whose scope is not granted', () => {
    const none = world({ oauthScopes: [SCOPES.spreadsheetsCurrentOnly] });
    expect(() => none.Sheets.Spreadsheets.get(none.env.spreadsheet.id)).toThrow(
      'API call to sheets.spreadsheets.get failed with error: Request had insufficient authentication scopes.',
    );
    const { env, Sheets, Drive } = centerWorld();
    const id = newFile(Sheets);
    env.scriptApp.revokeScope(SCOPES.driveFile);
    expect(() => Sheets.Spreadsheets.get(id)).toThrow('Authorization is required to perform that action.');
    expect(() => Drive.Files.get(id)).toThrow('Authorization is required to perform that action.');
    expect(env.callLog.count('Sheets.Spreadsheets.get')).toBe(1);
  });
});

describe('ScriptApp.requireScopes', () => {
  it('returns when every scope is granted, and records a consent prompt and throws when one is not', () => {
    const { env } = centerWorld();
    const ScriptApp = env.globals.ScriptApp;
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [SCOPES.driveFile]);
    expect(env.scriptApp.consentRequests).toEqual([]);
    env.scriptApp.revokeScope(SCOPES.driveFile);
    expect(env.scriptApp.grantedScopes()).toEqual([SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi]);
    expect(() => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [SCOPES.containerUi, SCOPES.driveFile])).toThrow(
      'Authorization is required to perform that action.',
    );
    expect(env.scriptApp.consentRequests).toEqual([{ authMode: 'FULL', requested: [SCOPES.containerUi, SCOPES.driveFile], missing: [SCOPES.driveFile] }]);
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    env.scriptApp.grantScope(SCOPES.driveFile);
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [SCOPES.driveFile]);
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect([String(info.getAuthorizationStatus()), info.getAuthorizationUrl()]).toEqual(['NOT_REQUIRED', null]);
    expect(env.callLog.count('ScriptApp.requireScopes')).toBe(3);
  });

  it('refuses a scope the manifest does not declare', () => {
    const { env } = centerWorld();
    const ScriptApp = env.globals.ScriptApp;
    expect(() => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [SCOPES.spreadsheets])).toThrow(/not declared in the script's manifest/);
    expect(() => env.scriptApp.grantScope(SCOPES.spreadsheets)).toThrow(/not in the manifest/);
  });
});

describe('the trash and deletion', () => {
  it('a trashed file is reported trashed and still read by the Sheets API; a deleted one is gone everywhere', () => {
    const { env, Sheets, Drive } = centerWorld();
    const id = newFile(Sheets);
    expect(Drive.Files.get(id, { fields: 'id,trashed' })).toEqual({ id, trashed: false });
    env.drive.trash(id);
    expect(Drive.Files.get(id, { fields: 'id,trashed' })).toEqual({ id, trashed: true });
    expect(Sheets.Spreadsheets.get(id).spreadsheetId).toBe(id);
    env.drive.delete(id);
    expect(() => Sheets.Spreadsheets.get(id)).toThrow(NOT_FOUND);
    expect(() => Drive.Files.get(id)).toThrow(`File not found: ${id}.`);
    expect(env.registry.find(id)).toBeUndefined();
  });
});

describe('Drive.Files.get and Drive.Permissions', () => {
  it('returns only kind, id, name and mimeType without fields, as Drive v3 does', () => {
    const { Sheets, Drive } = centerWorld();
    const id = newFile(Sheets);
    expect(Drive.Files.get(id)).toEqual({ kind: 'drive#file', id, name: '提出用_本庄西', mimeType: 'application/vnd.google-apps.spreadsheet' });
    expect(Drive.Files.get(id, { fields: 'name,webViewLink,owners(displayName,emailAddress,me)', supportsAllDrives: true })).toEqual({
      name: '提出用_本庄西',
      webViewLink: `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`,
      owners: [{ displayName: 'staff1', emailAddress: 'staff1@example.org', me: true }],
    });
    expect(() => Drive.Files.get(id, { fields: 'modifiedTime' })).toThrow(/Not modelled by the fake/);
  });

  it('shares with a person once, records the notification, and lists the owner first', () => {
    const { env, Sheets, Drive } = centerWorld();
    const id = newFile(Sheets);
    const created = Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'Kaigo@City.example.jp' }, id, {
      sendNotificationEmail: true,
      emailMessage: '提出用ファイルです',
    });
    expect(created).toEqual({ kind: 'drive#permission', id: expect.any(String), type: 'user', role: 'reader' });
    Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'kaigo@city.example.jp' }, id, { sendNotificationEmail: false });
    expect(env.drive.permissionsOf(id).map((p) => [p.role, p.emailAddress])).toEqual([
      ['owner', 'staff1@example.org'],
      ['reader', 'kaigo@city.example.jp'],
    ]);
    expect(env.drive.shares.map((s) => [s.emailAddress, s.sendNotificationEmail, s.emailMessage])).toEqual([
      ['kaigo@city.example.jp', true, '提出用ファイルです'],
      ['kaigo@city.example.jp', false, undefined],
    ]);
    // Without fields, Drive v3 leaves out the addresses.
    expect(Drive.Permissions.list(id).permissions?.map((p) => Object.keys(p).sort())).toEqual([
      ['id', 'kind', 'role', 'type'],
      ['id', 'kind', 'role', 'type'],
    ]);
    expect(Drive.Permissions.list(id, { fields: 'permissions(type,role,emailAddress)' })).toEqual({
      permissions: [
        { type: 'user', role: 'owner', emailAddress: 'staff1@example.org' },
        { type: 'user', role: 'reader', emailAddress: 'kaigo@city.example.jp' },
      ],
    });
  });

  it('refuses an address that is not one, and sharing by someone who may not', () => {
    const { env, Sheets, Drive } = centerWorld();
    const id = newFile(Sheets);
    expect(() => Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'kaigo-at-city' }, id)).toThrow(
      'API call to drive.permissions.create failed with error: Bad Request',
    );
    expect(env.drive.permissionsOf(id)).toHaveLength(1);
    env.drive.share(id, 'staff2@example.org', 'reader');
    env.drive.setUser('staff2@example.org');
    env.drive.grantFile(id);
    expect(() => Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'x@example.org' }, id)).toThrow(
      'The user does not have sufficient permissions for this file.',
    );
  });
});

describe('call counting and globals', () => {
  it('counts the advanced services in families of their own, apart from the spreadsheet', () => {
    const { env, Sheets, Drive } = centerWorld();
    const id = newFile(Sheets);
    Sheets.Spreadsheets.Values.get(id, '_提出データ');
    Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['_提出データ'] });
    Drive.Files.get(id);
    Drive.Permissions.list(id);
    env.globals.ScriptApp.requireScopes(env.globals.ScriptApp.AuthMode.FULL, [SCOPES.driveFile]);
    expect(env.callLog.trace).toEqual([
      'Sheets.Spreadsheets.create',
      'Sheets.Spreadsheets.Values.get',
      'Sheets.Spreadsheets.Values.batchGet',
      'Drive.Files.get',
      'Drive.Permissions.list',
      'ScriptApp.requireScopes',
    ]);
    expect(env.callLog.byFamily('sheets-api')).toBe(3);
    expect(env.callLog.byFamily('drive-api')).toBe(2);
    expect(env.callLog.spreadsheetCalls).toBe(0);
    expect(env.callLog.byService()).toMatchObject({ 'sheets-api': 3, 'drive-api': 2, script: 1, spreadsheet: 0 });
  });

  it('has no Sheets or Drive global unless the project adds the service', () => {
    const env = createGasEnvironment({ advancedServices: ['Sheets'] });
    expect(env.globals.Sheets).toBeInstanceOf(FakeSheetsApi);
    expect('Drive' in env.globals).toBe(false);
    const context = loadScript('function kinds() { return [typeof Sheets, typeof Drive]; }\nfunction touch() { return Drive.Files; }', env);
    expect(runFunction(context, 'kinds')).toEqual(['object', 'undefined']);
    expect(() => runFunction(context, 'touch')).toThrow(/Drive is not defined/);
    const both = createGasEnvironment();
    expect(both.globals.Drive).toBeInstanceOf(FakeDriveApi);
    expect('Sheets' in createGasEnvironment({ advancedServices: [] }).globals).toBe(false);
  });

  it('makes API errors in the script’s realm, named GoogleJsonResponseException', () => {
    const { env } = centerWorld();
    const context = loadScript(
      "function probe() { try { Sheets.Spreadsheets.get('nope'); } catch (e) { return [e instanceof Error, e.name, String(e)]; } }",
      env,
    );
    expect(runFunction(context, 'probe')).toEqual([
      true,
      'GoogleJsonResponseException',
      `GoogleJsonResponseException: API call to sheets.spreadsheets.get failed with error: ${NOT_FOUND}`,
    ]);
  });

  it('types follow @types/google-apps-script (checked by tsc)', () => {
    const { Sheets, Drive } = world();
    const real: GoogleAppsScript.Sheets = toGas(Sheets);
    const realDrive: GoogleAppsScript.Drive = toGas(Drive);
    const neverCalled = (): void => {
      // @ts-expect-error the Sheets service has no Spreadsheets.open
      Sheets.Spreadsheets.open('id');
      // @ts-expect-error batchUpdate takes the request first, then the id
      Sheets.Spreadsheets.batchUpdate('id', { requests: [] });
      // @ts-expect-error Values.get needs a range
      Sheets.Spreadsheets.Values.get('id');
      // @ts-expect-error Drive.Files has no fetch
      Drive.Files.fetch('id');
    };
    expect([typeof real.Spreadsheets, typeof realDrive.Files, typeof neverCalled]).toEqual(['object', 'object', 'function']);
  });
});

describe('copySpreadsheetInto', () => {
  it('never meets a namesake: spreadsheet ids differ across worlds', () => {
    const a = world();
    const b = world();
    expect(newFile(a.Sheets)).not.toBe(newFile(b.Sheets));
    expect(a.env.spreadsheet.id).not.toBe(b.env.spreadsheet.id);
  });

  it('brings a file of one world into another with the same id, sheets, values and formulas, and its sharing', () => {
    const center = centerWorld();
    const id = newFile(center.Sheets, '提出用', ['_提出データ', '控え']);
    const source = center.env.drive.spreadsheet(id);
    sheetFromRows(source, '_提出データ', [
      ['種別', '件数'],
      ['月報', 3],
      ['計', '=SUM(B2)'],
    ]);
    source.peekSheet('控え').setState({ hidden: true });
    center.Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'kaigo@city.example.jp' }, id);
    const city = world({ user: 'kaigo@city.example.jp', oauthScopes: [SCOPES.spreadsheets, SCOPES.containerUi] });
    const before = city.env.callLog.total;
    const copy = copySpreadsheetInto(source, city.env);
    expect(city.env.callLog.total).toBe(before);
    expect(copy.id).toBe(id);
    expect(copy.peekName()).toBe('提出用');
    expect(readSheet(copy, '_提出データ')).toEqual(readSheet(source, '_提出データ'));
    expect(copy.peekSheet('_提出データ').peekFormulas('B3')).toEqual([['=SUM(B2)']]);
    expect(copy.peekSheet('控え').peekState().hidden).toBe(true);
    expect(city.Sheets.Spreadsheets.Values.get(id, '_提出データ', { valueRenderOption: 'UNFORMATTED_VALUE' }).values?.[1]).toEqual(['月報', 3]);
    // Someone it is not shared with cannot open it, in the city's world either.
    city.env.drive.setUser('other@city.example.jp');
    expect(() => city.Sheets.Spreadsheets.get(id)).toThrow('The caller does not have permission');
    // Changing the copy leaves the source alone.
    copy.peekSheet('_提出データ').load([['変更']]);
    expect(readSheet(source, '_提出データ')[0]?.[0]).toBe('種別');
  });
});
