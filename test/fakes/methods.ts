/**
 * The members each fake implements, by the name of the Apps Script class it imitates. The same lists
 * type the fakes (`implements FakeOf<Real, XMethod>`, so every name must exist on the real interface)
 * and name the calls the CallLog counts and the FaultInjector can fail ('Range.setValues').
 */

export type SpreadsheetAppMethod =
  | 'create'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveRange'
  | 'setActiveSheet';

export type SpreadsheetMethod =
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getId'
  | 'getName'
  | 'getRange'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'moveActiveSheet'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveSheet'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export type SheetMethod =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteRow'
  | 'deleteRows'
  | 'deleteColumns'
  | 'insertColumnsAfter'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getDeveloperMetadata'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetName'
  | 'hideSheet'
  | 'insertChart'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setActiveRange'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showSheet'
  | 'updateChart';

export type RangeMethod =
  | 'activate'
  | 'breakApart'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontSize'
  | 'getFontSizes'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWrap'
  | 'getWraps'
  | 'isBlank'
  | 'merge'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontWeight'
  | 'setFontSize'
  | 'setFontSizes'
  | 'setFontStyle'
  | 'setFontStyles'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'setWraps';

export type RangeListMethod = 'getRanges' | 'setBackground' | 'setFontSize' | 'setNote' | 'setNumberFormat' | 'setValue' | 'setWrap';

export type DeveloperMetadataMethod = 'getKey' | 'getValue' | 'getVisibility';

export type ProtectionMethod =
  | 'canEdit'
  | 'getDescription'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'setDescription'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export type DataValidationMethod = 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText';
export type DataValidationBuilderMethod =
  DataValidationMethod | 'build' | 'requireCheckbox' | 'requireDate' | 'requireNumberBetween' | 'requireValueInList' | 'setAllowInvalid' | 'setHelpText';

export type BooleanConditionMethod = 'getBackground' | 'getCriteriaType' | 'getCriteriaValues';
export type ConditionalFormatRuleMethod = 'copy' | 'getBooleanCondition' | 'getRanges';
export type ConditionalFormatRuleBuilderMethod = ConditionalFormatRuleMethod | 'build' | 'setBackground' | 'setRanges' | 'whenFormulaSatisfied';

export type EmbeddedChartBuilderMethod = 'addRange' | 'build' | 'getRanges' | 'setChartType' | 'setNumHeaders' | 'setOption' | 'setPosition';
export type EmbeddedChartMethod = 'getChartId' | 'getContainerInfo' | 'getRanges' | 'modify';
export type ContainerInfoMethod = 'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY';

export type UiMethod = 'alert' | 'createAddonMenu' | 'createMenu' | 'prompt' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar';
export type MenuMethod = 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi';
export type PromptResponseMethod = 'getResponseText' | 'getSelectedButton';
export type HtmlServiceMethod = 'createHtmlOutput' | 'createHtmlOutputFromFile';
export type HtmlOutputMethod = 'append' | 'clear' | 'getContent' | 'getTitle' | 'setContent' | 'setHeight' | 'setTitle' | 'setWidth';
export type LockServiceMethod = 'getDocumentLock' | 'getScriptLock' | 'getUserLock';
export type LockMethod = 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock';
export type PropertiesServiceMethod = 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties';
export type PropertiesMethod = 'deleteAllProperties' | 'deleteProperty' | 'getKeys' | 'getProperties' | 'getProperty' | 'setProperties' | 'setProperty';
export type ScriptAppMethod = 'deleteTrigger' | 'getAuthorizationInfo' | 'getProjectTriggers' | 'newTrigger' | 'requireAllScopes' | 'requireScopes';
export type AuthorizationInfoMethod = 'getAuthorizationStatus' | 'getAuthorizationUrl';
export type TriggerBuilderMethod = 'timeBased';
export type ClockTriggerBuilderMethod = 'after' | 'at' | 'atHour' | 'create' | 'everyDays' | 'everyHours' | 'everyMinutes';
export type TriggerMethod = 'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId';
export type UtilitiesMethod = 'base64Decode' | 'base64Encode' | 'base64EncodeWebSafe' | 'computeDigest' | 'formatDate' | 'getUuid' | 'sleep';
export type SessionMethod = 'getActiveUserLocale' | 'getScriptTimeZone';
export type LoggerMethod = 'clear' | 'getLog' | 'log';

/** The Sheets (v4) advanced service: Sheets.Spreadsheets.… and Sheets.Spreadsheets.Values.… */
export type SheetsSpreadsheetsMethod = 'batchUpdate' | 'create' | 'get';
export type SheetsValuesMethod = 'batchGet' | 'get';
/** The Drive (v3) advanced service: Drive.Files.… and Drive.Permissions.… */
export type DriveFilesMethod = 'get';
export type DrivePermissionsMethod = 'create' | 'list';

