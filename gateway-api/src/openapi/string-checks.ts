/**
 * Makes the OpenAPI document state every string constraint a schema can
 * express. zod-to-openapi writes only the first `.regex()` of a string and
 * drops `startsWith`/`endsWith`/`includes`, so a client generated from the
 * document would send strings the API then refuses. This pass walks a route's
 * zod schemas and, for a string with several pattern checks, records one
 * pattern that requires them all (anchored lookaheads, which ECMA and Python
 * regexes both read) as the schema's OpenAPI metadata. A refinement (a
 * function) cannot be read; one that carries its own `pattern` metadata
 * (`.meta({ pattern })`) is expressed by that, any other is returned so the
 * document's gaps are known (README: checks a schema cannot express).
 */
import { globalRegistry, type ZodType } from 'zod';

interface CheckDef {
  check?: string;
  format?: string;
  pattern?: RegExp;
  error?: (issue?: unknown) => unknown;
}

interface Check {
  _zod: { def: CheckDef };
}

interface Def {
  type: string;
  checks?: Check[];
  shape?: Record<string, ZodType>;
  element?: ZodType;
  innerType?: ZodType;
  options?: ZodType[];
  left?: ZodType;
  right?: ZodType;
  keyType?: ZodType;
  valueType?: ZodType;
  items?: ZodType[];
  rest?: ZodType | null;
  in?: ZodType;
  out?: ZodType;
}

/** A refinement the document cannot state: where it is and what it says. */
export interface Unexpressed {
  path: string;
  message: string;
}

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const parentOf = (schema: ZodType): ZodType | undefined => (schema as unknown as { _zod: { parent?: ZodType } })._zod.parent;
const metaOf = (schema: ZodType): Record<string, unknown> | undefined => globalRegistry.get(schema);

/** Metadata keys that state a constraint in the document. */
const CONSTRAINT_KEYS = ['pattern', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minProperties', 'maxProperties', 'minItems', 'maxItems', 'uniqueItems'];

/** Schemas whose pattern this pass derived from their regexes: it states those, not their refinements. */
const derived = new WeakSet<ZodType>();

/**
 * The schema on which metadata `key` was stated: clones (`.describe()`, `.refine()`, ...)
 * inherit their parent's metadata, so walk up while the parent has the same value.
 */
function constraintOwner(schema: ZodType, key: string): ZodType | undefined {
  const value = metaOf(schema)?.[key];
  if (value === undefined) return undefined;
  let owner = schema;
  for (let parent = parentOf(owner); parent && metaOf(parent)?.[key] === value; parent = parentOf(owner)) owner = parent;
  return owner;
}

/**
 * The refinements of `schema` its stated metadata does not cover. A constraint
 * stated on a schema covers that schema's refinements; one added later (a
 * `.refine()` on a clone, which inherits the metadata) is not covered.
 */
function uncoveredChecks(schema: ZodType, keys: readonly string[]): CheckDef[] {
  const custom = (defOf(schema).checks ?? []).filter((c) => c._zod.def.check === 'custom');
  const covered = new Set<Check>();
  for (const key of keys) {
    const owner = constraintOwner(schema, key);
    if (!owner || derived.has(owner)) continue;
    for (const c of defOf(owner).checks ?? []) covered.add(c);
  }
  return custom.filter((c) => !covered.has(c)).map((c) => c._zod.def);
}

/** One pattern that matches only what every one of `patterns` matches. */
export function allOfPatterns(patterns: readonly RegExp[]): string {
  return `^${patterns.map((p) => `(?=${p.source})`).join('')}`;
}

function messageOf(check: CheckDef): string {
  try {
    const out = check.error?.();
    return typeof out === 'string' ? out : ((out as { message?: string } | undefined)?.message ?? 'custom check');
  } catch {
    return 'custom check';
  }
}

function expressString(schema: ZodType, path: string, gaps: Unexpressed[]): void {
  const checks = (defOf(schema).checks ?? []).map((c) => c._zod.def);
  const meta = globalRegistry.get(schema) as { pattern?: string } | undefined;
  if (meta?.pattern === undefined) {
    const patterns = checks.filter((c) => c.check === 'string_format' && c.pattern instanceof RegExp).map((c) => c.pattern as RegExp);
    if (patterns.length > 1) {
      globalRegistry.add(schema, { ...meta, pattern: allOfPatterns(patterns) });
      derived.add(schema);
    }
  }
  for (const c of uncoveredChecks(schema, ['pattern', 'enum'])) gaps.push({ path, message: messageOf(c) });
}

/** The schemas inside a schema, with the path segment of each. */
function children(def: Def): [string, ZodType][] {
  const out: [string, ZodType][] = [];
  if (def.shape) out.push(...Object.entries(def.shape));
  for (const [name, inner] of [['[]', def.element], ['', def.innerType], ['', def.left], ['', def.right], ['{key}', def.keyType], ['{}', def.valueType], ['', def.in], ['', def.out], ['[rest]', def.rest]] as const) {
    if (inner) out.push([name, inner]);
  }
  (def.options ?? []).forEach((o) => out.push(['', o]));
  (def.items ?? []).forEach((item, i) => out.push([`[${i}]`, item]));
  return out;
}

/** `a` + `b` → `a.b`; `a` + `[]` → `a[]`; `a` + `` → `a`. */
function joinPath(path: string, name: string): string {
  if (name === '') return path;
  if (name.startsWith('[') || name.startsWith('{')) return `${path}${name}`;
  return path ? `${path}.${name}` : name;
}

/** Expresses the string checks under `schema` in its OpenAPI metadata; returns the refinements it cannot express. */
export function expressStringChecks(schema: ZodType, path = '', seen = new Set<ZodType>()): Unexpressed[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const gaps: Unexpressed[] = [];
  const where = path || '(value)';
  if (def.type === 'string') expressString(schema, where, gaps);
  else for (const c of uncoveredChecks(schema, CONSTRAINT_KEYS)) gaps.push({ path: where, message: messageOf(c) });
  for (const [name, child] of children(def)) gaps.push(...expressStringChecks(child, joinPath(path, name), seen));
  return gaps;
}

/** The pattern a string schema states by choice (statedPattern), not one this pass derived. */
function ownStatedPattern(schema: ZodType): string | undefined {
  const pattern = metaOf(schema)?.pattern;
  const owner = constraintOwner(schema, 'pattern');
  if (defOf(schema).type !== 'string' || typeof pattern !== 'string' || !owner || derived.has(owner)) return undefined;
  return pattern;
}

/** Every string schema under `schema` that states a pattern of its own choosing (not one this pass derived), with its path. */
export function statedStringPatterns(schema: ZodType, path = '', seen = new Set<ZodType>()): { path: string; schema: ZodType; pattern: string }[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out: { path: string; schema: ZodType; pattern: string }[] = [];
  const pattern = ownStatedPattern(schema);
  if (pattern !== undefined) out.push({ path: path || '(value)', schema, pattern });
  for (const [name, child] of children(defOf(schema))) out.push(...statedStringPatterns(child, joinPath(path, name), seen));
  return out;
}
