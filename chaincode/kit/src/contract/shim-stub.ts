/**
 * fabric-shim's stub, as the kit's ledger layer expects it. A real peer answers
 * an empty paged range read (no records, no next bookmark) with zero bytes of
 * pagination metadata, and fabric-shim then returns no `metadata` at all,
 * although its typings promise one: every paged query on an empty page crashed
 * with "Cannot read properties of undefined (reading 'bookmark')" (issue 13).
 * The context hands the ledger this view, in which a page always has metadata.
 */
import type { ChaincodeStub, Iterators } from 'fabric-shim-api';

type PagedRead = ChaincodeStub['getStateByPartialCompositeKeyWithPagination'];

interface PagedResponse {
  iterator: Iterators.StateQueryIterator;
  metadata?: { fetchedRecordsCount: number; bookmark: string };
}

type PagedReadWithMetadata = (...args: Parameters<PagedRead>) => Promise<Required<PagedResponse>>;

/**
 * A page read that always reports metadata (an absent one means: nothing
 * fetched, no next page). The ledger only awaits the response, so the
 * shim's async-iterator form is not offered.
 */
function withMetadata(read: PagedRead): PagedReadWithMetadata {
  return async (objectType, attributes, pageSize, bookmark) => {
    const response = (await read(objectType, attributes, pageSize, bookmark)) as PagedResponse;
    return { iterator: response.iterator, metadata: response.metadata ?? { fetchedRecordsCount: 0, bookmark: '' } };
  };
}

/** The stub with paged reads that always carry metadata; every other member is the stub's own. */
export function ledgerStub(stub: ChaincodeStub): ChaincodeStub {
  const paged = withMetadata(stub.getStateByPartialCompositeKeyWithPagination.bind(stub));
  return new Proxy(stub, {
    get(target, property): unknown {
      if (property === 'getStateByPartialCompositeKeyWithPagination') return paged;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
