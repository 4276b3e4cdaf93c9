/**
 * The Apps Script enums the fakes expose. @types/google-apps-script declares them ambiently (there is no
 * object behind them at run time), so each is made here and typed as the real enum.
 */
import { makeEnum } from './runtime';

export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']) as unknown as typeof GoogleAppsScript.Base.Button;
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']) as unknown as typeof GoogleAppsScript.Base.ButtonSet;

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']) as unknown as typeof GoogleAppsScript.Script.AuthMode;
export const AuthorizationStatus = makeEnum(['REQUIRED', 'NOT_REQUIRED']) as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]) as unknown as typeof GoogleAppsScript.Script.EventType;
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']) as unknown as typeof GoogleAppsScript.Script.TriggerSource;

export const BorderStyle = makeEnum([
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
]) as unknown as typeof GoogleAppsScript.Spreadsheet.BorderStyle;
export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT']) as unknown as typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
export const ProtectionType = makeEnum(['RANGE', 'SHEET']) as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
export const DataValidationCriteria = makeEnum([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]) as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export const BooleanCriteria = makeEnum([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_LESS_THAN',
  'TEXT_CONTAINS',
  'TEXT_EQUAL_TO',
  'CUSTOM_FORMULA',
]) as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria;

export const ChartType = makeEnum([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]) as unknown as typeof GoogleAppsScript.Charts.ChartType;

export const Charset = makeEnum(['US_ASCII', 'UTF_8']) as unknown as typeof GoogleAppsScript.Utilities.Charset;
export const DigestAlgorithm = makeEnum([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
]) as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
