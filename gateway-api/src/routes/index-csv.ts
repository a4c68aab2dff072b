/**
 * CSV of any index list page, on the same route as its JSON: `?format=csv` or
 * `Accept: text/csv`. The CSV holds the page's items (index/csv.ts escapes and
 * neutralises formulas); the cursor of the next page, which JSON carries as
 * `next`, goes in the `X-Next-Before` header, so a filer pages the same way.
 */
import type { Request } from 'express';
import type { HandlerResult, ResponseSpec } from '../http/route';
import { toCsv } from '../index/csv';
import type { Page } from '../index/store';
import { z } from '../openapi/zod';

export const formatParam = z.enum(['json', 'csv']).optional().describe('`csv`: the page as text/csv (as with `Accept: text/csv`), the next page\'s cursor in the `X-Next-Before` header');

/** The 200 response of a list route: JSON by its schema, or CSV. */
export const listResponse = (description: string, schema: z.ZodType): ResponseSpec => ({
  description: `${description} (JSON, or CSV with \`format=csv\` / \`Accept: text/csv\`)`,
  schema,
  alternatives: { 'text/csv': z.string().describe('One header line, one line per item (RFC 4180, CRLF); nested value fields as `value.<field>` columns; cells starting with = + - @ are prefixed with an apostrophe') },
  headers: { 'X-Next-Before': 'CSV answers only: the `before` of the next page, absent on the last page' },
});

const wantsCsv = (req: Request, format: string | undefined): boolean =>
  format === 'csv' || (format === undefined && typeof req.headers.accept === 'string' && req.accepts(['application/json', 'text/csv']) === 'text/csv' && !req.headers.accept.includes('application/json'));

/** The page as JSON, or as a CSV download named after the list. */
export function pageReply<T>(req: Request, format: string | undefined, page: Page<T>, name: string): HandlerResult {
  if (!wantsCsv(req, format)) return { status: 200, body: page };
  return {
    status: 200,
    body: toCsv(page.items),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`,
      ...(page.next ? { 'x-next-before': page.next } : {}),
    },
  };
}
