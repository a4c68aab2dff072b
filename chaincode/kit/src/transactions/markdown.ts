/**
 * The README's transaction table, generated from a transaction map so the
 * README cannot drift from the chaincode. `spliceGenerated` replaces the text
 * between two marker comments; a chaincode's drift test compares the result
 * with the committed README.
 */
import type { TransactionMap, TxSpec } from './spec';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

interface SchemaView {
  shape?: Record<string, { isOptional?: () => boolean }>;
  options?: SchemaView[];
}

/** Top-level fields of an object schema (`?` = optional), or of each option of a union. */
function fieldList(schema: SchemaView): string | undefined {
  if (schema.shape) {
    const fields = Object.entries(schema.shape).map(([name, s]) => `\`${s.isOptional?.() === true ? `${name}?` : name}\``);
    return fields.length > 0 ? fields.join(', ') : '`{}`';
  }
  const options = schema.options?.map(fieldList);
  if (!options || options.includes(undefined)) return undefined;
  return options.map((o) => `{${o ?? ''}}`).join(' or ');
}

function fieldsOf<G>(spec: TxSpec<G>): string {
  if (!spec.input) return '–';
  const fields = fieldList(spec.input as SchemaView) ?? 'JSON';
  return spec.positional ? `${fields} (plain string arguments)` : fields;
}

function transientOf<G>(spec: TxSpec<G>): string {
  const entries = Object.entries(spec.transient ?? {});
  return entries.map(([name, f]) => `; transient \`${name}\`${f.required ? '' : ' (optional)'}`).join('');
}

/** One markdown table: transaction, kind, input fields, who may call it, summary. */
export function transactionTable<G, A>(map: TransactionMap<G, A>): string {
  const lines = ['| transaction | kind | input | who may call | what it does |', '| --- | --- | --- | --- | --- |'];
  for (const [name, spec] of Object.entries(map.transactions)) {
    const who = map.access.describe(spec.grants) + (spec.rule !== undefined ? `; ${spec.rule}` : '');
    lines.push(`| \`${name}\` | ${spec.kind} | ${cell(fieldsOf(spec) + transientOf(spec))} | ${cell(who)} | ${cell(spec.summary)} |`);
  }
  return `${lines.join('\n')}\n`;
}

export const GENERATED_BEGIN = '<!-- transactions:begin (generated from src/transactions.ts by `npm run readme`; do not edit) -->';
export const GENERATED_END = '<!-- transactions:end -->';

/** `document` with the text between the markers replaced by `content`; throws when a marker is missing. */
export function spliceGenerated(document: string, content: string): string {
  const begin = document.indexOf(GENERATED_BEGIN);
  const end = document.indexOf(GENERATED_END);
  if (begin < 0 || end < begin) throw new Error(`the document lacks the markers ${GENERATED_BEGIN} ... ${GENERATED_END}`);
  return `${document.slice(0, begin + GENERATED_BEGIN.length)}\n\n${content}\n${document.slice(end)}`;
}
