/**
 * What a meter and the meter ingestor must agree on with the chaincode: the shape of
 * one signed reading, the bytes a meter signs, and the largest batch
 * metering:SubmitReadings takes. Exported as `@dec/chaincode-energy/metering-protocol`
 * so clients validate with the very schema the chaincode parses with, without loading
 * the contracts (no fabric-contract-api side effects).
 */
export { readingSchema, type Reading } from './state';
export { READING_DOMAIN, readingMessage, type SignedFields } from './crypto';
export { MAX_BATCH } from './inputs';
