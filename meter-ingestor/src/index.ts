/** @file placeholder until the package gets its code. */
export {};
