import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createGasEnvironment,
  installGlobals,
  loadBundle,
  loadScript,
  openEvent,
  readSheet,
  runFunction,
  sheetFromRows,
  userEdit,
  type GasEnvironment,
} from './gas-globals';
import { FakeDataValidation, FakeRange, FakeSheet, FakeSpreadsheet, toGas } from './spreadsheet';

const ROWS_MISMATCH = 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.';

function freshSheet(env: GasEnvironment = createGasEnvironment()): FakeSheet {
  return env.spreadsheet.peekSheet('シート1');
}

describe('writing values as Sheets parses them', () => {
  it('stores a string starting with = as a formula and reads a stand-in value', () => {
    const sheet = freshSheet();
    sheet.getRange('A1:C1').setValues([['=SUM(A2:A3)', '+81-90-1234', '@foo']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=SUM(A2:A3)', '=+81-90-1234', '=@foo']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#ERROR!', '#ERROR!', '#ERROR!']]);
  });

  it("keeps text after a leading apostrophe, and a lone '-' as text", () => {
    const sheet = freshSheet();
    sheet.getRange('A1:C1').setValues([["'=x", "'012", '-']]);
    expect(sheet.peekValues('A1:C1')).toEqual([['=x', '012', '-']]);
    expect(sheet.peekFormulas('A1:C1')).toEqual([['', '', '']]);
  });

  it("keeps strings exactly as written in a cell formatted as plain text ('@')", () => {
    const sheet = freshSheet();
    const range = sheet.getRange('A1:C1');
    range.setNumberFormat('@');
    range.setValues([['=SUM(A1)', '0012', "'x"]]);
    expect(range.getValues()).toEqual([['=SUM(A1)', '0012', "'x"]]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
  });

  it('converts number-, boolean- and date-like text like typed input', () => {
    const sheet = freshSheet();
    sheet.getRange('A1:G1').setValues([['12', '-3.5', '1,234', '007', 'TRUE', '10%', '2024/4/1']]);
    const [row] = sheet.getRange('A1:G1').getValues();
    expect(row?.slice(0, 6)).toEqual([12, -3.5, 1234, 7, true, 0.1]);
    const date = row?.[6];
    expect(date).toBeInstanceOf(Date);
    // Midnight in the spreadsheet's time zone (Asia/Tokyo).
    expect((date as Date).toISOString()).toBe('2024-03-31T15:00:00.000Z');
    expect(sheet.getRange('G1').getDisplayValue()).toBe('2024/04/01');
  });

  it('reads empty cells as empty strings and keeps numbers, booleans and Dates', () => {
    const sheet = freshSheet();
    const when = new Date('2025-01-02T03:04:05Z');
    sheet.getRange(1, 1, 1, 4).setValues([[1.5, false, when, null]]);
    const values = sheet.getRange(1, 1, 2, 5).getValues();
    expect(values).toEqual([
      [1.5, false, when, '', ''],
      ['', '', '', '', ''],
    ]);
    expect(values[0]?.[2]).not.toBe(when);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['', '']]);
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  it('throws on data that does not match the range, leaving the cells as they were', () => {
    const sheet = freshSheet();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(() => sheet.getRange('A1:B2').setValues([[9, 9]])).toThrow(ROWS_MISMATCH);
    expect(() => sheet.getRange('A1:B2').setValues([[9, 9], [9]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setNotes([['x', 'y']])).toThrow(ROWS_MISMATCH);
    expect(sheet.peekValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('throws like Apps Script on empty ranges and oversized cells', () => {
    const sheet = freshSheet();
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow('maximum of 50000 characters');
    const thrown = ((): unknown => {
      try {
        sheet.getRange('A1:B2').setValues([[1, 2]]);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    // As the execution log shows it: the name is 'Exception', the message has no prefix.
    expect(String(thrown)).toBe(`Exception: ${ROWS_MISMATCH}`);
  });

  it('refuses a range past the last row or column, as Sheets does; appendRow grows the sheet', () => {
    const sheet = freshSheet();
    expect(sheet.getMaxRows()).toBe(1000);
    const outside = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet.getRange(1500, 2)).toThrow(outside);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(outside);
    expect(() => sheet.getRange(1, 27)).toThrow(outside);
    expect(() => sheet.getRange('A1001')).toThrow(outside);
    expect(() => sheet.getRange(1000, 1).offset(1, 0)).toThrow(outside);
    expect(() => sheet.getRangeList(['A1', 'B1001'])).toThrow(outside);
    sheet.insertRowsAfter(1000, 500);
    sheet.getRange(1500, 2).setValue('x');
    expect(sheet.getLastRow()).toBe(1500);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B1500');
    sheet.appendRow(['y']);
    expect(sheet.getLastRow()).toBe(1501);
    expect(sheet.getMaxRows()).toBe(1501);
  });

  it('keeps notes, backgrounds, fonts and validation per cell, null resetting to the default', () => {
    const env = createGasEnvironment();
    const sheet = freshSheet(env);
    const range = sheet.getRange('A1:B1');
    range
      .setBackgrounds([['#F00', null]])
      .setNotes([['要確認', null]])
      .setFontWeights([['bold', null]]);
    const rule = env.globals.SpreadsheetApp.newDataValidation().requireValueInList(['はい', 'いいえ'], true).setAllowInvalid(false).build();
    sheet.getRange('B1').setDataValidation(rule);
    expect(sheet.peekBackgrounds('A1:B1')).toEqual([['#ff0000', '#ffffff']]);
    expect(sheet.peekNotes('A1:B1')).toEqual([['要確認', '']]);
    expect(sheet.peekFontWeights('A1:B1')).toEqual([['bold', 'normal']]);
    const validations = range.getDataValidations();
    expect(validations[0]?.[0]).toBeNull();
    expect(validations[0]?.[1]).toBeInstanceOf(FakeDataValidation);
    expect(validations[0]?.[1]?.peek()).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: [['はい', 'いいえ'], true],
      allowInvalid: false,
      helpText: '',
    });
    range.setBackground(null);
    expect(sheet.peekBackgrounds('A1:B1')).toEqual([['#ffffff', '#ffffff']]);
  });
});

describe('merged ranges', () => {
  it('keeps the top-left value, reports merges meeting a range and drops writes to covered cells', () => {
    const sheet = freshSheet();
    sheet.getRange('A1:B2').setValues([
      ['top', 'x'],
      ['y', 'z'],
    ]);
    sheet.getRange('A1:B2').merge();
    expect(sheet.peekValues('A1:B2')).toEqual([
      ['top', ''],
      ['', ''],
    ]);
    expect(
      sheet
        .getRange('B2:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B2']);
    expect(sheet.getRange('C1:D5').getMergedRanges()).toEqual([]);
    sheet.getRange('A1:B2').setValues([
      ['new', 'lost'],
      ['lost', 'lost'],
    ]);
    expect(sheet.peekValues('A1:B2')).toEqual([
      ['new', ''],
      ['', ''],
    ]);
    expect(() => sheet.getRange('B2:C3').merge()).toThrow('You must select all cells in a merged range');
    sheet.getRange('A1:C3').breakApart();
    expect(sheet.peekState().merges).toEqual([]);
  });

  it('moves merges down when rows are inserted above them', () => {
    const sheet = freshSheet();
    sheet.getRange('A3:B3').merge();
    sheet.insertRowsAfter(1, 2);
    expect(sheet.peekState().merges).toEqual(['A5:B5']);
    expect(sheet.getMaxRows()).toBe(1002);
  });
});

describe('spreadsheets and sheets', () => {
  it('refuses a second sheet with the same name, as Sheets does', () => {
    const { spreadsheet } = createGasEnvironment();
    spreadsheet.insertSheet('相談記録');
    expect(() => spreadsheet.insertSheet('相談記録')).toThrow('A sheet with the name "相談記録" already exists. Please enter another name.');
    expect(() => spreadsheet.getSheetByName('相談記録')?.setName('シート1')).toThrow('already exists');
  });

  it('inserts after the active sheet and activates the new one; an index puts it there', () => {
    const { spreadsheet } = createGasEnvironment({ spreadsheet: { sheetNames: ['A', 'B'] } });
    spreadsheet.insertSheet('C');
    expect(spreadsheet.peekSheetNames()).toEqual(['A', 'C', 'B']);
    expect(spreadsheet.getActiveSheet().getName()).toBe('C');
    spreadsheet.insertSheet('D', 0);
    expect(spreadsheet.peekSheetNames()).toEqual(['D', 'A', 'C', 'B']);
    expect(spreadsheet.insertSheet().getName()).toBe('シート5');
  });

  it('will not delete or hide the last sheet', () => {
    const { spreadsheet } = createGasEnvironment();
    const only = spreadsheet.getSheets()[0];
    if (!only) throw new Error('no sheet');
    expect(() => spreadsheet.deleteSheet(only)).toThrow("You can't remove all the sheets in a document.");
    expect(() => only.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });

  it('opens other spreadsheets by id or url, or fails as configured', () => {
    const env = createGasEnvironment();
    const center = env.addSpreadsheet({ name: '東センター' });
    const locked = env.addSpreadsheet({ name: '西センター', access: 'denied' });
    const app = env.globals.SpreadsheetApp;
    expect(app.openById(center.id).getName()).toBe('東センター');
    expect(app.openByUrl(center.getUrl()).getName()).toBe('東センター');
    expect(() => app.openById(locked.id)).toThrow('You do not have permission to access the requested document.');
    expect(() => app.openById('nope')).toThrow('Unexpected error while getting the method or property openById');
  });

  it('records protections, frozen rows, widths and charts', () => {
    const env = createGasEnvironment();
    const sheet = freshSheet(env);
    sheet.protect().setWarningOnly(true).setDescription('自動生成');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    const chart = sheet
      .newChart()
      .setChartType(env.globals.Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', '月別件数')
      .build();
    sheet.insertChart(chart);
    const state = sheet.peekState();
    const protection = sheet.getProtections(env.globals.SpreadsheetApp.ProtectionType.SHEET)[0];
    expect(protection?.isWarningOnly()).toBe(true);
    expect(protection?.getDescription()).toBe('自動生成');
    expect(state.frozenRows).toBe(1);
    expect(state.columnWidths.get(2)).toBe(240);
    expect(sheet.getCharts()[0]?.peek()).toEqual({
      chartType: 'COLUMN',
      ranges: ['A1:B5'],
      position: { row: 2, column: 4, offsetX: 0, offsetY: 0 },
      options: { title: '月別件数' },
    });
  });

  it('builds fixtures and reads them back without counting calls', () => {
    const env = createGasEnvironment();
    sheetFromRows(env.spreadsheet, '相談記録', [
      ['氏名', '相談日'],
      ['山田', '2024/4/1'],
      ['=A2', ''],
    ]);
    expect(readSheet(env.spreadsheet, '相談記録')).toEqual([
      ['氏名', '相談日'],
      ['山田', '2024/4/1'],
      ['#ERROR!', ''],
    ]);
    expect(env.spreadsheet.peekSheet('相談記録').peekFormulas('A3')).toEqual([['=A2']]);
    expect(env.spreadsheet.peekActiveSheet().sheetName).toBe('シート1');
    expect(env.callLog.total).toBe(0);
  });

  it('copies a template sheet and shows values through number formats', () => {
    const { spreadsheet } = createGasEnvironment();
    const template = sheetFromRows(spreadsheet, 'ひな形', [['件数', 1234.5, new Date('2024-03-31T15:00:00Z')]]);
    template.getRange('B1').setNumberFormat('#,##0.00');
    template.getRange('C1').setNumberFormat('yyyy"年"m"月"d"日"');
    template.setFrozenRows(1);
    const copy = spreadsheet.insertSheet('2024年4月', { template });
    expect(copy.getRange('A1:C1').getDisplayValues()).toEqual([['件数', '1,234.50', '2024年4月1日']]);
    expect(copy.getFrozenRows()).toBe(1);
    copy.getRange('A1').setValue('変更');
    expect(template.peekValues('A1')).toEqual([['件数']]);
  });

  it('deletes rows, moving content and merges up', () => {
    const sheet = freshSheet();
    sheet.load([['a'], ['b'], ['c'], ['d']]);
    sheet.getRange('A4:B4').merge();
    sheet.deleteRows(2, 2);
    expect(sheet.peekValues()).toEqual([['a'], ['d']]);
    expect(sheet.peekState().merges).toEqual(['A2:B2']);
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });
});

describe('call counting', () => {
  /** A job in the recommended shape: one read, one write per block, whatever the row count. */
  function markEmptyNames(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    const range = sheet.getDataRange();
    const values = range.getValues();
    const backgrounds = values.map((row) => row.map((v) => (v === '' ? '#ffff00' : null)));
    const notes = values.map((row) => row.map((v) => (v === '' ? '未入力' : null)));
    range.setBackgrounds(backgrounds);
    range.setNotes(notes);
  }

  function callsFor(rows: number): { total: number; spreadsheet: number } {
    const env = createGasEnvironment();
    const data = Array.from({ length: rows }, (_, i) => [i % 7 === 0 ? '' : `利用者${i}`, i, new Date(2024, 0, 1 + (i % 28))]);
    const sheet = sheetFromRows(env.spreadsheet, '相談記録', data);
    env.callLog.reset();
    markEmptyNames(toGas(sheet));
    return { total: env.callLog.total, spreadsheet: env.callLog.spreadsheetCalls };
  }

  it('counts each call exactly, by method', () => {
    const env = createGasEnvironment();
    const sheet = env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('シート1');
    sheet?.getRange('A1:B2').getValues();
    sheet?.getRange('A1').setValue('x');
    expect(env.callLog.total).toBe(6);
    expect(env.callLog.count('Sheet.getRange')).toBe(2);
    expect(env.callLog.count('Range.getValues')).toBe(1);
    expect(env.callLog.trace).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getRange',
      'Range.getValues',
      'Sheet.getRange',
      'Range.setValue',
    ]);
    expect([...env.callLog.byMethod.entries()]).toContainEqual(['Sheet.getRange', 2]);
    env.callLog.reset();
    expect(env.callLog.total).toBe(0);
  });

  it('makes the same number of calls for 1,000 and 10,000 rows when a job reads and writes in blocks', () => {
    const small = callsFor(1000);
    const large = callsFor(10000);
    expect(small).toEqual({ total: 4, spreadsheet: 4 });
    expect(large).toEqual(small);
  });

  it('counts Ui, Html and Lock calls apart from the spreadsheet, and peeks count nothing', () => {
    const env = createGasEnvironment({ htmlFiles: { Sidebar: '<p>hi</p>' } });
    const lock = env.globals.LockService.getDocumentLock();
    lock.tryLock(1000);
    const ui = env.globals.SpreadsheetApp.getUi();
    ui.showSidebar(env.globals.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('結果'));
    lock.releaseLock();
    const sheet = env.spreadsheet.peekSheet('シート1');
    sheet.peekValues();
    sheet.peekNotes('A1:C3');
    readSheet(env.spreadsheet, 'シート1');
    expect(env.callLog.byService()).toEqual({
      spreadsheet: 1,
      ui: 1,
      html: 2,
      lock: 3,
      properties: 0,
      script: 0,
      utilities: 0,
      session: 0,
      logger: 0,
      'sheets-api': 0,
      'drive-api': 0,
    });
    expect(env.callLog.spreadsheetCalls).toBe(1);
  });

  it('handles a 10,000-row sheet in block reads and writes quickly', () => {
    const sheet = freshSheet();
    sheet.insertRowsAfter(1000, 9000);
    const rows = Array.from({ length: 10000 }, (_, i) => Array.from({ length: 20 }, (_, j) => `r${i}c${j}`));
    const started = Date.now();
    sheet.getRange(1, 1, 10000, 20).setValues(rows);
    const read = sheet.getDataRange().getValues();
    sheet.getRange(1, 1, 10000, 20).setBackgrounds(rows.map((r) => r.map(() => '#ffeeee')));
    expect(read).toHaveLength(10000);
    expect(read[9999]?.[19]).toBe('r9999c19');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('fault injection', () => {
  it('fails the chosen call before it changes anything, so earlier writes stay and later ones never happen', () => {
    const env = createGasEnvironment();
    const sheet = freshSheet(env);
    env.faults.failOn('Range.setValues', { after: 1, error: new Error('Service Spreadsheets timed out') });
    const writeBlock = (row: number, value: string): void => {
      sheet.getRange(row, 1, 1, 2).setValues([[value, value]]);
    };
    writeBlock(1, 'first');
    expect(() => writeBlock(2, 'second')).toThrow('Service Spreadsheets timed out');
    writeBlock(3, 'third');
    expect(sheet.peekValues('A1:B3')).toEqual([
      ['first', 'first'],
      ['', ''],
      ['third', 'third'],
    ]);
    expect(env.callLog.count('Range.setValues')).toBe(3);
  });

  it('can fail repeatedly with a default service error', () => {
    const env = createGasEnvironment();
    env.faults.failOn('Spreadsheet.getSheetByName', { times: Infinity });
    const app = env.globals.SpreadsheetApp;
    expect(() => app.getActiveSpreadsheet().getSheetByName('x')).toThrow('fault injected into Spreadsheet.getSheetByName');
    expect(() => app.getActiveSpreadsheet().getSheetByName('x')).toThrow('Service error');
    env.faults.clear();
    expect(app.getActiveSpreadsheet().getSheetByName('x')).toBeNull();
  });
});

describe('locks', () => {
  it('reports contention when another execution holds the lock', () => {
    const env = createGasEnvironment();
    env.locks.holdByOther('document');
    const lock = env.globals.LockService.getDocumentLock();
    expect(lock.tryLock(10000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(10000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    env.locks.releaseByOther('document');
    expect(lock.tryLock(10000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(env.locks.holder('document')).toBe('none');
  });

  it('succeeds when the other execution lets go within the timeout', () => {
    const env = createGasEnvironment();
    env.locks.holdByOther('script', { releaseAfterMs: 3000 });
    const lock = env.globals.LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.tryLock(5000)).toBe(true);
  });
});

describe('Ui, menus and HTML', () => {
  it('records menus with their captions and function names', () => {
    const env = createGasEnvironment();
    const ui = env.globals.SpreadsheetApp.getUi();
    const sub = ui.createMenu('月報').addItem('今月の月報', 'menuMonthlyReport');
    ui.createAddonMenu().addItem('入力チェック', 'menuInputCheck').addSeparator().addSubMenu(sub).addToUi();
    expect(env.ui.menus).toHaveLength(1);
    expect(env.ui.menuItems()).toEqual([
      { menu: null, caption: '入力チェック', functionName: 'menuInputCheck' },
      { menu: '月報', caption: '今月の月報', functionName: 'menuMonthlyReport' },
    ]);
    ui.createAddonMenu().addItem('入力チェック', 'menuInputCheck').addToUi();
    expect(env.ui.menus).toHaveLength(1);
  });

  it('answers alerts and prompts from a script, and records what was shown', () => {
    const env = createGasEnvironment({ htmlFiles: { 'check-sidebar.html': '<div>__DATA__</div>' } });
    const ui = env.globals.SpreadsheetApp.getUi();
    env.ui.answer('YES', { button: 'OK', text: '2024-04' });
    expect(ui.alert('上書きしますか？', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    const response = ui.prompt('月報', '対象月を入力してください', ui.ButtonSet.OK_CANCEL);
    expect(response.getSelectedButton()).toBe(ui.Button.OK);
    expect(response.getResponseText()).toBe('2024-04');
    expect(ui.alert('完了しました')).toBe(ui.Button.OK);
    expect(() => ui.alert('本当に？', ui.ButtonSet.YES_NO)).toThrow('no scripted answer');
    const html = env.globals.HtmlService.createHtmlOutputFromFile('check-sidebar');
    ui.showSidebar(env.globals.HtmlService.createHtmlOutput(html.getContent().replace('__DATA__', '3件')).setTitle('チェック結果'));
    expect(env.ui.shown.map((s) => s.kind)).toEqual(['alert', 'prompt', 'alert', 'sidebar']);
    expect(env.ui.lastSidebar()?.peek()).toMatchObject({ title: 'チェック結果', content: '<div>3件</div>' });
    expect(() => env.globals.HtmlService.createHtmlOutputFromFile('nope')).toThrow('No HTML file named nope was found.');
  });

  it('has no Ui where Apps Script has none', () => {
    const env = createGasEnvironment({ ui: false });
    expect(() => env.globals.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('other services', () => {
  it('computes digests as signed bytes, encodes base64 and formats dates like Apps Script', () => {
    const { globals } = createGasEnvironment();
    const u = globals.Utilities;
    const digest = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(digest.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    expect(digest).toHaveLength(32);
    expect(u.base64Encode('包括')).toBe(Buffer.from('包括').toString('base64'));
    expect(u.base64Encode(digest)).toBe(Buffer.from(digest.map((b) => b & 0xff)).toString('base64'));
    const when = new Date('2024-03-31T15:04:05Z');
    expect(u.formatDate(when, 'Asia/Tokyo', 'yyyy/MM/dd HH:mm:ss')).toBe('2024/04/01 00:04:05');
    expect(u.formatDate(when, 'UTC', "yyyy-MM-dd'T'HH:mm")).toBe('2024-03-31T15:04');
    expect(() => u.formatDate(when, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  it('stores properties as strings and records time-driven triggers', () => {
    const env = createGasEnvironment();
    const props = env.globals.PropertiesService.getDocumentProperties();
    props.setProperty('lastRun', '2024-04-01');
    props.setProperties({ a: '1' });
    expect(props.getProperty('lastRun')).toBe('2024-04-01');
    expect(props.getProperty('missing')).toBeNull();
    expect(env.properties.document.get('a')).toBe('1');
    const app = env.globals.ScriptApp;
    const trigger = app.newTrigger('continueCheck').timeBased().after(60000).create();
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['continueCheck']);
    expect(env.scriptApp.triggers[0]?.schedule).toEqual({ afterMs: 60000 });
    app.deleteTrigger(trigger);
    expect(app.getProjectTriggers()).toEqual([]);
  });

  it('puts the globals on globalThis and takes them away again', () => {
    const env = createGasEnvironment();
    const restore = installGlobals(env);
    try {
      expect(SpreadsheetApp.getActiveSpreadsheet().getName()).toBe(env.spreadsheet.getName());
    } finally {
      restore();
    }
    expect('SpreadsheetApp' in globalThis).toBe(false);
  });
});

describe('loading a script as Apps Script does', () => {
  const script = `
    function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem('入力チェック', 'menuInputCheck').addToUi();
    }
    function menuInputCheck() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
      sheet.getRange(1, 1, 1, 2).setValues([['受付日', new Date(Date.UTC(2024, 3, 1))]]);
      var read = sheet.getRange(1, 2).getValue();
      try {
        sheet.getRange(1, 1, 2, 1).setValues([['x']]);
      } catch (error) {
        return { dateIsDate: read instanceof Date, errorIsError: error instanceof Error, message: error.message };
      }
    }
    function onEdit(e) {
      if (e.authMode === ScriptApp.AuthMode.NONE) return 'skipped';
      return e.range.getA1Notation() + '=' + e.value;
    }
  `;

  it('calls top-level functions by name with the fakes as globals', () => {
    const env = createGasEnvironment();
    const context = loadScript(script, env);
    runFunction(context, 'onOpen', openEvent(env, 'NONE'));
    const [item] = env.ui.menuItems();
    expect(item?.functionName).toBe('menuInputCheck');
    const result = runFunction(context, item?.functionName ?? '');
    expect(result).toEqual({
      dateIsDate: true,
      errorIsError: true,
      message: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    });
    expect(env.spreadsheet.peekSheet('シート1').peekValues('A1')).toEqual([['受付日']]);
    expect(() => runFunction(context, 'missing')).toThrow('Script function not found: missing');
  });

  it('loads a bundle file, whose functions see each other as one script', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gas-')), 'Code.js');
    writeFileSync(
      path,
      'var Bundle = { sheetNames: function () { return SpreadsheetApp.getActive().getSheets().map(function (s) { return s.getName(); }); } };\nfunction sheetNames() { return Bundle.sheetNames(); }\n',
    );
    const env = createGasEnvironment({ spreadsheet: { sheetNames: ['相談記録', '設定'] } });
    const context = loadBundle(path, env);
    expect(runFunction(context, 'sheetNames')).toEqual(['相談記録', '設定']);
    expect(env.callLog.trace).toEqual(['SpreadsheetApp.getActive', 'Spreadsheet.getSheets', 'Sheet.getName', 'Sheet.getName']);
  });

  it('passes onEdit events for what a person typed', () => {
    const env = createGasEnvironment();
    const context = loadScript(script, env);
    const event = userEdit(env, 'シート1', 'C2', [['12']]);
    expect(env.spreadsheet.peekSheet('シート1').peekValues('C2')).toEqual([[12]]);
    expect(runFunction(context, 'onEdit', event)).toBe('C2=12');
    expect(runFunction(context, 'onEdit', { ...event, authMode: env.globals.ScriptApp.AuthMode.NONE })).toBe('skipped');
  });
});

describe('types follow @types/google-apps-script', () => {
  it('accepts fakes where the real types are expected', () => {
    const spreadsheet = new FakeSpreadsheet();
    const sheet: GoogleAppsScript.Spreadsheet.Sheet = toGas(spreadsheet.peekSheet('シート1'));
    expect(sheet.getName()).toBe('シート1');
    expect(spreadsheet.getRange("'シート1'!B2:C3")).toBeInstanceOf(FakeRange);
  });

  it('rejects at compile time what the real services lack (checked by tsc)', () => {
    const neverCalled = (range: FakeRange): void => {
      // @ts-expect-error Range has no getValuez
      range.getValuez();
      // @ts-expect-error setValues takes a 2-D array
      range.setValues(['a']);
      // @ts-expect-error getRange takes numbers or an A1 string
      range.getSheet().getRange(true);
    };
    expect(typeof neverCalled).toBe('function');
  });
});
