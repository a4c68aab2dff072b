/**
 * Which file answers a request path: files of the built bundle by name, and
 * index.html for everything else (hash routes never reach the server, but a
 * reload of `/` or an unknown path must still load the app). Pure, so the
 * path-traversal rules are unit-tested.
 */
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file under `root` for a URL path, or undefined when the path tries to leave `root`. */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** Requests the gateway answers: the API itself and its OpenAPI document (the explorer reads its capabilities there). */
export const isGatewayPath = (urlPath: string): boolean => urlPath.startsWith('/api/') || urlPath === '/openapi.json' || urlPath.startsWith('/openapi.json?');

/** Vite puts content hashes in asset names, so those may be cached for good; index.html never. */
export const cacheControl = (file: string): string => (/[/\\]assets[/\\]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
