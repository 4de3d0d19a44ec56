/**
 * Every regular expression in the sources is linear: no input can make it backtrack
 * super-linearly (ReDoS). Regular expressions run on workspace text (brief bodies, frontmatter,
 * file names, config keys), which a hostile repository controls; one exponential pattern froze
 * the editor's extension host on a 142-byte brief (issue 9, finding 2).
 *
 * The patterns are not listed by hand: the TypeScript sources under `src/` are parsed with the
 * compiler API and every regex literal, every `new RegExp(…)` / `RegExp(…)` and every string given
 * to `.match`, `.matchAll` or `.search` (which build a RegExp from it) is collected. Constructor
 * arguments are evaluated statically (string literals, templates, `+`, `x.source`, `x.flags`,
 * `.slice(a, b)` and constants, across imports); one that cannot be evaluated fails the test, so
 * a pattern can never escape the check by being built at run time. Each pattern then goes through
 * `recheck` (https://makenowjust-labs.github.io/recheck/), which proves a pattern safe or finds an
 * attack string; anything but "safe" fails.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

interface Found {
  /** file:line, for the failure message. */
  where: string;
  source?: string;
  flags?: string;
  /** Why the pattern could not be read statically. */
  unreadable?: string;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files.sort();
}

/** Values the evaluator can compute: strings, numbers and regular expressions. */
type Value = string | number | RegExp;

class Unreadable extends Error {}

function collect(): Found[] {
  const files = sourceFiles(SRC);
  const program = ts.createProgram(files, {
    noEmit: true, noLib: true, types: [], target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: false,
  });
  const checker = program.getTypeChecker();
  const found: Found[] = [];
  const evaluating = new Set<ts.Node>();

  const where = (node: ts.Node) => {
    const file = node.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    return `${path.relative(ROOT, file.fileName)}:${line + 1}`;
  };

  const regexLiteral = (node: ts.RegularExpressionLiteral): RegExp => {
    const text = node.text;
    const close = text.lastIndexOf('/');
    return new RegExp(text.slice(1, close), text.slice(close + 1));
  };

  const constInitializer = (identifier: ts.Identifier): ts.Expression => {
    let symbol = checker.getSymbolAtLocation(identifier);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer
      || !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) {
      throw new Unreadable(`\`${identifier.text}\` is not a constant with an initializer`);
    }
    return declaration.initializer;
  };

  const evaluate = (node: ts.Expression): Value => {
    if (evaluating.has(node)) throw new Unreadable('circular');
    evaluating.add(node);
    try {
      return evaluateInner(node);
    } finally {
      evaluating.delete(node);
    }
  };

  const evaluateInner = (node: ts.Expression): Value => {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return evaluate(node.expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isNumericLiteral(node)) return Number(node.text);
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) return -Number(evaluate(node.operand));
    if (ts.isRegularExpressionLiteral(node)) return regexLiteral(node);
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) text += String(evaluate(span.expression)) + span.literal.text;
      return text;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = evaluate(node.left);
      const right = evaluate(node.right);
      return typeof left === 'number' && typeof right === 'number' ? left + right : String(left) + String(right);
    }
    if (ts.isIdentifier(node)) return evaluate(constInitializer(node));
    if (ts.isPropertyAccessExpression(node)) {
      const target = evaluate(node.expression);
      if (target instanceof RegExp && (node.name.text === 'source' || node.name.text === 'flags')) return target[node.name.text];
      throw new Unreadable(`\`.${node.name.text}\``);
    }
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      if (ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (!pattern) return new RegExp('');
        const source = evaluate(pattern);
        return new RegExp(source instanceof RegExp ? source.source : String(source), flags ? String(evaluate(flags)) : undefined);
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'slice') {
        const target = evaluate(node.expression.expression);
        if (typeof target !== 'string') throw new Unreadable('`.slice` of a non-string');
        const [from, to] = node.arguments.map((argument) => Number(evaluate(argument)));
        return target.slice(from, to);
      }
    }
    throw new Unreadable(`\`${node.getText().slice(0, 60)}\``);
  };

  const record = (node: ts.Node, read: () => RegExp) => {
    try {
      const regex = read();
      found.push({ where: where(node), source: regex.source, flags: regex.flags });
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      found.push({ where: where(node), unreadable: error.message });
    }
  };

  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(SRC.split(path.sep).join('/')) && !file.fileName.startsWith(SRC)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        record(node, () => regexLiteral(node));
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        record(node, () => evaluate(node) as RegExp);
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)
        && ['match', 'matchAll', 'search'].includes(node.expression.name.text) && node.arguments.length === 1
        && !ts.isRegularExpressionLiteral(node.arguments[0])) {
        // `text.match('a+')` builds a RegExp from its argument; a RegExp argument is checked where it is written.
        record(node, () => {
          const value = evaluate(node.arguments[0]);
          return value instanceof RegExp ? value : new RegExp(String(value));
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

describe('regular expressions are linear (ReDoS)', function () {
  this.timeout(300_000);
  const found = collect();

  it('finds the patterns of the sources (the collector works)', () => {
    assert.ok(found.length >= 50, `only ${found.length} patterns found under src/`);
    // Known patterns in three forms: a literal, one built with new RegExp from another's source, a guard.
    assert.ok(found.some((f) => f.where.startsWith('src/core/parse/checklist.ts') && f.source?.includes('(?<=^|[\\s(])')), 'new RegExp in checklist.ts');
    assert.ok(found.some((f) => f.where.startsWith('src/core/model/schema.ts') && f.source === '^[a-z0-9][a-z0-9-]*$'), 'ID_PATTERN');
  });

  it('can read every pattern statically', () => {
    const unreadable = found.filter((f) => f.unreadable !== undefined).map((f) => `${f.where}: ${f.unreadable}`);
    assert.deepEqual(unreadable, [], 'patterns built at run time from something the test cannot evaluate: write them from constants');
  });

  it('recheck finds every pattern safe', () => {
    const seen = new Map<string, string>();
    for (const f of found) if (f.source !== undefined) seen.set(`/${f.source}/${f.flags}`, seen.get(`/${f.source}/${f.flags}`) ?? f.where);
    const flagged: string[] = [];
    for (const [pattern, at] of seen) {
      const close = pattern.lastIndexOf('/');
      const result = checkSync(pattern.slice(1, close), pattern.slice(close + 1), { timeout: 20_000 });
      if (result.status !== 'safe') {
        const detail = result.status === 'vulnerable'
          ? `${result.complexity.type}${result.attack ? `, attack ${JSON.stringify(result.attack.pattern)}` : ''}`
          : `unknown: ${JSON.stringify(result.error)}`;
        flagged.push(`${at}: ${pattern} is ${result.status} (${detail})`);
      }
    }
    assert.deepEqual(flagged, []);
  });

  it('recheck itself flags a backtracking pattern (the check can fail)', () => {
    assert.equal(checkSync('^(?:[ \\t]|>[ \\t]?){2,}x', '').status, 'vulnerable');
    assert.equal(checkSync('^(a+)+$', '').status, 'vulnerable');
    assert.equal(checkSync('^a+$', '').status, 'safe');
  });
});
