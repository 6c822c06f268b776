// Fails (exit 1) when an import breaks Tierkit's layers or closes a cycle, naming each offending import.
import { resolve } from 'node:path';
import { checkLayers, readModules } from './layers.mjs';

const root = resolve(import.meta.dirname, '../..');
const problems = checkLayers(root);
if (problems.length) {
  console.error(`Imports that break the layers (${problems.length}):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`layers: ${readModules(root).size} modules, every import goes one way, no cycles`);
