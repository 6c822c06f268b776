// Every style sheet is whole: Vite joins a page's sheets into one file, so a block left open in one
// swallows the rules of every sheet after it (the Subscribers table lost its row layout that way).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function sheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sheets(path) : name.endsWith('.css') ? [path] : [];
  });
}

/** Where a sheet's blocks stop adding up: an unopened close, or what is still open at the end. */
function unbalanced(css: string): string | null {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  let depth = 0;
  let line = 1;
  for (const char of text) {
    if (char === '\n') line++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return `a } with no block to close, line ${line}`;
  }
  return depth ? `blocks left open at the end: ${depth}` : null;
}

describe('style sheets', () => {
  it('close every block they open', () => {
    const files = [...sheets(join(root, 'components')), ...sheets(join(root, 'lib'))];
    expect(files.length).toBeGreaterThan(5);
    const broken = files.flatMap((file) => {
      const problem = unbalanced(readFileSync(file, 'utf8'));
      return problem ? [`${relative(root, file)}: ${problem}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('finds a block left open, and a brace in a comment or a string is not one', () => {
    expect(unbalanced('.a { color: red; }\n.b { flex: 1;\n.c { margin: 0; }')).toBe('blocks left open at the end: 1');
    expect(unbalanced('.a { }\n}')).toBe('a } with no block to close, line 2');
    expect(unbalanced('/* { */ .a::before { content: "}"; }')).toBeNull();
  });
});
