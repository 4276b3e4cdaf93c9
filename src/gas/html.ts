/** The placeholder each built sidebar holds where the server puts the data it shows. */
export const DATA_PLACEHOLDER = '__HOUKATSU_DATA__';

/**
 * JSON that is safe inside an inline <script>: `<` is escaped so no value can close the script or open a
 * comment, and U+2028/9 cannot end a string in older parsers.
 */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A built HTML file from build/ with the server's data put in place of the placeholder. */
export function htmlWithData(file: string, data: unknown): GoogleAppsScript.HTML.HtmlOutput {
  const content = HtmlService.createHtmlOutputFromFile(file).getContent();
  return HtmlService.createHtmlOutput(content.replace(DATA_PLACEHOLDER, () => scriptJson(data)));
}
