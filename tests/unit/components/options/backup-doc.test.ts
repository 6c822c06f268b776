// The example in docs/backup-format.md must stay a backup Tierkit accepts: this reads it out of the page.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, readBackup } from '@/lib/domain/backup';
import { perkKinds, superFanPerkKinds, workspaceSchema } from '@/lib/domain/schema';

const doc = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../../docs/backup-format.md'), 'utf8');
const example = () => {
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
};

describe('docs/backup-format.md', () => {
  it('has a complete example that readBackup accepts', () => {
    const result = readBackup(example(), 'en-US');
    if (!result.ok) expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const backup = result.ok ? result.value : null;
    expect(backup?.format).toBe(BACKUP_FORMAT);
    expect(backup?.version).toBe(BACKUP_VERSION);
    // Complete: a profile, tiers, perks and every list of rules hold something.
    const data = backup!.data;
    expect(data.profile).not.toBeNull();
    for (const list of [data.tiers, data.perks, data.rulesProfiles, data.pricePoints, data.revenueRules]) {
      expect(list.length).toBeGreaterThan(0);
    }
  });

  it('documents every workspace field and every perk kind', () => {
    for (const field of Object.keys(workspaceSchema.shape)) expect(doc).toContain(`\`${field}\``);
    for (const kind of [...perkKinds, ...superFanPerkKinds]) expect(doc).toContain(`\`${kind}\``);
  });

  it('is refused once its version is newer than this Tierkit reads', () => {
    const newer = example().replace(`"version": ${BACKUP_VERSION}`, `"version": ${BACKUP_VERSION + 1}`);
    const result = readBackup(newer, 'en-US');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.path).toEqual(['version']);
  });
});
