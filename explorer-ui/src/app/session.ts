/**
 * The signed-in API key lives in sessionStorage: it survives a reload but not
 * the tab, and is never written anywhere else (no cookies, no URL).
 */
const KEY = 'dec-explorer.apiKey';

export const storedKey = (): string | undefined => sessionStorage.getItem(KEY) ?? undefined;
export const storeKey = (apiKey: string): void => { sessionStorage.setItem(KEY, apiKey); };
export const forgetKey = (): void => { sessionStorage.removeItem(KEY); };
