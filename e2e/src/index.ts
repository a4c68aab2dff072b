/** @file fixtures shared by the end-to-end suites. */
export {};
