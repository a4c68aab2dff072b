/** `npm run -w chaincode/energy readme` (after building): regenerates the README's transaction tables from the maps. */
import { readFileSync, writeFileSync } from 'node:fs';
import { README_FILE, withGeneratedTables } from './readme';

writeFileSync(README_FILE, withGeneratedTables(readFileSync(README_FILE, 'utf8')));
process.stdout.write(`wrote ${README_FILE}\n`);