/** Every counted call, as 'Class.method'. */
export type MethodName =
  | `SpreadsheetApp.${SpreadsheetAppMethod}`
  | `Spreadsheet.${SpreadsheetMethod}`
  | `Sheet.${SheetMethod}`
  | `Range.${RangeMethod}`
  | `RangeList.${RangeListMethod}`
  | `DeveloperMetadata.${DeveloperMetadataMethod}`
  | `Protection.${ProtectionMethod}`
  | `DataValidation.${DataValidationMethod}`
  | `DataValidationBuilder.${DataValidationBuilderMethod}`
  | `BooleanCondition.${BooleanConditionMethod}`
  | `ConditionalFormatRule.${ConditionalFormatRuleMethod}`
  | `ConditionalFormatRuleBuilder.${ConditionalFormatRuleBuilderMethod}`
  | `EmbeddedChartBuilder.${EmbeddedChartBuilderMethod}`
  | `EmbeddedChart.${EmbeddedChartMethod}`
  | `ContainerInfo.${ContainerInfoMethod}`
  | `Ui.${UiMethod}`
  | `Menu.${MenuMethod}`
  | `PromptResponse.${PromptResponseMethod}`
  | `HtmlService.${HtmlServiceMethod}`
  | `HtmlOutput.${HtmlOutputMethod}`
  | `LockService.${LockServiceMethod}`
  | `Lock.${LockMethod}`
  | `PropertiesService.${PropertiesServiceMethod}`
  | `Properties.${PropertiesMethod}`
  | `ScriptApp.${ScriptAppMethod}`
  | `AuthorizationInfo.${AuthorizationInfoMethod}`
  | `TriggerBuilder.${TriggerBuilderMethod}`
  | `ClockTriggerBuilder.${ClockTriggerBuilderMethod}`
  | `Trigger.${TriggerMethod}`
  | `Utilities.${UtilitiesMethod}`
  | `Session.${SessionMethod}`
  | `Logger.${LoggerMethod}`
  | `Sheets.Spreadsheets.${SheetsSpreadsheetsMethod}`
  | `Sheets.Spreadsheets.Values.${SheetsValuesMethod}`
  | `Drive.Files.${DriveFilesMethod}`
  | `Drive.Permissions.${DrivePermissionsMethod}`;

/** The class part of a MethodName: the part before the first dot ('Sheets' for 'Sheets.Spreadsheets.get'). */
export type FakeClass = MethodName extends `${infer C}.${string}` ? C : never;

/**
 * The Apps Script service each class belongs to. 'spreadsheet' is everything reached through
 * SpreadsheetApp that reads or writes the document (SpreadsheetApp, Spreadsheet, Sheet, Range and their
 * protections, validations and charts); the Ui is reached through SpreadsheetApp.getUi() but counted apart.
 * The advanced services are families of their own: 'sheets-api' (Sheets v4) and 'drive-api' (Drive v3).
 */
export type ServiceFamily = 'spreadsheet' | 'ui' | 'html' | 'lock' | 'properties' | 'script' | 'utilities' | 'session' | 'logger' | 'sheets-api' | 'drive-api';

export const FAMILY_OF: Readonly<Record<FakeClass, ServiceFamily>> = {
  SpreadsheetApp: 'spreadsheet',
  Spreadsheet: 'spreadsheet',
  Sheet: 'spreadsheet',
  Range: 'spreadsheet',
  RangeList: 'spreadsheet',
  DeveloperMetadata: 'spreadsheet',
  Protection: 'spreadsheet',
  DataValidation: 'spreadsheet',
  DataValidationBuilder: 'spreadsheet',
  BooleanCondition: 'spreadsheet',
  ConditionalFormatRule: 'spreadsheet',
  ConditionalFormatRuleBuilder: 'spreadsheet',
  EmbeddedChartBuilder: 'spreadsheet',
  EmbeddedChart: 'spreadsheet',
  ContainerInfo: 'spreadsheet',
  Ui: 'ui',
  Menu: 'ui',
  PromptResponse: 'ui',
  HtmlService: 'html',
  HtmlOutput: 'html',
  LockService: 'lock',
  Lock: 'lock',
  PropertiesService: 'properties',
  Properties: 'properties',
  ScriptApp: 'script',
  AuthorizationInfo: 'script',
  TriggerBuilder: 'script',
  ClockTriggerBuilder: 'script',
  Trigger: 'script',
  Utilities: 'utilities',
  Session: 'session',
  Logger: 'logger',
  Sheets: 'sheets-api',
  Drive: 'drive-api',
};
