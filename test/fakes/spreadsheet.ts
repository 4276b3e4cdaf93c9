/**
 * An in-memory, stateful SpreadsheetApp for tests: spreadsheets, sheets and ranges that behave like
 * Sheets where our code depends on it, count every call (see CallLog) and can be made to fail (see
 * FaultInjector). Methods named like Apps Script's are the service (counted); `peek…` methods and the
 * helpers in gas-globals.ts inspect or arrange state without counting.
 */
import {
  DEFAULT_BACKGROUND,
  DEFAULT_FONT_SIZE,
  DEFAULT_NUMBER_FORMAT,
  a1Notation,
  intersects,
  normalizeColor,
  parseA1,
  splitSheetName,
  storedFormula,
  type CellValue,
  type Rect,
} from './cells';
import * as E from './enums';
import type { Fake, FakeOf } from './fake-of';
import { Grid, type HorizontalAlignment } from './grid';
import type {
  BooleanConditionMethod,
  ConditionalFormatRuleBuilderMethod,
  ConditionalFormatRuleMethod,
  ContainerInfoMethod,
  DataValidationBuilderMethod,
  DataValidationMethod,
  DeveloperMetadataMethod,
  EmbeddedChartBuilderMethod,
  EmbeddedChartMethod,
  ProtectionMethod,
  RangeListMethod,
  RangeMethod,
  SheetMethod,
  SpreadsheetAppMethod,
  SpreadsheetMethod,
} from './methods';
import { Counted, Runtime, enumName, own } from './runtime';
import type { FakeUi } from './services';

export * from './services';
export { CallLog, FaultInjector, Runtime, type FaultOptions } from './runtime';
export { toGas, type Fake, type FakeOf } from './fake-of';
export type { CellValue } from './cells';

type GasSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type GasDeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type MetadataVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
type GasDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GasChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type GasBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type GasConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;

/** Sheets' limit on cells in one spreadsheet, over all its sheets. */
export const MAX_SPREADSHEET_CELLS = 10_000_000;
const DEFAULT_COLUMN_WIDTH = 100;
/** Sheets' default row height, and the size of a chart built without width and height options, in pixels. */
const ROW_HEIGHT = 21;
const CHART_WIDTH = 600;
const CHART_HEIGHT = 371;

function checkPositive(rt: Runtime, value: number, message: string): void {
  if (!Number.isInteger(value)) throw rt.error(`Invalid argument: ${value}`);
  if (value < 1) throw rt.error(message);
}

/** A rectangle from getRange-style numbers, checked with Sheets' messages. */
function rectOf(rt: Runtime, row: number, column: number, numRows = 1, numColumns = 1): Rect {
  checkPositive(rt, row, 'The starting row of the range is too small.');
  checkPositive(rt, column, 'The starting column of the range is too small.');
  checkPositive(rt, numRows, 'The number of rows in the range must be at least 1.');
  checkPositive(rt, numColumns, 'The number of columns in the range must be at least 1.');
  return { row, column, numRows, numColumns };
}

/**
 * Sheets' refusal of a range past the sheet's last row or column (getRange, offset, a RangeList): a range that
 * does not exist cannot be written, and the sheet never grows by itself (appendRow aside).
 */
function inGrid(rt: Runtime, grid: Grid<unknown>, rect: Rect): Rect {
  if (rect.row + rect.numRows - 1 > grid.maxRows || rect.column + rect.numColumns - 1 > grid.maxColumns) {
    throw rt.error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return rect;
}

/** Sheets' refusal of a change to protected cells by someone who may not edit them. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

// ------------------------------------------------------------------------------- data validation

interface ValidationState {
  readonly criteria: Criteria | undefined;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export class FakeDataValidation extends Counted<'DataValidation', DataValidationMethod> implements FakeOf<GasDataValidation, DataValidationMethod> {
  declare readonly __gasType: GasDataValidation;

  constructor(
    rt: Runtime,
    private readonly state: ValidationState & { readonly criteria: Criteria },
  ) {
    super(rt, 'DataValidation');
  }

  /** Uncounted: the rule, for assertions ({ criteria: 'VALUE_IN_LIST', values, allowInvalid, helpText }). */
  peek(): { criteria: string; values: readonly unknown[]; allowInvalid: boolean; helpText: string } {
    const s = this.state;
    return { criteria: enumName(s.criteria) ?? '', values: s.values, allowInvalid: s.allowInvalid, helpText: s.helpText ?? '' };
  }

  copy(): FakeDataValidationBuilder {
    this.enter('copy');
    return new FakeDataValidationBuilder(this.rt, this.state);
  }

  getAllowInvalid(): boolean {
    this.enter('getAllowInvalid');
    return this.state.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.enter('getCriteriaType');
    return this.state.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.enter('getCriteriaValues');
    return [...this.state.values];
  }

  getHelpText(): string {
    this.enter('getHelpText');
    return this.state.helpText ?? '';
  }
}

export class FakeDataValidationBuilder
  extends Counted<'DataValidationBuilder', DataValidationBuilderMethod>
  implements FakeOf<GasDataValidationBuilder, DataValidationBuilderMethod>
{
  declare readonly __gasType: GasDataValidationBuilder;
  private state: ValidationState;

  constructor(rt: Runtime, from?: ValidationState) {
    super(rt, 'DataValidationBuilder');
    // New rules warn rather than reject, as in Sheets.
    this.state = from ?? { criteria: undefined, values: [], allowInvalid: true, helpText: null };
  }

  private with(change: Partial<ValidationState>): this {
    this.state = { ...this.state, ...change };
    return this;
  }

  build(): FakeDataValidation {
    this.enter('build');
    const { criteria } = this.state;
    if (criteria === undefined) throw this.rt.error('You must specify a criteria type for the data validation rule.');
    return new FakeDataValidation(this.rt, { ...this.state, criteria });
  }

  copy(): FakeDataValidationBuilder {
    this.enter('copy');
    return new FakeDataValidationBuilder(this.rt, this.state);
  }

  getAllowInvalid(): boolean {
    this.enter('getAllowInvalid');
    return this.state.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.enter('getCriteriaType');
    if (this.state.criteria === undefined) throw this.rt.error('The data validation rule has no criteria.');
    return this.state.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.enter('getCriteriaValues');
    return [...this.state.values];
  }

  getHelpText(): string | null {
    this.enter('getHelpText');
    return this.state.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.enter('requireCheckbox');
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.with({ criteria: E.DataValidationCriteria.CHECKBOX, values });
  }

  requireDate(): this {
    this.enter('requireDate');
    return this.with({ criteria: E.DataValidationCriteria.DATE_IS_VALID_DATE, values: [] });
  }

  requireNumberBetween(start: number, end: number): this {
    this.enter('requireNumberBetween');
    return this.with({ criteria: E.DataValidationCriteria.NUMBER_BETWEEN, values: [start, end] });
  }

  requireValueInList(values: string[], showDropdown = true): this {
    this.enter('requireValueInList');
    return this.with({ criteria: E.DataValidationCriteria.VALUE_IN_LIST, values: [[...values], showDropdown] });
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.enter('setAllowInvalid');
    return this.with({ allowInvalid: allowInvalidData });
  }

  setHelpText(helpText: string): this {
    this.enter('setHelpText');
    return this.with({ helpText });
  }
}

// ------------------------------------------------------------------------------ conditional format

/** A boolean conditional format: only custom formulas and a background are modelled (no evaluation). */
interface ConditionalState {
  readonly formula: string | undefined;
  readonly background: string | null;
  readonly ranges: readonly FakeRange[];
}

export class FakeBooleanCondition extends Counted<'BooleanCondition', BooleanConditionMethod> implements FakeOf<GasBooleanCondition, BooleanConditionMethod> {
  declare readonly __gasType: GasBooleanCondition;

  constructor(
    rt: Runtime,
    private readonly state: ConditionalState & { readonly formula: string },
  ) {
    super(rt, 'BooleanCondition');
  }

  getBackground(): string | null {
    this.enter('getBackground');
    return this.state.background;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.enter('getCriteriaType');
    return E.BooleanCriteria.CUSTOM_FORMULA;
  }

  /** The formula as Sheets stores it (storedFormula): not necessarily the text it was given. */
  getCriteriaValues(): unknown[] {
    this.enter('getCriteriaValues');
    return [storedFormula(this.state.formula, this.state.ranges[0]?.sheet.parent.peekLocale() ?? '')];
  }
}

export class FakeConditionalFormatRule
  extends Counted<'ConditionalFormatRule', ConditionalFormatRuleMethod>
  implements FakeOf<GasConditionalFormatRule, ConditionalFormatRuleMethod>
{
  declare readonly __gasType: GasConditionalFormatRule;

  constructor(
    rt: Runtime,
    private readonly state: ConditionalState & { readonly formula: string },
  ) {
    super(rt, 'ConditionalFormatRule');
  }

  /** Uncounted: the rule, for assertions ({ formula, background, ranges: ['B2:B1000'] }). */
  peek(): { formula: string; background: string | null; ranges: string[] } {
    return { formula: this.state.formula, background: this.state.background, ranges: this.state.ranges.map((r) => r.peekA1()) };
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.enter('copy');
    return new FakeConditionalFormatRuleBuilder(this.rt, this.state);
  }

  getBooleanCondition(): FakeBooleanCondition {
    this.enter('getBooleanCondition');
    return new FakeBooleanCondition(this.rt, this.state);
  }

  getRanges(): FakeRange[] {
    this.enter('getRanges');
    return [...this.state.ranges];
  }
}

