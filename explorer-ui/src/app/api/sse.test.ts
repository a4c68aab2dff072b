import { expect } from 'chai';
import { SseParser } from './sse';

describe('SSE parser', () => {
  it('splits events across chunk boundaries and keeps ids', () => {
    const p = new SseParser();
    expect(p.push('retry: 2000\n\n: keep-alive\n\nid: 12\nevent: blo')).to.deep.equal([]);
    expect(p.push('ck\ndata: {"number":"12"}\n\nid: 13\r\nevent: block\r\ndata: {"number":"13"}\r\n\r\n')).to.deep.equal([
      { id: '12', event: 'block', data: '{"number":"12"}' },
      { id: '13', event: 'block', data: '{"number":"13"}' },
    ]);
    expect(p.lastEventId).to.equal('13');
  });
  it('joins multi-line data and defaults the event name', () => {
    const p = new SseParser();
    expect(p.push('data: a\ndata: b\n\n')).to.deep.equal([{ event: 'message', data: 'a\nb' }]);
  });
});
