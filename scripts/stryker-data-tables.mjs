/**
 * A Stryker ignorer (`ignorers: ['data-tables']` in stryker.config.mjs): it leaves out mutants of module-level
 * data tables — lists of names, synonyms and choices (相談記録's header synonyms, the 都道府県 list, the era start
 * table, check-box words, issue codes, default topics). Changing one of their strings is a change of data, not of
 * a rule, and a test that pinned every synonym would only copy the table.
 *
 * What counts as a table is decided by shape, not by file, so a table that moves to another module (the sheet
 * registry, the error catalogue) stays excluded and no source file needs `// Stryker disable` comments:
 * - the node is a string, a number, or an array/object made only of those (a boolean is a rule — `required: true`
 *   — and is mutated, as are regular expressions and anything computed);
 * - it sits outside every function: between it and the module there are only arrays, objects, `as const`,
 *   variable declarations, exports and the calls that build a table (`choiceList(…)`, `new Set(…)`);
 * - it is inside an array or an object, or is one: a lone string constant (`ABUSE_TOPIC = '虐待'`) is a rule's
 *   value and is mutated.
 */
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const TABLE_BUILDERS = new Set(['choiceList', 'Set', 'Map']);
const CONTAINERS = new Set(['ArrayExpression', 'ObjectExpression', 'ObjectProperty', 'TSAsExpression', 'TSSatisfiesExpression']);
const DECLARATIONS = new Set(['VariableDeclarator', 'VariableDeclaration', 'ExportNamedDeclaration']);

function isData(node) {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
      return true;
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'UnaryExpression':
      return node.operator === '-' && node.argument.type === 'NumericLiteral';
    case 'ArrayExpression':
      return node.elements.every((e) => e !== null && isData(e));
    case 'ObjectExpression':
      return node.properties.every((p) => p.type === 'ObjectProperty' && !p.computed && isData(p.value));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return isData(node.expression);
    default:
      return false;
  }
}

function isTableBuilder(node) {
  return (node.type === 'CallExpression' || node.type === 'NewExpression') && node.callee.type === 'Identifier' && TABLE_BUILDERS.has(node.callee.name);
}

/** Whether the path is inside a module-level table, with no function or computation between it and the module. */
function inModuleLevelTable(path) {
  let inContainer = path.node.type === 'ArrayExpression' || path.node.type === 'ObjectExpression';
  for (let p = path.parentPath; p; p = p.parentPath) {
    const node = p.node;
    if (node.type === 'Program') return inContainer;
    if (CONTAINERS.has(node.type)) inContainer = true;
    else if (isTableBuilder(node)) inContainer = true;
    else if (!DECLARATIONS.has(node.type)) return false;
  }
  return false;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'data-tables', {
    shouldIgnore(path) {
      return isData(path.node) && inModuleLevelTable(path) ? 'a module-level data table (scripts/stryker-data-tables.mjs)' : undefined;
    },
  }),
];
