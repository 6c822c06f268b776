// The example in docs/badge-pack-format.md must stay a pack Tierkit accepts: this reads it out of the page.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/packs/canonical';
import { fingerprint } from '@/lib/packs/keys';
import { verifyPack } from '@/lib/packs/verify';

const doc = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/badge-pack-format.md'), 'utf8');
const example = doc.slice(doc.indexOf('## A complete example'));
const block = (language: string) => example.match(new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```'))![1]!;
const documentedFingerprint = example.match(/fingerprint is `([0-9a-f ]+)`/)![1]!;

describe('docs/badge-pack-format.md', () => {
  it('has an example pack that verifies, under the fingerprint the page gives', async () => {
    const result = await verifyPack(block('json'));
    expect(result.ok).toBe(true);
    expect(result.ok && result.fingerprint).toBe(documentedFingerprint);
    expect(result.ok && (await fingerprint(result.pack.publicKey))).toBe(documentedFingerprint);
    expect(doc).toContain(`like the example's \`${documentedFingerprint}\``);
  });

  it('shows the example’s signed bytes exactly', () => {
    const { signature: _signature, ...signed } = JSON.parse(block('json'));
    expect(block('text')).toBe(canonicalJson(signed));
  });

  it('has an example that fails once any of its content changes', async () => {
    const changed = block('json').replace('"#ffcc00"', '"#ffcc01"');
    expect(changed).not.toBe(block('json'));
    expect(await verifyPack(changed)).toMatchObject({ ok: false, reason: 'tampered' });
  });
});
