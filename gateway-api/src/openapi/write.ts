/** `npm run -w gateway-api openapi`: regenerates gateway-api/openapi.json from the routes. */
import { writeFileSync } from 'node:fs';
import { documentedRoutes } from '../routes/all';
import { OPENAPI_FILE, openApiJson } from './document';

writeFileSync(OPENAPI_FILE, openApiJson(documentedRoutes()));
process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
