import { expect } from 'chai';
import express from 'express';
import type { Request } from 'express';
import { pageReply } from './index-csv';

/** A request with an Accept header, as express gives it to a handler (req.accepts needs the app's prototype). */
function request(accept?: string): Request {
  const req = Object.create(express.request as object) as Request;
  (req as unknown as { headers: Record<string, string> }).headers = accept ? { accept } : {};
  return req;
}

describe('index list pages as CSV', () => {
  const page = { items: [{ key: 'R1', value: { status: '=cmd' } }], next: 'R0' };

  it('answers JSON unless format=csv or Accept prefers text/csv', () => {
    expect(pageReply(request(), undefined, page, 'x').body).to.equal(page);
    expect(pageReply(request('*/*'), undefined, page, 'x').body).to.equal(page);
    expect(pageReply(request('application/json, text/csv'), undefined, page, 'x').body).to.equal(page);
    expect(pageReply(request('text/csv'), 'json', page, 'x').body).to.equal(page);
  });

  it('gives CSV with a safe file name and the next cursor in a header', () => {
    for (const reply of [pageReply(request(), 'csv', page, 'scf-receivable'), pageReply(request('text/csv'), undefined, page, 'scf-receivable')]) {
      expect(reply.body).to.equal("key,value.status\r\nR1,'=cmd\r\n");
      expect(reply.headers).to.include({ 'content-type': 'text/csv; charset=utf-8', 'x-next-before': 'R0', 'content-disposition': 'attachment; filename="scf-receivable.csv"' });
    }
    expect(pageReply(request(), 'csv', { items: [] }, 'a/b"c').headers).to.deep.equal({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="a_b_c.csv"' });
  });
});
