export interface Module {
  /** Path from the repository's root. */
  path: string;
  local: string[];
  packages: string[];
  unresolved: string[];
}
export const ALLOWED: Record<string, string[]>;
export const SOURCE_ROOTS: string[];
export function importsOf(source: string): string[];
export function readModules(root: string): Map<string, Module>;
export function layerOf(path: string): string | undefined;
export function layerViolations(modules: Map<string, Module>): string[];
export function importCycles(graph: Map<string, string[]>): string[][];
export function checkLayers(root: string): string[];