export class FakeConditionalFormatRuleBuilder
  extends Counted<'ConditionalFormatRuleBuilder', ConditionalFormatRuleBuilderMethod>
  implements FakeOf<GasConditionalFormatRuleBuilder, ConditionalFormatRuleBuilderMethod>
{
  declare readonly __gasType: GasConditionalFormatRuleBuilder;
  private state: ConditionalState;

  constructor(rt: Runtime, from?: ConditionalState) {
    super(rt, 'ConditionalFormatRuleBuilder');
    this.state = from ?? { formula: undefined, background: null, ranges: [] };
  }

  build(): FakeConditionalFormatRule {
    this.enter('build');
    const { formula } = this.state;
    // Sheets refuses a rule without a condition or without a range.
    if (formula === undefined) throw this.rt.error('Conditional format rule cannot have no condition.');
    if (this.state.ranges.length === 0) throw this.rt.error('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(this.rt, { ...this.state, formula });
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.enter('copy');
    return new FakeConditionalFormatRuleBuilder(this.rt, this.state);
  }

  getBooleanCondition(): FakeBooleanCondition | null {
    this.enter('getBooleanCondition');
    const { formula } = this.state;
    return formula === undefined ? null : new FakeBooleanCondition(this.rt, { ...this.state, formula });
  }

  getRanges(): FakeRange[] {
    this.enter('getRanges');
    return [...this.state.ranges];
  }

  setBackground(color: string | null): this {
    this.enter('setBackground');
    this.state = { ...this.state, background: color === null ? null : normalizeColor(color) };
    return this;
  }

  setRanges(ranges: Fake<GasRange>[]): this {
    this.enter('setRanges');
    this.state = { ...this.state, ranges: ranges.map((r) => own(this.rt, r, FakeRange, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges')) };
    return this;
  }

  whenFormulaSatisfied(formula: string): this {
    this.enter('whenFormulaSatisfied');
    this.state = { ...this.state, formula };
    return this;
  }
}

// ------------------------------------------------------------------------------------ protection

export class FakeProtection extends Counted<'Protection', ProtectionMethod> implements FakeOf<GasProtection, ProtectionMethod> {
  declare readonly __gasType: GasProtection;
  private description = '';
  private warningOnly = false;
  /** The running user is not among the protection's editors (arranged by a test: denyRunningUser). */
  private denied = false;
  private unprotected: FakeRange[] = [];

  constructor(
    rt: Runtime,
    private readonly sheet: FakeSheet,
    private readonly type: ProtectionType,
    /** The protected block; undefined for the whole sheet. */
    private readonly rect: Rect | undefined,
  ) {
    super(rt, 'Protection');
  }

  /** Uncounted: what is protected and how. */
  peek(): { type: string; range: string | undefined; description: string; warningOnly: boolean } {
    return {
      type: enumName(this.type) ?? '',
      range: this.rect && a1Notation(this.rect),
      description: this.description,
      warningOnly: this.warningOnly,
    };
  }

  /** Uncounted: the running user is no longer among this protection's editors (someone else set it up). */
  denyRunningUser(): this {
    this.denied = true;
    return this;
  }

  /**
   * Uncounted: whether a change of rect by the running user is refused. A warning-only protection refuses
   * nothing (its warning is a prompt to people, not to scripts); a sheet protection leaves its unprotected
   * ranges open.
   */
  refuses(rect: Rect): boolean {
    if (!this.denied || this.warningOnly) return false;
    if (this.rect) return intersects(this.rect, rect);
    const open = this.unprotected.map((r) => r.rect);
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
        if (!open.some((o) => r >= o.row && r < o.row + o.numRows && c >= o.column && c < o.column + o.numColumns)) return true;
      }
    }
    return false;
  }

  canEdit(): boolean {
    this.enter('canEdit');
    return !this.denied || this.warningOnly;
  }

  getUnprotectedRanges(): FakeRange[] {
    this.enter('getUnprotectedRanges');
    return [...this.unprotected];
  }

  setUnprotectedRanges(ranges: Fake<GasRange>[]): this {
    this.enter('setUnprotectedRanges');
    this.unprotected = ranges.map((r) => own(this.rt, r, FakeRange, 'SpreadsheetApp.Protection.setUnprotectedRanges'));
    return this;
  }

  getDescription(): string {
    this.enter('getDescription');
    return this.description;
  }

  getProtectionType(): ProtectionType {
    this.enter('getProtectionType');
    return this.type;
  }

  getRange(): FakeRange {
    this.enter('getRange');
    const grid = this.sheet.grid;
    return new FakeRange(this.rt, this.sheet, this.rect ?? { row: 1, column: 1, numRows: grid.maxRows, numColumns: grid.maxColumns });
  }

  isWarningOnly(): boolean {
    this.enter('isWarningOnly');
    return this.warningOnly;
  }

  remove(): void {
    this.enter('remove');
    this.sheet.removeProtection(this);
  }

  setDescription(description: string): this {
    this.enter('setDescription');
    this.description = description;
    return this;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.enter('setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }
}

// ---------------------------------------------------------------------------------------- charts

interface ChartState {
  readonly chartType: GoogleAppsScript.Charts.ChartType | undefined;
  readonly ranges: readonly FakeRange[];
  readonly position: { readonly row: number; readonly column: number; readonly offsetX: number; readonly offsetY: number };
  readonly options: ReadonlyMap<string, unknown>;
}

export class FakeContainerInfo extends Counted<'ContainerInfo', ContainerInfoMethod> implements FakeOf<GasContainerInfo, ContainerInfoMethod> {
  declare readonly __gasType: GasContainerInfo;

  constructor(
    rt: Runtime,
    private readonly position: ChartState['position'],
  ) {
    super(rt, 'ContainerInfo');
  }

  getAnchorColumn(): number {
    this.enter('getAnchorColumn');
    return this.position.column;
  }

  getAnchorRow(): number {
    this.enter('getAnchorRow');
    return this.position.row;
  }

  getOffsetX(): number {
    this.enter('getOffsetX');
    return this.position.offsetX;
  }

  getOffsetY(): number {
    this.enter('getOffsetY');
    return this.position.offsetY;
  }
}

export class FakeEmbeddedChart extends Counted<'EmbeddedChart', EmbeddedChartMethod> implements FakeOf<GasChart, EmbeddedChartMethod> {
  declare readonly __gasType: GasChart;

  constructor(
    rt: Runtime,
    private readonly sheet: FakeSheet,
    readonly chartId: number,
    private readonly state: ChartState,
  ) {
    super(rt, 'EmbeddedChart');
  }

  /** Uncounted: the chart as built ({ chartType: 'COLUMN', ranges: ['A1:B5'], position, options }). */
  peek(): { chartType: string | undefined; ranges: string[]; position: ChartState['position']; options: Record<string, unknown> } {
    return {
      chartType: enumName(this.state.chartType),
      ranges: this.state.ranges.map((r) => a1Notation(r.rect)),
      position: this.state.position,
      options: Object.fromEntries(this.state.options),
    };
  }

  /** Uncounted: the same chart with its anchor `rows` lower (rows inserted or deleted above it move it). */
  movedDown(rows: number): FakeEmbeddedChart {
    const { position } = this.state;
    return new FakeEmbeddedChart(this.rt, this.sheet, this.chartId, { ...this.state, position: { ...position, row: position.row + rows } });
  }

  getChartId(): number {
    this.enter('getChartId');
    return this.chartId;
  }

  getContainerInfo(): FakeContainerInfo {
    this.enter('getContainerInfo');
    return new FakeContainerInfo(this.rt, this.state.position);
  }

  getRanges(): FakeRange[] {
    this.enter('getRanges');
    return [...this.state.ranges];
  }

  modify(): FakeEmbeddedChartBuilder {
    this.enter('modify');
    return new FakeEmbeddedChartBuilder(this.rt, this.sheet, this.state, this.chartId);
  }
}

export class FakeEmbeddedChartBuilder
  extends Counted<'EmbeddedChartBuilder', EmbeddedChartBuilderMethod>
  implements FakeOf<GasChartBuilder, EmbeddedChartBuilderMethod>
{
  declare readonly __gasType: GasChartBuilder;
  private state: ChartState;

  constructor(
    rt: Runtime,
    private readonly sheet: FakeSheet,
    from?: ChartState,
    private readonly chartId?: number,
  ) {
    super(rt, 'EmbeddedChartBuilder');
    this.state = from ?? { chartType: undefined, ranges: [], position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, options: new Map() };
  }

  addRange(range: Fake<GasRange>): this {
    this.enter('addRange');
    const owned = own(this.rt, range, FakeRange, 'SpreadsheetApp.EmbeddedChartBuilder.addRange');
    this.state = { ...this.state, ranges: [...this.state.ranges, owned] };
    return this;
  }

  build(): FakeEmbeddedChart {
    this.enter('build');
    return new FakeEmbeddedChart(this.rt, this.sheet, this.chartId ?? this.rt.id(), this.state);
  }

  getRanges(): FakeRange[] {
    this.enter('getRanges');
    return [...this.state.ranges];
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    this.enter('setChartType');
    this.state = { ...this.state, chartType: type };
    return this;
  }

  setNumHeaders(headers: number): this {
    this.enter('setNumHeaders');
    this.state = { ...this.state, options: new Map([...this.state.options, ['numHeaders', headers]]) };
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.enter('setOption');
    this.state = { ...this.state, options: new Map([...this.state.options, [option, value]]) };
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.enter('setPosition');
    this.state = { ...this.state, position: { row: anchorRowPos, column: anchorColPos, offsetX, offsetY } };
    return this;
  }
}

// ----------------------------------------------------------------------------------------- range

/** A block of cells of a FakeSheet. Immutable, like Apps Script's Range: it always names the same cells. */
export class FakeRange extends Counted<'Range', RangeMethod> implements FakeOf<GasRange, RangeMethod> {
  declare readonly __gasType: GasRange;

  constructor(
    rt: Runtime,
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {
    super(rt, 'Range');
  }

  private get grid(): Grid<FakeDataValidation> {
    return this.sheet.grid;
  }

  private what(method: string): string {
    return `SpreadsheetApp.Range.${method}`;
  }

  private topLeft(): Rect {
    return { row: this.rect.row, column: this.rect.column, numRows: 1, numColumns: 1 };
  }

  /** Uncounted: the A1 notation, for messages and assertions. */
  peekA1(): string {
    return a1Notation(this.rect);
  }

  activate(): this {
    this.enter('activate');
    this.sheet.parent.select(this.sheet, this.rect);
    return this;
  }

  breakApart(): this {
    this.enter('breakApart');
    this.grid.breakApart(this.rect);
    return this;
  }

  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): this {
    this.enter('clear');
    const o = options ?? {};
    const selective = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!selective || o.contentsOnly) this.grid.clearContent(this.rect);
    if (!selective || o.formatOnly) this.grid.clearFormat(this.rect);
    if (o.commentsOnly) this.grid.clearLayers(this.rect, [this.grid.notes]);
    if (o.validationsOnly) this.grid.clearLayers(this.rect, [this.grid.validations]);
    return this;
  }

  clearContent(): this {
    this.enter('clearContent');
    this.grid.clearContent(this.rect);
    return this;
  }

  clearDataValidations(): this {
    this.enter('clearDataValidations');
    this.grid.clearLayers(this.rect, [this.grid.validations]);
    return this;
  }

  clearFormat(): this {
    this.enter('clearFormat');
    this.grid.clearFormat(this.rect);
    return this;
  }

  clearNote(): this {
    this.enter('clearNote');
    this.grid.clearLayers(this.rect, [this.grid.notes]);
    return this;
  }

  getA1Notation(): string {
    this.enter('getA1Notation');
    return a1Notation(this.rect);
  }

  getBackground(): string {
    this.enter('getBackground');
    return this.grid.readLayer(this.grid.backgrounds, this.topLeft(), DEFAULT_BACKGROUND)[0]?.[0] ?? DEFAULT_BACKGROUND;
  }

  getBackgrounds(): string[][] {
    this.enter('getBackgrounds');
    return this.grid.readLayer(this.grid.backgrounds, this.rect, DEFAULT_BACKGROUND);
  }

  getCell(row: number, column: number): FakeRange {
    this.enter('getCell');
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) throw this.rt.error('Cell reference out of range');
    return new FakeRange(this.rt, this.sheet, rectOf(this.rt, this.rect.row + row - 1, this.rect.column + column - 1));
  }

  getColumn(): number {
    this.enter('getColumn');
    return this.rect.column;
  }

  getDataValidation(): FakeDataValidation | null {
    this.enter('getDataValidation');
    return this.grid.readLayer(this.grid.validations, this.topLeft(), null)[0]?.[0] ?? null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.enter('getDataValidations');
    return this.grid.readLayer(this.grid.validations, this.rect, null);
  }

  getDisplayValue(): string {
    this.enter('getDisplayValue');
    return this.grid.readDisplay(this.topLeft())[0]?.[0] ?? '';
  }

  getDisplayValues(): string[][] {
    this.enter('getDisplayValues');
    return this.grid.readDisplay(this.rect);
  }

  getFontSize(): number {
    this.enter('getFontSize');
    return this.grid.readLayer(this.grid.fontSizes, this.topLeft(), DEFAULT_FONT_SIZE)[0]?.[0] ?? DEFAULT_FONT_SIZE;
  }

  getFontSizes(): number[][] {
    this.enter('getFontSizes');
    return this.grid.readLayer(this.grid.fontSizes, this.rect, DEFAULT_FONT_SIZE);
  }

  getFontWeight(): FontWeight {
    this.enter('getFontWeight');
    return this.grid.readLayer(this.grid.fontWeights, this.topLeft(), 'normal' as const)[0]?.[0] ?? 'normal';
  }

  getFontWeights(): FontWeight[][] {
    this.enter('getFontWeights');
    return this.grid.readLayer(this.grid.fontWeights, this.rect, 'normal' as const);
  }

  getFormula(): string {
    this.enter('getFormula');
    return this.grid.readLayer(this.grid.formulas, this.topLeft(), '')[0]?.[0] ?? '';
  }

  getFormulas(): string[][] {
    this.enter('getFormulas');
    return this.grid.readLayer(this.grid.formulas, this.rect, '');
  }

  getHorizontalAlignment(): string {
    this.enter('getHorizontalAlignment');
    return this.grid.readLayer(this.grid.alignments, this.topLeft(), 'general')[0]?.[0] ?? 'general';
  }

  getHorizontalAlignments(): string[][] {
    this.enter('getHorizontalAlignments');
    return this.grid.readLayer(this.grid.alignments, this.rect, 'general');
  }

  getLastColumn(): number {
    this.enter('getLastColumn');
    return this.rect.column + this.rect.numColumns - 1;
  }

  getLastRow(): number {
    this.enter('getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }

  getMergedRanges(): FakeRange[] {
    this.enter('getMergedRanges');
    return this.grid.mergesIn(this.rect).map((m) => new FakeRange(this.rt, this.sheet, m));
  }

  getNote(): string {
    this.enter('getNote');
    return this.grid.readLayer(this.grid.notes, this.topLeft(), '')[0]?.[0] ?? '';
  }

  getNotes(): string[][] {
    this.enter('getNotes');
    return this.grid.readLayer(this.grid.notes, this.rect, '');
  }

  getNumColumns(): number {
    this.enter('getNumColumns');
    return this.rect.numColumns;
  }

  getNumRows(): number {
    this.enter('getNumRows');
    return this.rect.numRows;
  }

  getNumberFormat(): string {
    this.enter('getNumberFormat');
    return this.grid.readLayer(this.grid.numberFormats, this.topLeft(), DEFAULT_NUMBER_FORMAT)[0]?.[0] ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    this.enter('getNumberFormats');
    return this.grid.readLayer(this.grid.numberFormats, this.rect, DEFAULT_NUMBER_FORMAT);
  }

  getRow(): number {
    this.enter('getRow');
    return this.rect.row;
  }

  getSheet(): FakeSheet {
    this.enter('getSheet');
    return this.sheet;
  }

  getValue(): CellValue | '' {
    this.enter('getValue');
    return this.grid.readValues(this.topLeft(), (d) => this.rt.date(d.getTime()))[0]?.[0] ?? '';
  }

  getValues(): (CellValue | '')[][] {
    this.enter('getValues');
    return this.grid.readValues(this.rect, (d) => this.rt.date(d.getTime()));
  }

  getWrap(): boolean {
    this.enter('getWrap');
    return this.grid.readLayer(this.grid.wraps, this.topLeft(), false)[0]?.[0] ?? false;
  }

  getWraps(): boolean[][] {
    this.enter('getWraps');
    return this.grid.readLayer(this.grid.wraps, this.rect, false);
  }

  isBlank(): boolean {
    this.enter('isBlank');
    return this.grid.readLayer(this.grid.values, this.rect, undefined).every((row) => row.every((v) => v === undefined));
  }

  merge(): this {
    this.enter('merge');
    this.grid.merge(this.rect);
    return this;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.enter('offset');
    const rect = rectOf(this.rt, this.rect.row + rowOffset, this.rect.column + columnOffset, numRows ?? this.rect.numRows, numColumns ?? this.rect.numColumns);
    return new FakeRange(this.rt, this.sheet, inGrid(this.rt, this.grid, rect));
  }

  protect(): FakeProtection {
    this.enter('protect');
    return this.sheet.addProtection(E.ProtectionType.RANGE, this.rect);
  }

  setBackground(color: string | null): this {
    this.enter('setBackground');
    const stored = color === null ? undefined : normalizeColor(color);
    this.grid.fill(this.grid.backgrounds, this.rect, () => stored);
    return this;
  }

  setBackgrounds(color: (string | null)[][]): this {
    this.enter('setBackgrounds');
    this.grid.checkShape(color, this.rect, this.what('setBackgrounds'));
    this.grid.fill(this.grid.backgrounds, this.rect, (i, j) => {
      const c = color[i]?.[j];
      // null (or '') resets to the default, as in Sheets.
      return typeof c === 'string' && c !== '' ? normalizeColor(c) : undefined;
    });
    return this;
  }

  setDataValidation(rule: Fake<GasDataValidation> | null): this {
    this.enter('setDataValidation');
    const owned = rule === null ? undefined : own(this.rt, rule, FakeDataValidation, this.what('setDataValidation'));
    this.grid.fill(this.grid.validations, this.rect, () => owned);
    return this;
  }

  setDataValidations(rules: (Fake<GasDataValidation> | null)[][]): this {
    this.enter('setDataValidations');
    this.grid.checkShape(rules, this.rect, this.what('setDataValidations'));
    const owned = rules.map((row) => row.map((rule) => (rule === null ? undefined : own(this.rt, rule, FakeDataValidation, this.what('setDataValidations')))));
    this.grid.fill(this.grid.validations, this.rect, (i, j) => owned[i]?.[j]);
    return this;
  }

  setFontWeight(fontWeight: FontWeight | null): this {
    this.enter('setFontWeight');
    this.grid.fill(this.grid.fontWeights, this.rect, () => (fontWeight === 'bold' ? 'bold' : undefined));
    return this;
  }

  setFontSize(size: number): this {
    this.enter('setFontSize');
    this.grid.fill(this.grid.fontSizes, this.rect, () => size);
    return this;
  }

  /**
   * A size for every cell: the reference documents no null here (as it does for setFontWeights and
   * setBackgrounds), so the fake refuses one, and anything but a whole number of points, as RangeList.setFontSize does.
   */
  setFontSizes(sizes: number[][]): this {
    this.enter('setFontSizes');
    this.grid.checkShape(sizes, this.rect, this.what('setFontSizes'));
    for (const row of sizes) for (const size of row) if (!Number.isInteger(size)) throw this.rt.badArguments(this.what('setFontSizes'), [sizes]);
    this.grid.fill(this.grid.fontSizes, this.rect, (i, j) => sizes[i]?.[j]);
    return this;
  }

  setFontStyle(fontStyle: string | null): this {
    this.enter('setFontStyle');
    this.grid.fill(this.grid.fontStyles, this.rect, () => (fontStyle === 'italic' ? 'italic' : undefined));
    return this;
  }

  setFontStyles(fontStyles: (FontStyle | null)[][]): this {
    this.enter('setFontStyles');
    this.grid.checkShape(fontStyles, this.rect, this.what('setFontStyles'));
    this.grid.fill(this.grid.fontStyles, this.rect, (i, j) => (fontStyles[i]?.[j] === 'italic' ? 'italic' : undefined));
    return this;
  }

  setFontWeights(fontWeights: (FontWeight | null)[][]): this {
    this.enter('setFontWeights');
    this.grid.checkShape(fontWeights, this.rect, this.what('setFontWeights'));
    this.grid.fill(this.grid.fontWeights, this.rect, (i, j) => (fontWeights[i]?.[j] === 'bold' ? 'bold' : undefined));
    return this;
  }

  setFormula(formula: string): this {
    this.enter('setFormula');
    this.grid.writeInput(this.rect, () => formula, true);
    return this;
  }

  setFormulas(formulas: string[][]): this {
    this.enter('setFormulas');
    this.grid.checkShape(formulas, this.rect, this.what('setFormulas'));
    this.grid.writeInput(this.rect, (i, j) => formulas[i]?.[j], true);
    return this;
  }

  setHorizontalAlignment(alignment: HorizontalAlignment | null): this {
    this.enter('setHorizontalAlignment');
    this.grid.fill(this.grid.alignments, this.rect, () => alignment ?? undefined);
    return this;
  }

  setHorizontalAlignments(alignments: (HorizontalAlignment | null)[][]): this {
    this.enter('setHorizontalAlignments');
    this.grid.checkShape(alignments, this.rect, this.what('setHorizontalAlignments'));
    this.grid.fill(this.grid.alignments, this.rect, (i, j) => alignments[i]?.[j] ?? undefined);
    return this;
  }

  setNote(note: string | null): this {
    this.enter('setNote');
    this.grid.fill(this.grid.notes, this.rect, () => note || undefined);
    return this;
  }

  setNotes(notes: (string | null)[][]): this {
    this.enter('setNotes');
    this.grid.checkShape(notes, this.rect, this.what('setNotes'));
    this.grid.fill(this.grid.notes, this.rect, (i, j) => notes[i]?.[j] || undefined);
    return this;
  }

  setNumberFormat(numberFormat: string): this {
    this.enter('setNumberFormat');
    this.grid.fill(this.grid.numberFormats, this.rect, () => numberFormat);
    return this;
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.enter('setNumberFormats');
    this.grid.checkShape(numberFormats, this.rect, this.what('setNumberFormats'));
    this.grid.fill(this.grid.numberFormats, this.rect, (i, j) => numberFormats[i]?.[j]);
    return this;
  }

  setValue(value: unknown): this {
    this.enter('setValue');
    this.grid.writeInput(this.rect, () => value);
    return this;
  }

  setValues(values: unknown[][]): this {
    this.enter('setValues');
    this.grid.checkShape(values, this.rect, this.what('setValues'));
    this.grid.writeInput(this.rect, (i, j) => values[i]?.[j]);
    return this;
  }

  setWrap(isWrapEnabled: boolean): this {
    this.enter('setWrap');
    this.grid.fill(this.grid.wraps, this.rect, () => isWrapEnabled || undefined);
    return this;
  }

  setWraps(isWrapEnabled: boolean[][]): this {
    this.enter('setWraps');
    this.grid.checkShape(isWrapEnabled, this.rect, this.what('setWraps'));
    this.grid.fill(this.grid.wraps, this.rect, (i, j) => isWrapEnabled[i]?.[j] || undefined);
    return this;
  }
}

// ------------------------------------------------------------------------------------ range list

/**
 * Ranges of one sheet that take a format together (Sheet.getRangeList): one call formats them all. Only the
 * setters our code uses are modelled.
 */
export class FakeRangeList extends Counted<'RangeList', RangeListMethod> implements FakeOf<GasRangeList, RangeListMethod> {
  declare readonly __gasType: GasRangeList;

  constructor(
    rt: Runtime,
    private readonly ranges: readonly FakeRange[],
  ) {
    super(rt, 'RangeList');
  }

  /** Uncounted: the A1 notations, for assertions. */
  peekA1s(): string[] {
    return this.ranges.map((r) => r.peekA1());
  }

  getRanges(): FakeRange[] {
    this.enter('getRanges');
    return [...this.ranges];
  }

  /** Every cell of every range, as Range.setBackground (null resets); one call for all of them. */
  setBackground(color: string | null): this {
    this.enter('setBackground');
    const stored = color === null || color === '' ? undefined : normalizeColor(color);
    this.guardAll();
    for (const range of this.ranges) range.sheet.grid.fill(range.sheet.grid.backgrounds, range.rect, () => stored);
    return this;
  }

  setNote(note: string | null): this {
    this.enter('setNote');
    this.guardAll();
    for (const range of this.ranges) range.sheet.grid.fill(range.sheet.grid.notes, range.rect, () => note || undefined);
    return this;
  }

  /** Every cell of every range takes the value, parsed as typed input like Range.setValue. */
  setValue(value: unknown): this {
    this.enter('setValue');
    this.guardAll();
    for (const range of this.ranges) range.sheet.grid.writeInput(range.rect, () => value);
    return this;
  }

  /** A RangeList changes all its ranges or none: every one is checked before the first is changed. */
  private guardAll(): void {
    for (const range of this.ranges) range.sheet.guardEdit(range.rect);
  }

  setFontSize(size: number): this {
    this.enter('setFontSize');
    if (!Number.isInteger(size)) throw this.rt.badArguments('SpreadsheetApp.RangeList.setFontSize', [size]);
    this.guardAll();
    for (const range of this.ranges) range.sheet.grid.fill(range.sheet.grid.fontSizes, range.rect, () => size);
    return this;
  }

  setNumberFormat(numberFormat: string): this {
    this.enter('setNumberFormat');
    if (typeof numberFormat !== 'string') throw this.rt.badArguments('SpreadsheetApp.RangeList.setNumberFormat', [numberFormat]);
    this.guardAll();
    for (const range of this.ranges) range.sheet.grid.fill(range.sheet.grid.numberFormats, range.rect, () => numberFormat);
    return this;
  }

  /** RangeList.setWrap(isWrapEnabled: Boolean): a boolean, nothing else (Apps Script refuses the call otherwise). */
  setWrap(isWrapEnabled: boolean): this {
    this.enter('setWrap');
    if (typeof isWrapEnabled !== 'boolean') throw this.rt.badArguments('SpreadsheetApp.RangeList.setWrap', [isWrapEnabled]);
    this.guardAll();
    for (const range of this.ranges) range.sheet.grid.fill(range.sheet.grid.wraps, range.rect, () => isWrapEnabled || undefined);
    return this;
  }
}

// ---------------------------------------------------------------------------- developer metadata

/**
 * A key (and value) a script attaches to a sheet (Sheet.addDeveloperMetadata), invisible to people. Only
 * sheet-level metadata is modelled; every project is the test's one project, so PROJECT visibility hides
 * nothing here.
 */
export class FakeDeveloperMetadata
  extends Counted<'DeveloperMetadata', DeveloperMetadataMethod>
  implements FakeOf<GasDeveloperMetadata, DeveloperMetadataMethod>
{
  declare readonly __gasType: GasDeveloperMetadata;

  constructor(
    rt: Runtime,
    readonly key: string,
    readonly value: string | null,
    readonly visibility: MetadataVisibility,
  ) {
    super(rt, 'DeveloperMetadata');
  }

  getKey(): string {
    this.enter('getKey');
    return this.key;
  }

  getValue(): string | null {
    this.enter('getValue');
    return this.value;
  }

  getVisibility(): MetadataVisibility {
    this.enter('getVisibility');
    return this.visibility;
  }
}

// ----------------------------------------------------------------------------------------- sheet

/** Everything about one cell, for assertions. */
export interface CellSnapshot {
  readonly value: CellValue | '';
  readonly formula: string;
  readonly note: string;
  readonly background: string;
  readonly numberFormat: string;
  readonly fontWeight: FontWeight;
  readonly horizontalAlignment: string;
  readonly wrap: boolean;
  readonly validation: FakeDataValidation | null;
}

/** A sheet's own state, for assertions. */
export interface SheetSnapshot {
  readonly name: string;
  readonly sheetId: number;
  readonly index: number;
  readonly hidden: boolean;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly tabColor: string | null;
  readonly columnWidths: ReadonlyMap<number, number>;
  readonly autoResizedColumns: readonly number[];
  readonly merges: readonly string[];
  readonly protections: readonly FakeProtection[];
  readonly charts: readonly FakeEmbeddedChart[];
}

export class FakeSheet extends Counted<'Sheet', SheetMethod> implements FakeOf<GasSheet, SheetMethod> {
  declare readonly __gasType: GasSheet;
  /** The cells. Uncounted internals: tests read them through the peek… methods. */
  readonly grid: Grid<FakeDataValidation>;
  private hidden = false;
  private frozenRows = 0;
  private frozenColumns = 0;
  private tabColor: string | null = null;
  private readonly columnWidths = new Map<number, number>();
  private readonly autoResized = new Set<number>();
  private protections: FakeProtection[] = [];
  private charts: FakeEmbeddedChart[] = [];
  private conditionalRules: FakeConditionalFormatRule[] = [];
  private metadata: FakeDeveloperMetadata[] = [];

  constructor(
    rt: Runtime,
    readonly parent: FakeSpreadsheet,
    private name: string,
    readonly sheetId: number,
    rows: number,
    columns: number,
  ) {
    super(rt, 'Sheet');
    this.grid = new Grid(
      {
        timeZone: () => parent.timeZone,
        reserveCells: (added) => parent.reserveCells(added),
        error: (message) => rt.error(message),
        guard: (rect) => this.guardEdit(rect),
      },
      rows,
      columns,
    );
  }

  /** The sheet's name, uncounted. */
  get sheetName(): string {
    return this.name;
  }

  private range(a1: string | undefined): Rect | undefined {
    const g = this.grid;
    if (a1 !== undefined) {
      const rect = parseA1(a1, g.maxRows, g.maxColumns);
      if (!rect) throw this.rt.error('Range not found');
      return rect;
    }
    const rows = g.lastRow();
    const columns = g.lastColumn();
    return rows === 0 || columns === 0 ? undefined : { row: 1, column: 1, numRows: rows, numColumns: columns };
  }

  /** Uncounted: the block an A1 notation ('B3', 'A1:C10') names on this sheet. */
  peekRect(a1: string): Rect {
    const rect = this.range(a1);
    if (!rect) throw this.rt.error('Range not found');
    return rect;
  }

  /** Uncounted: values of a block (default: the data range; [] for an empty sheet), '' for empty cells. */
  peekValues(a1?: string): (CellValue | '')[][] {
    const rect = this.range(a1);
    return rect ? this.grid.readValues(rect, (d) => new Date(d.getTime())) : [];
  }

  peekDisplayValues(a1?: string): string[][] {
    const rect = this.range(a1);
    return rect ? this.grid.readDisplay(rect) : [];
  }

  peekFormulas(a1?: string): string[][] {
    const rect = this.range(a1);
    return rect ? this.grid.readLayer(this.grid.formulas, rect, '') : [];
  }

  peekNotes(a1?: string): string[][] {
    const rect = this.range(a1);
    return rect ? this.grid.readLayer(this.grid.notes, rect, '') : [];
  }

  peekBackgrounds(a1?: string): string[][] {
    const rect = this.range(a1);
    return rect ? this.grid.readLayer(this.grid.backgrounds, rect, DEFAULT_BACKGROUND) : [];
  }

  peekNumberFormats(a1?: string): string[][] {
    const rect = this.range(a1);
    return rect ? this.grid.readLayer(this.grid.numberFormats, rect, DEFAULT_NUMBER_FORMAT) : [];
  }

  peekFontWeights(a1?: string): FontWeight[][] {
    const rect = this.range(a1);
    return rect ? this.grid.readLayer(this.grid.fontWeights, rect, 'normal' as const) : [];
  }

  peekDataValidations(a1?: string): (FakeDataValidation | null)[][] {
    const rect = this.range(a1);
    return rect ? this.grid.readLayer(this.grid.validations, rect, null) : [];
  }

  /** Uncounted: the sheet's conditional format rules, in order. */
  peekConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this.conditionalRules];
  }

  /** Uncounted: every property of one cell ('B3'). */
  peekCell(a1: string): CellSnapshot {
    const rect = this.peekRect(a1);
    const r = rect.row - 1;
    const c = rect.column - 1;
    const g = this.grid;
    const value = g.values.get(r, c);
    return {
      value: value === undefined ? '' : value,
      formula: g.formulas.get(r, c) ?? '',
      note: g.notes.get(r, c) ?? '',
      background: g.backgrounds.get(r, c) ?? DEFAULT_BACKGROUND,
      numberFormat: g.numberFormats.get(r, c) ?? DEFAULT_NUMBER_FORMAT,
      fontWeight: g.fontWeights.get(r, c) ?? 'normal',
      horizontalAlignment: g.alignments.get(r, c) ?? 'general',
      wrap: g.wraps.get(r, c) ?? false,
      validation: g.validations.get(r, c) ?? null,
    };
  }

  /** Uncounted: the sheet's own state. */
  peekState(): SheetSnapshot {
    return {
      name: this.name,
      sheetId: this.sheetId,
      index: this.parent.indexOf(this) + 1,
      hidden: this.hidden,
      maxRows: this.grid.maxRows,
      maxColumns: this.grid.maxColumns,
      lastRow: this.grid.lastRow(),
      lastColumn: this.grid.lastColumn(),
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      tabColor: this.tabColor,
      columnWidths: new Map(this.columnWidths),
      autoResizedColumns: [...this.autoResized].sort((a, b) => a - b),
      merges: this.grid.merges.map(a1Notation),
      protections: [...this.protections],
      charts: [...this.charts],
    };
  }

  /** Uncounted: changes the sheet's own properties as the Sheets API does (checks are the caller's). */
  setState(change: { name?: string; hidden?: boolean; frozenRows?: number; frozenColumns?: number }): void {
    if (change.name !== undefined) this.name = change.name;
    if (change.hidden !== undefined) this.hidden = change.hidden;
    if (change.frozenRows !== undefined) this.frozenRows = change.frozenRows;
    if (change.frozenColumns !== undefined) this.frozenColumns = change.frozenColumns;
  }

  /** Uncounted: sets a column's width in pixels (1-based column). */
  setWidth(column: number, pixels: number): void {
    this.columnWidths.set(column, pixels);
  }

  /** Uncounted: grows or shrinks the grid to rows × columns; cut rows and columns lose their content. */
  resizeGrid(rows: number, columns: number): void {
    const g = this.grid;
    if (rows > g.maxRows) g.insertRows(g.maxRows + 1, rows - g.maxRows);
    if (rows < g.maxRows) g.deleteRows(rows + 1, g.maxRows - rows);
    if (columns > g.maxColumns) g.insertColumns(g.maxColumns + 1, columns - g.maxColumns);
    if (columns < g.maxColumns) g.deleteColumns(columns + 1, g.maxColumns - columns);
  }

  /** Uncounted: a function that puts this sheet's cells and properties back as they are now. */
  checkpoint(): () => void {
    const host = { timeZone: () => '', reserveCells: () => undefined, error: (message: string) => new Error(message), guard: () => undefined };
    const cells = new Grid<FakeDataValidation>(host, this.grid.maxRows, this.grid.maxColumns);
    this.grid.copyInto(cells);
    const { name, hidden, frozenRows, frozenColumns, tabColor } = this;
    const [protections, charts, conditionalRules] = [[...this.protections], [...this.charts], [...this.conditionalRules]];
    const widths = new Map(this.columnWidths);
    const resized = new Set(this.autoResized);
    return () => {
      cells.copyInto(this.grid);
      Object.assign(this, { name, hidden, frozenRows, frozenColumns, tabColor });
      Object.assign(this, { protections: [...protections], charts: [...charts], conditionalRules: [...conditionalRules] });
      this.columnWidths.clear();
      for (const [column, width] of widths) this.columnWidths.set(column, width);
      this.autoResized.clear();
      for (const column of resized) this.autoResized.add(column);
    };
  }

  /** Uncounted: writes fixture values as they are (see Grid.load), from row, column (1-based). */
  load(rows: readonly (readonly unknown[])[], row = 1, column = 1): this {
    this.grid.load(row, column, rows);
    return this;
  }

  get isHidden(): boolean {
    return this.hidden;
  }

  /** Throws Sheets' refusal when a protection the running user may not edit covers part of rect. */
  guardEdit(rect: Rect): void {
    if (this.protections.some((p) => p.refuses(rect))) throw this.rt.error(PROTECTED_MESSAGE);
  }

  /**
   * Uncounted fixture: an array formula in cell `a1` whose result is `result` (ARRAYFORMULA, QUERY…). The
   * other cells of the result read as values with an empty formula, as Sheets reports them; content written
   * into one breaks the array (its formula's cell reads #REF!).
   */
  spill(a1: string, formula: string, result: readonly (readonly CellValue[])[]): this {
    const at = this.peekRect(a1);
    this.grid.spill(at.row, at.column, formula, result);
    return this;
  }

  /** Uncounted: whether another cell's array result fills this cell ('B3'), as arranged by spill(). */
  peekFilledByArray(a1: string): boolean {
    const at = this.peekRect(a1);
    return this.grid.spills.get(at.row - 1, at.column - 1) !== undefined;
  }

  /**
   * The rows and columns a chart covers: from its anchor cell, its offsets and its size in pixels (the options
   * width and height, else Sheets' default 600 × 371, the Sheets API's OverlayPosition defaults), over rows of
   * 21 px (the fake has no row heights) and the sheet's column widths.
   */
  private chartExtent(chart: FakeEmbeddedChart, rowShift = 0): { lastRow: number; lastColumn: number; anchor: { row: number; column: number } } {
    const { position, options } = chart.peek();
    const pixels = (key: string, fallback: number): number => (typeof options[key] === 'number' ? options[key] : fallback);
    const rows = Math.ceil((position.offsetY + pixels('height', CHART_HEIGHT)) / ROW_HEIGHT);
    let column = position.column;
    for (let left = pixels('width', CHART_WIDTH) + position.offsetX - this.width(column); left > 0; left -= this.width(column)) column++;
    const row = position.row - rowShift;
    return { lastRow: row + rows - 1, lastColumn: column, anchor: { row, column: position.column } };
  }

  private width(column: number): number {
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  /**
   * Stricter than the reference, which says nothing of it: a chart must lie within the sheet's grid, its anchor
   * and its whole size. Sheets shows a chart only over cells that exist; code that trims a sheet to its
   * content must count its charts in (an anchor past the last row is how a 20-center 事業評価 lost its charts).
   */
  private refuseChartsOutside(maxRows: number, maxColumns: number, rowShift: (chart: FakeEmbeddedChart) => number = () => 0): void {
    for (const chart of this.charts) {
      const { lastRow, lastColumn, anchor } = this.chartExtent(chart, rowShift(chart));
      if (anchor.row < 1 || anchor.row > maxRows || anchor.column > maxColumns || lastRow > maxRows || lastColumn > maxColumns) {
        throw this.rt.error(
          `The chart anchored at row ${anchor.row}, column ${anchor.column} reaches row ${lastRow}, column ${lastColumn}, outside the sheet (${maxRows} rows, ${maxColumns} columns).`,
        );
      }
    }
  }

  addProtection(type: ProtectionType, rect: Rect | undefined): FakeProtection {
    const protection = new FakeProtection(this.rt, this, type, rect);
    this.protections.push(protection);
    return protection;
  }

  removeProtection(protection: FakeProtection): void {
    this.protections = this.protections.filter((p) => p !== protection);
  }

  /** A copy of this sheet's cells and layout into a new sheet (insertSheet with a template). */
  copyLayoutInto(target: FakeSheet): void {
    this.grid.copyInto(target.grid);
    target.frozenRows = this.frozenRows;
    target.frozenColumns = this.frozenColumns;
    for (const [column, width] of this.columnWidths) target.columnWidths.set(column, width);
  }

  /** Uncounted: the sheet's developer metadata as { key, value }. */
  peekDeveloperMetadata(): { key: string; value: string | null }[] {
    return this.metadata.map((m) => ({ key: m.key, value: m.value }));
  }

  activate(): this {
    this.enter('activate');
    this.parent.select(this, undefined);
    return this;
  }

  appendRow(rowContents: unknown[]): this {
    this.enter('appendRow');
    if (!Array.isArray(rowContents)) throw this.rt.badArguments('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    if (rowContents.length === 0) return this;
    const rect = { row: this.grid.lastRow() + 1, column: 1, numRows: 1, numColumns: rowContents.length };
    this.grid.writeInput(rect, (_i, j) => rowContents[j]);
    return this;
  }

  autoResizeColumn(columnPosition: number): this {
    this.enter('autoResizeColumn');
    this.autoResized.add(columnPosition);
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.enter('autoResizeColumns');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.autoResized.add(c);
    return this;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): this {
    this.enter('clear');
    const all = { row: 1, column: 1, numRows: this.grid.maxRows, numColumns: this.grid.maxColumns };
    const some = options?.formatOnly || options?.contentsOnly;
    if (!some || options?.contentsOnly) this.grid.clearContent(all);
    if (!some || options?.formatOnly) this.grid.clearFormat(all);
    return this;
  }

  clearContents(): this {
    this.enter('clearContents');
    this.grid.clearContent({ row: 1, column: 1, numRows: this.grid.maxRows, numColumns: this.grid.maxColumns });
    return this;
  }

  clearFormats(): this {
    this.enter('clearFormats');
    this.grid.clearFormat({ row: 1, column: 1, numRows: this.grid.maxRows, numColumns: this.grid.maxColumns });
    return this;
  }

  clearNotes(): this {
    this.enter('clearNotes');
    this.grid.notes.clearAll();
    return this;
  }

  deleteRow(rowPosition: number): this {
    this.enter('deleteRow');
    this.removeRows(rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.enter('deleteRows');
    this.removeRows(rowPosition, howMany);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.enter('deleteColumns');
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.grid.maxColumns) throw this.rt.error('Those columns are out of bounds.');
    if (this.grid.maxColumns - howMany < 1) throw this.rt.error('Sorry, it is not possible to delete all non-frozen columns.');
    this.guardEdit({ row: 1, column: columnPosition, numRows: this.grid.maxRows, numColumns: howMany });
    this.refuseChartsOutside(this.grid.maxRows, this.grid.maxColumns - howMany);
    this.grid.deleteColumns(columnPosition, howMany);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.enter('insertColumnsAfter');
    if (afterPosition < 1 || afterPosition > this.grid.maxColumns) throw this.rt.error('Those columns are out of bounds.');
    if (howMany < 1) throw this.rt.error('The number of columns to insert must be at least 1.');
    this.grid.insertColumns(afterPosition + 1, howMany);
    return this;
  }

  private removeRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.grid.maxRows) {
      throw this.rt.error('Those rows are out of bounds.');
    }
    if (this.grid.maxRows - howMany <= this.frozenRows) throw this.rt.error('Sorry, it is not possible to delete all non-frozen rows.');
    this.guardEdit({ row: rowPosition, column: 1, numRows: howMany, numColumns: this.grid.maxColumns });
    // A chart below the deleted rows moves up with its anchor cell; one anchored in them has nowhere to go.
    const last = rowPosition + howMany - 1;
    this.refuseChartsOutside(this.grid.maxRows - howMany, this.grid.maxColumns, (chart) => {
      const row = chart.peek().position.row;
      return row > last ? howMany : row >= rowPosition ? row : 0;
    });
    this.grid.deleteRows(rowPosition, howMany);
    this.charts = this.charts.map((c) => (c.peek().position.row > last ? c.movedDown(-howMany) : c));
  }

  getCharts(): FakeEmbeddedChart[] {
    this.enter('getCharts');
    return [...this.charts];
  }

  getColumnWidth(columnPosition: number): number {
    this.enter('getColumnWidth');
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.enter('getConditionalFormatRules');
    return [...this.conditionalRules];
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: string | MetadataVisibility, visibility?: MetadataVisibility): this {
    this.enter('addDeveloperMetadata');
    const what = 'SpreadsheetApp.Sheet.addDeveloperMetadata';
    const args = [key, valueOrVisibility, visibility].filter((a) => a !== undefined);
    // Sheets refuses metadata without a key; the overloads are (key), (key, visibility), (key, value), (key, value, visibility).
    if (typeof key !== 'string' || key === '') throw this.rt.badArguments(what, args);
    const value = typeof valueOrVisibility === 'string' ? valueOrVisibility : null;
    const seen = typeof valueOrVisibility === 'string' ? visibility : (valueOrVisibility ?? visibility);
    if (seen !== undefined && enumName(seen) !== 'DOCUMENT' && enumName(seen) !== 'PROJECT') throw this.rt.badArguments(what, args);
    this.metadata.push(new FakeDeveloperMetadata(this.rt, key, value, seen ?? E.DeveloperMetadataVisibility.DOCUMENT));
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.enter('getDeveloperMetadata');
    return [...this.metadata];
  }

  getDataRange(): FakeRange {
    this.enter('getDataRange');
    const rect = this.range(undefined) ?? { row: 1, column: 1, numRows: 1, numColumns: 1 };
    return new FakeRange(this.rt, this, rect);
  }

  getFrozenColumns(): number {
    this.enter('getFrozenColumns');
    return this.frozenColumns;
  }

  getFrozenRows(): number {
    this.enter('getFrozenRows');
    return this.frozenRows;
  }

  getIndex(): number {
    this.enter('getIndex');
    return this.parent.indexOf(this) + 1;
  }

  getLastColumn(): number {
    this.enter('getLastColumn');
    return this.grid.lastColumn();
  }

  getLastRow(): number {
    this.enter('getLastRow');
    return this.grid.lastRow();
  }

  getMaxColumns(): number {
    this.enter('getMaxColumns');
    return this.grid.maxColumns;
  }

  getMaxRows(): number {
    this.enter('getMaxRows');
    return this.grid.maxRows;
  }

  getName(): string {
    this.enter('getName');
    return this.name;
  }

  getParent(): FakeSpreadsheet {
    this.enter('getParent');
    return this.parent;
  }

  getProtections(type: ProtectionType): FakeProtection[] {
    this.enter('getProtections');
    return this.protections.filter((p) => p.peek().type === enumName(type));
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.enter('getRange');
    if (typeof rowOrA1 === 'string') {
      const { sheetName, range } = splitSheetName(rowOrA1);
      const sheet = sheetName === undefined ? this : this.parent.sheetNamed(sheetName);
      if (!sheet) throw this.rt.error('Range not found');
      const rect = parseA1(range, sheet.grid.maxRows, sheet.grid.maxColumns);
      if (!rect) throw this.rt.error('Range not found');
      return new FakeRange(this.rt, sheet, inGrid(this.rt, sheet.grid, rect));
    }
    if (column === undefined) throw this.rt.badArguments('SpreadsheetApp.Sheet.getRange', [rowOrA1]);
    return new FakeRange(this.rt, this, inGrid(this.rt, this.grid, rectOf(this.rt, rowOrA1, column, numRows, numColumns)));
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    this.enter('getRangeList');
    const what = 'SpreadsheetApp.Sheet.getRangeList';
    if (!Array.isArray(a1Notations) || !a1Notations.every((a) => typeof a === 'string')) throw this.rt.badArguments(what, [a1Notations]);
    // The reference asks for a non-empty list; the wording of the refusal is the fake's.
    if (a1Notations.length === 0) throw this.rt.error('Invalid argument: a1Notations (the list of ranges is empty)');
    const ranges = a1Notations.map((a1) => {
      // Stricter than the docs say: a notation naming a sheet (even this one) is refused, as the list is of this sheet.
      const rect = a1.includes('!') ? undefined : parseA1(a1, this.grid.maxRows, this.grid.maxColumns);
      if (!rect) throw this.rt.error('Range not found');
      return new FakeRange(this.rt, this, inGrid(this.rt, this.grid, rect));
    });
    return new FakeRangeList(this.rt, ranges);
  }

  getSheetId(): number {
    this.enter('getSheetId');
    return this.sheetId;
  }

  getSheetName(): string {
    this.enter('getSheetName');
    return this.name;
  }

  hideSheet(): this {
    this.enter('hideSheet');
    if (!this.hidden && this.parent.visibleSheetCount() === 1) throw this.rt.error("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }

  insertChart(chart: Fake<GasChart>): void {
    this.enter('insertChart');
    const owned = own(this.rt, chart, FakeEmbeddedChart, 'SpreadsheetApp.Sheet.insertChart');
    const before = this.charts;
    this.charts = [...before, owned];
    try {
      this.refuseChartsOutside(this.grid.maxRows, this.grid.maxColumns);
    } catch (error) {
      this.charts = before;
      throw error;
    }
  }

  insertRowAfter(afterPosition: number): this {
    this.enter('insertRowAfter');
    this.addRows(afterPosition + 1, 1);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    this.enter('insertRowBefore');
    this.addRows(beforePosition, 1);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.enter('insertRowsAfter');
    this.addRows(afterPosition + 1, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.enter('insertRowsBefore');
    this.addRows(beforePosition, howMany);
    return this;
  }

  private addRows(before: number, howMany: number): void {
    if (before < 1 || before > this.grid.maxRows + 1) throw this.rt.error('Those rows are out of bounds.');
    if (howMany < 1) throw this.rt.error('The number of rows to insert must be at least 1.');
    this.grid.insertRows(before, howMany);
    this.charts = this.charts.map((c) => (c.peek().position.row >= before ? c.movedDown(howMany) : c));
  }

  isSheetHidden(): boolean {
    this.enter('isSheetHidden');
    return this.hidden;
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.enter('newChart');
    return new FakeEmbeddedChartBuilder(this.rt, this);
  }

  protect(): FakeProtection {
    this.enter('protect');
    // A sheet has one sheet-level protection; protecting again returns it.
    const existing = this.protections.find((p) => p.peek().range === undefined);
    return existing ?? this.addProtection(E.ProtectionType.SHEET, undefined);
  }

  removeChart(chart: Fake<GasChart>): void {
    this.enter('removeChart');
    const owned = own(this.rt, chart, FakeEmbeddedChart, 'SpreadsheetApp.Sheet.removeChart');
    this.charts = this.charts.filter((c) => c.chartId !== owned.chartId);
  }

  setActiveRange(range: Fake<GasRange>): FakeRange {
    this.enter('setActiveRange');
    const owned = own(this.rt, range, FakeRange, 'SpreadsheetApp.Sheet.setActiveRange');
    this.parent.select(owned.sheet, owned.rect);
    return owned;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.enter('setColumnWidth');
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.enter('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  setConditionalFormatRules(rules: Fake<GasConditionalFormatRule>[]): void {
    this.enter('setConditionalFormatRules');
    if (!Array.isArray(rules)) throw this.rt.badArguments('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    this.conditionalRules = rules.map((r) => own(this.rt, r, FakeConditionalFormatRule, 'SpreadsheetApp.Sheet.setConditionalFormatRules'));
  }

  setFrozenColumns(columns: number): void {
    this.enter('setFrozenColumns');
    this.frozenColumns = columns;
  }

  setFrozenRows(rows: number): void {
    this.enter('setFrozenRows');
    if (rows >= this.grid.maxRows) throw this.rt.error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }

  setName(name: string): this {
    this.enter('setName');
    this.parent.checkNewName(name, this);
    this.name = name;
    return this;
  }

  setTabColor(color: string | null): this {
    this.enter('setTabColor');
    this.tabColor = color === null ? null : normalizeColor(color);
    return this;
  }

  showSheet(): this {
    this.enter('showSheet');
    this.hidden = false;
    return this;
  }

  updateChart(chart: Fake<GasChart>): void {
    this.enter('updateChart');
    const owned = own(this.rt, chart, FakeEmbeddedChart, 'SpreadsheetApp.Sheet.updateChart');
    const before = this.charts;
    this.charts = before.map((c) => (c.chartId === owned.chartId ? owned : c));
    try {
      this.refuseChartsOutside(this.grid.maxRows, this.grid.maxColumns);
    } catch (error) {
      this.charts = before;
      throw error;
    }
  }
}

// ----------------------------------------------------------------------------------- spreadsheet

export interface SpreadsheetOptions {
  name?: string;
  id?: string;
  /** Default 'Asia/Tokyo'. */
  timeZone?: string;
  /** Default 'ja_JP'. */
  locale?: string;
  /** The sheets it starts with; default one sheet, 'シート1' (a new Japanese-locale spreadsheet's). */
  sheetNames?: readonly string[];
  /** Size of new sheets; Sheets' default is 1000 × 26. */
  rows?: number;
  columns?: number;
  /** The sheets it starts with, in full (instead of sheetNames). */
  sheets?: readonly SheetSpec[];
}

/** One sheet to make: its name, and optionally its id, size and visibility. */
export interface SheetSpec {
  readonly name: string;
  /** Default: 0 for a spreadsheet's first sheet, a fresh id otherwise. */
  readonly sheetId?: number;
  readonly rows?: number;
  readonly columns?: number;
  readonly hidden?: boolean;
  readonly frozenRows?: number;
  readonly frozenColumns?: number;
}

export interface Toast {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number | null;
}

export class FakeSpreadsheet extends Counted<'Spreadsheet', SpreadsheetMethod> implements FakeOf<GasSpreadsheet, SpreadsheetMethod> {
  declare readonly __gasType: GasSpreadsheet;
  readonly id: string;
  /** Every toast shown, in order. */
  readonly toasts: Toast[] = [];
  private name: string;
  private readonly locale: string;
  private zone: string;
  private sheets: FakeSheet[] = [];
  private active: FakeSheet;
  private activeRect: Rect | undefined;
  private readonly newSheetRows: number;
  private readonly newSheetColumns: number;

  constructor(rt: Runtime = new Runtime(), options: SpreadsheetOptions = {}) {
    super(rt, 'Spreadsheet');
    // Unique across worlds too: a file copied from one world into another must not meet a namesake there.
    this.id = options.id ?? `fake-spreadsheet-${rt.world}-${rt.id()}`;
    this.name = options.name ?? '無題のスプレッドシート';
    this.zone = options.timeZone ?? 'Asia/Tokyo';
    this.locale = options.locale ?? 'ja_JP';
    this.newSheetRows = options.rows ?? 1000;
    this.newSheetColumns = options.columns ?? 26;
    const specs = options.sheets ?? (options.sheetNames ?? ['シート1']).map((name) => ({ name }));
    if (specs.length === 0) throw new Error('FakeSpreadsheet: a spreadsheet has at least one sheet');
    for (const spec of specs) this.addSheet(spec.name, this.sheets.length, spec);
    const first = this.sheets[0];
    if (!first) throw new Error('FakeSpreadsheet: no sheet');
    this.active = first;
  }

  get timeZone(): string {
    return this.zone;
  }

  /** The world (call log, faults, realm) this spreadsheet belongs to. */
  get runtime(): Runtime {
    return this.rt;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** Uncounted: the sheet with this exact name. */
  sheetNamed(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.sheetName === name);
  }

  /** Uncounted: the sheet with this name, or a failed test. */
  peekSheet(name: string): FakeSheet {
    const sheet = this.sheetNamed(name);
    if (!sheet) throw new Error(`no sheet named ${name}; the sheets are ${this.peekSheetNames().join(', ')}`);
    return sheet;
  }

  peekSheetNames(): string[] {
    return this.sheets.map((s) => s.sheetName);
  }

  peekActiveSheet(): FakeSheet {
    return this.active;
  }

  /** Uncounted: the selection, as A1 on the active sheet. */
  peekActiveRange(): string {
    return a1Notation(this.activeRect ?? { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  /** Uncounted: the spreadsheet's name. */
  peekName(): string {
    return this.name;
  }

  /** Uncounted: the spreadsheet's locale ('ja_JP'). */
  peekLocale(): string {
    return this.locale;
  }

  /** Uncounted: the sheets, in order. */
  peekSheets(): FakeSheet[] {
    return [...this.sheets];
  }

  /** Uncounted: the sheet with this id. */
  sheetWithId(sheetId: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  /**
   * Uncounted: adds a sheet without making it active (fixtures). `spec` may fix its id (which must be
   * unused), size, visibility and frozen rows; its name is `name`.
   */
  addSheet(name: string, index = this.sheets.length, spec: Partial<SheetSpec> = {}): FakeSheet {
    this.checkNewName(name, undefined);
    if (spec.sheetId !== undefined && this.sheetWithId(spec.sheetId)) throw this.rt.error(`A sheet with the id ${spec.sheetId} already exists.`);
    // The first sheet of a spreadsheet has id 0 (gid=0 in its URL).
    let sheetId = spec.sheetId ?? (this.sheets.length === 0 ? 0 : this.rt.id());
    while (spec.sheetId === undefined && this.sheets.length > 0 && this.sheetWithId(sheetId)) sheetId = this.rt.id();
    const rows = spec.rows ?? this.newSheetRows;
    const columns = spec.columns ?? this.newSheetColumns;
    this.reserveCells(rows * columns);
    const sheet = new FakeSheet(this.rt, this, name, sheetId, rows, columns);
    sheet.setState({ hidden: spec.hidden, frozenRows: spec.frozenRows, frozenColumns: spec.frozenColumns });
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /** Uncounted: removes a sheet (checks are the caller's); the active sheet moves as deleteSheet moves it. */
  removeSheet(sheet: FakeSheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.sheets.splice(index, 1);
    if (this.active === sheet) {
      this.active = this.sheets[Math.max(0, index - 1)] ?? this.active;
      this.activeRect = undefined;
    }
  }

  /** Uncounted: moves a sheet to a 0-based position among the others. */
  moveSheet(sheet: FakeSheet, index: number): void {
    const from = this.sheets.indexOf(sheet);
    if (from < 0) return;
    this.sheets.splice(from, 1);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
  }

  /**
   * Uncounted: a function that puts the spreadsheet's list of sheets, name and selection back as they
   * are now. Sheets' cells are not saved here: save each sheet you change with FakeSheet.checkpoint.
   */
  checkpoint(): () => void {
    const { sheets, active, activeRect, name, zone } = this;
    const saved = [...sheets];
    return () => {
      this.sheets = saved;
      Object.assign(this, { active, activeRect, name, zone });
    };
  }

  indexOf(sheet: FakeSheet): number {
    return this.sheets.indexOf(sheet);
  }

  visibleSheetCount(): number {
    return this.sheets.filter((s) => !s.isHidden).length;
  }

  select(sheet: FakeSheet, rect: Rect | undefined): void {
    if (sheet.parent !== this) throw this.rt.error('The range or sheet is not in this spreadsheet.');
    this.active = sheet;
    this.activeRect = rect;
  }

  checkNewName(name: string, renaming: FakeSheet | undefined): void {
    if (name.trim() === '') throw this.rt.error('Sheet names cannot be empty.');
    const lower = name.toLowerCase();
    // Sheets refuses names that differ only in case.
    if (this.sheets.some((s) => s !== renaming && s.sheetName.toLowerCase() === lower)) {
      throw this.rt.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  reserveCells(added: number): void {
    const used = this.sheets.reduce((n, s) => n + s.grid.maxRows * s.grid.maxColumns, 0);
    if (used + added > MAX_SPREADSHEET_CELLS) {
      throw this.rt.error(`This action would increase the number of cells in the workbook above the limit of ${MAX_SPREADSHEET_CELLS} cells.`);
    }
  }

  deleteSheet(sheet: Fake<GasSheet>): void {
    this.enter('deleteSheet');
    const owned = own(this.rt, sheet, FakeSheet, 'SpreadsheetApp.Spreadsheet.deleteSheet');
    const index = this.sheets.indexOf(owned);
    if (index < 0) throw this.rt.error('The sheet is not in this spreadsheet.');
    if (this.sheets.length === 1) throw this.rt.error("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
    if (this.active === owned) {
      this.active = this.sheets[Math.max(0, index - 1)] ?? this.active;
      this.activeRect = undefined;
    }
  }

  getActiveRange(): FakeRange | null {
    this.enter('getActiveRange');
    return this.activeRange();
  }

  activeRange(): FakeRange {
    return new FakeRange(this.rt, this.active, this.activeRect ?? { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  getActiveSheet(): FakeSheet {
    this.enter('getActiveSheet');
    return this.active;
  }

  getId(): string {
    this.enter('getId');
    return this.id;
  }

  getName(): string {
    this.enter('getName');
    return this.name;
  }

  getRange(a1Notation_: string): FakeRange {
    this.enter('getRange');
    const { sheetName, range } = splitSheetName(a1Notation_);
    const sheet = sheetName === undefined ? this.active : this.sheetNamed(sheetName);
    const rect = sheet && parseA1(range, sheet.grid.maxRows, sheet.grid.maxColumns);
    if (!sheet || !rect) throw this.rt.error('Range not found');
    return new FakeRange(this.rt, sheet, inGrid(this.rt, sheet.grid, rect));
  }

  getSheetById(id: number): FakeSheet | null {
    this.enter('getSheetById');
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.enter('getSheetByName');
    return this.sheetNamed(name) ?? null;
  }

  getSheets(): FakeSheet[] {
    this.enter('getSheets');
    return [...this.sheets];
  }

  getNumSheets(): number {
    this.enter('getNumSheets');
    return this.sheets.length;
  }

  getSpreadsheetLocale(): string {
    this.enter('getSpreadsheetLocale');
    return this.locale;
  }

  getSpreadsheetTimeZone(): string {
    this.enter('getSpreadsheetTimeZone');
    return this.zone;
  }

  getUrl(): string {
    this.enter('getUrl');
    return this.url;
  }

  insertSheet(
    first?: string | number | { template?: Fake<GasSheet> },
    second?: number | { template?: Fake<GasSheet> },
    third?: { template?: Fake<GasSheet> },
  ): FakeSheet {
    this.enter('insertSheet');
    const args = [first, second, third].filter((a) => a !== undefined);
    const name = typeof first === 'string' ? first : undefined;
    const index = args.find((a): a is number => typeof a === 'number');
    const options = args.find((a): a is { template?: Fake<GasSheet> } => typeof a === 'object' && a !== null);
    const template = options?.template === undefined ? undefined : own(this.rt, options.template, FakeSheet, 'SpreadsheetApp.Spreadsheet.insertSheet');
    // Without an index, Sheets puts the new sheet right after the active one.
    const sheet = this.addSheet(name ?? this.defaultSheetName(), index ?? this.sheets.indexOf(this.active) + 1);
    template?.copyLayoutInto(sheet);
    this.select(sheet, undefined);
    return sheet;
  }

  private defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `シート${n}`;
      if (!this.sheetNamed(name)) return name;
    }
  }

  moveActiveSheet(pos: number): void {
    this.enter('moveActiveSheet');
    if (pos < 1 || pos > this.sheets.length) throw this.rt.error(`Invalid argument: pos`);
    this.sheets.splice(this.sheets.indexOf(this.active), 1);
    this.sheets.splice(pos - 1, 0, this.active);
  }

  rename(newName: string): void {
    this.enter('rename');
    this.name = newName;
  }

  setActiveRange(range: Fake<GasRange>): FakeRange {
    this.enter('setActiveRange');
    const owned = own(this.rt, range, FakeRange, 'SpreadsheetApp.Spreadsheet.setActiveRange');
    this.select(owned.sheet, owned.rect);
    return owned;
  }

  setActiveSheet(sheet: Fake<GasSheet>, restoreSelection?: boolean): FakeSheet {
    this.enter('setActiveSheet');
    void restoreSelection;
    const owned = own(this.rt, sheet, FakeSheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.select(owned, undefined);
    return owned;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.enter('setSpreadsheetTimeZone');
    this.zone = timezone;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.enter('toast');
    this.toasts.push({ message: msg, title: title ?? '', timeoutSeconds: timeoutSeconds ?? null });
  }
}

// -------------------------------------------------------------------------------- SpreadsheetApp

export type SpreadsheetAccess = 'granted' | 'denied';

/** The spreadsheets openById/openByUrl can reach, and whether the user may open each. */
export class SpreadsheetRegistry {
  private readonly entries = new Map<string, { spreadsheet: FakeSpreadsheet; access: SpreadsheetAccess }>();

  add(spreadsheet: FakeSpreadsheet, access: SpreadsheetAccess = 'granted'): FakeSpreadsheet {
    this.entries.set(spreadsheet.id, { spreadsheet, access });
    return spreadsheet;
  }

  setAccess(id: string, access: SpreadsheetAccess): void {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`no spreadsheet ${id} in the registry`);
    entry.access = access;
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  find(id: string): { spreadsheet: FakeSpreadsheet; access: SpreadsheetAccess } | undefined {
    return this.entries.get(id);
  }
}

/**
 * What SpreadsheetApp asks of the world around it before it opens or creates a file: the OAuth scopes
 * the user granted, and who may open what. Without a gate every call is allowed (the registry's access
 * still applies).
 */
export interface SpreadsheetGate {
  /** Throws (as Apps Script does) when the script may not call SpreadsheetApp.<method>. */
  requireScope(method: 'create' | 'openById' | 'openByUrl'): void;
  /** False when the current user is not among the people the file is shared with. */
  canOpen(id: string): boolean;
  /** A spreadsheet the script has just created: owned by the current user, and the script's (drive.file). */
  registerCreated(spreadsheet: FakeSpreadsheet): void;
}

export interface SpreadsheetAppWorld {
  /** The spreadsheet the script is bound to (or the add-on runs in). */
  readonly active: FakeSpreadsheet;
  readonly registry: SpreadsheetRegistry;
  /** undefined where there is no UI (a time-driven trigger, the Apps Script API). */
  readonly ui: FakeUi | undefined;
  readonly gate?: SpreadsheetGate;
}

export class FakeSpreadsheetApp
  extends Counted<'SpreadsheetApp', SpreadsheetAppMethod>
  implements
    FakeOf<
      GasSpreadsheetApp,
      SpreadsheetAppMethod | 'BooleanCriteria' | 'BorderStyle' | 'DataValidationCriteria' | 'DeveloperMetadataVisibility' | 'ProtectionType'
    >
{
  declare readonly __gasType: GasSpreadsheetApp;
  readonly BooleanCriteria = E.BooleanCriteria;
  readonly BorderStyle = E.BorderStyle;
  readonly DataValidationCriteria = E.DataValidationCriteria;
  readonly DeveloperMetadataVisibility = E.DeveloperMetadataVisibility;
  readonly ProtectionType = E.ProtectionType;

  constructor(
    rt: Runtime,
    private readonly world: SpreadsheetAppWorld,
  ) {
    super(rt, 'SpreadsheetApp');
  }

  create(name: string, rows?: number, columns?: number): FakeSpreadsheet {
    this.enter('create');
    this.world.gate?.requireScope('create');
    const spreadsheet = new FakeSpreadsheet(this.rt, { name, rows, columns, timeZone: this.world.active.timeZone });
    this.world.registry.add(spreadsheet);
    this.world.gate?.registerCreated(spreadsheet);
    return spreadsheet;
  }

  flush(): void {
    this.enter('flush');
  }

  getActive(): FakeSpreadsheet {
    this.enter('getActive');
    return this.world.active;
  }

  getActiveRange(): FakeRange {
    this.enter('getActiveRange');
    return this.world.active.activeRange();
  }

  getActiveSheet(): FakeSheet {
    this.enter('getActiveSheet');
    return this.world.active.peekActiveSheet();
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.enter('getActiveSpreadsheet');
    return this.world.active;
  }

  getUi(): FakeUi {
    this.enter('getUi');
    if (!this.world.ui) throw this.rt.error('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.world.ui;
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.enter('newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(this.rt);
  }

  newDataValidation(): FakeDataValidationBuilder {
    this.enter('newDataValidation');
    return new FakeDataValidationBuilder(this.rt);
  }

  openById(id: string): FakeSpreadsheet {
    this.enter('openById');
    this.world.gate?.requireScope('openById');
    return this.open(id, 'openById');
  }

  openByUrl(url: string): FakeSpreadsheet {
    this.enter('openByUrl');
    this.world.gate?.requireScope('openByUrl');
    const id = /\/spreadsheets\/d\/([^/?#]+)/.exec(url)?.[1];
    if (id === undefined) throw this.rt.error('Invalid argument: url');
    return this.open(id, 'openByUrl');
  }

  private open(id: string, method: string): FakeSpreadsheet {
    const entry = this.world.registry.find(id);
    if (!entry) throw this.rt.error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    if (entry.access === 'denied' || (this.world.gate && !this.world.gate.canOpen(id))) {
      throw this.rt.error('You do not have permission to access the requested document.');
    }
    return entry.spreadsheet;
  }

  setActiveRange(range: Fake<GasRange>): FakeRange {
    this.enter('setActiveRange');
    const owned = own(this.rt, range, FakeRange, 'SpreadsheetApp.setActiveRange');
    owned.sheet.parent.select(owned.sheet, owned.rect);
    return owned;
  }

  setActiveSheet(sheet: Fake<GasSheet>, restoreSelection?: boolean): FakeSheet {
    this.enter('setActiveSheet');
    void restoreSelection;
    const owned = own(this.rt, sheet, FakeSheet, 'SpreadsheetApp.setActiveSheet');
    owned.parent.select(owned, undefined);
    return owned;
  }
}
