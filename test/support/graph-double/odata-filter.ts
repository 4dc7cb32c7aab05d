/**
 * A small OData `$filter` for the double: comparisons (eq ne gt ge lt le) of a property path with a literal,
 * `and`, `or`, `not`, parentheses and `startswith(path,'x')` — what list item queries use, e.g.
 * `fields/Status eq 'free' and fields/CareHomeId eq 'h1'`. `parseFilter` also reports which property paths a
 * filter references, so the lists route can refuse a non-indexed column as SharePoint does.
 */
export type Literal = string | number | boolean | null;

export type FilterNode =
  | { kind: 'compare'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; left: Operand; right: Operand }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'startswith'; path: string; prefix: string };

export type Operand = { kind: 'path'; path: string } | { kind: 'literal'; value: Literal };

export interface ParsedFilter {
  root: FilterNode;
  paths: string[];
}

export class FilterSyntaxError extends Error {}

type Token = { type: 'ident' | 'string' | 'number' | 'punct'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError('unterminated string literal');
        if (input[i] === "'" && input[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (input[i] === "'") {
          i++;
          break;
        } else value += input[i++];
      }
      tokens.push({ type: 'string', text: value });
    } else if (/[-\d]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(input.slice(i));
      if (!m) throw new FilterSyntaxError(`unexpected '${c}' at ${i}`);
      tokens.push({ type: 'number', text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*/.exec(input.slice(i))!;
      tokens.push({ type: 'ident', text: m[0] });
      i += m[0].length;
    } else if ('(),'.includes(c)) {
      tokens.push({ type: 'punct', text: c });
      i++;
    } else throw new FilterSyntaxError(`unexpected '${c}' at ${i}`);
  }
  return tokens;
}

const comparisonOps = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

export function parseFilter(input: string): ParsedFilter {
  const tokens = tokenize(input);
  const paths: string[] = [];
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (word: string) => peek()?.type === 'ident' && peek()!.text.toLowerCase() === word;
  const expect = (text: string) => {
    if (peek()?.text !== text) throw new FilterSyntaxError(`expected '${text}'`);
    at++;
  };

  const operand = (): Operand => {
    const token = tokens[at++];
    if (!token) throw new FilterSyntaxError('unexpected end of filter');
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type === 'ident') {
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
      if (lower === 'null') return { kind: 'literal', value: null };
      paths.push(token.text);
      return { kind: 'path', path: token.text };
    }
    throw new FilterSyntaxError(`unexpected '${token.text}'`);
  };

  const unary = (): FilterNode => {
    if (isWord('not')) {
      at++;
      return { kind: 'not', operand: unary() };
    }
    if (peek()?.text === '(') {
      at++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (isWord('startswith')) {
      at++;
      expect('(');
      const path = operand();
      expect(',');
      const prefix = operand();
      expect(')');
      if (path.kind !== 'path' || prefix.kind !== 'literal' || typeof prefix.value !== 'string') {
        throw new FilterSyntaxError('startswith takes a property and a string');
      }
      return { kind: 'startswith', path: path.path, prefix: prefix.value };
    }
    const left = operand();
    const op = peek();
    if (!op || op.type !== 'ident' || !comparisonOps.has(op.text.toLowerCase())) throw new FilterSyntaxError('expected a comparison operator');
    at++;
    return { kind: 'compare', op: op.text.toLowerCase() as 'eq', left, right: operand() };
  };

  const and = (): FilterNode => {
    let node = unary();
    while (isWord('and')) {
      at++;
      node = { kind: 'and', left: node, right: unary() };
    }
    return node;
  };

  const or = (): FilterNode => {
    let node = and();
    while (isWord('or')) {
      at++;
      node = { kind: 'or', left: node, right: and() };
    }
    return node;
  };

  const root = or();
  if (at !== tokens.length) throw new FilterSyntaxError(`unexpected '${tokens[at]!.text}'`);
  return { root, paths: [...new Set(paths)] };
}

export function evaluateFilter(node: FilterNode, resolve: (path: string) => unknown): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateFilter(node.left, resolve) && evaluateFilter(node.right, resolve);
    case 'or':
      return evaluateFilter(node.left, resolve) || evaluateFilter(node.right, resolve);
    case 'not':
      return !evaluateFilter(node.operand, resolve);
    case 'startswith': {
      const value = resolve(node.path);
      return typeof value === 'string' && value.startsWith(node.prefix);
    }
    case 'compare': {
      const value = (o: Operand) => (o.kind === 'literal' ? o.value : (resolve(o.path) ?? null));
      return compare(node.op, value(node.left), value(node.right));
    }
  }
}

function compare(op: string, a: unknown, b: unknown): boolean {
  // SharePoint hands numbers back as numbers but ids as strings: compare numerically when both look numeric.
  const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
  const [x, y] = numeric(a) && numeric(b) ? [Number(a), Number(b)] : [a, b];
  switch (op) {
    case 'eq':
      return x === y;
    case 'ne':
      return x !== y;
  }
  if (x === null || y === null || x === undefined || y === undefined) return false;
  const [p, q] = [x as string | number, y as string | number];
  switch (op) {
    case 'gt':
      return p > q;
    case 'ge':
      return p >= q;
    case 'lt':
      return p < q;
    default:
      return p <= q;
  }
}
