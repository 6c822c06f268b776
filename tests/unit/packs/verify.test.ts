import { beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { setLanguage } from '@/lib/i18n';
import { fingerprint, type SigningKey } from '@/lib/packs/keys';
import { MAX_PACK_BYTES, MAX_LISTED_PROBLEMS, PACK_VERSION, badgePackSchema, crossRecordProblems } from '@/lib/packs/pack';
import { verifyPack, type VerifyResult } from '@/lib/packs/verify';
import { ISSUED_AT, createSigningKey, edit, signedText } from './fixtures';

let keyA: SigningKey;
let keyB: SigningKey;
let text: string;
beforeAll(async () => {
  [keyA, keyB] = await Promise.all([createSigningKey(), createSigningKey()]);
  text = await signedText(keyA);
});

const refusal = (result: VerifyResult) =>
  result.ok ? 'accepted' : { reason: result.reason, problems: result.problems.map((p) => [p.path.join('.'), p.message]) };
const TAMPERED = {
  reason: 'tampered',
  problems: [
    [
      'signature',
      'The signature does not match: the pack was changed after it was signed, or signed with a different key than the one it contains. Ask the creator for a fresh copy.',
    ],
  ],
};

describe('sign → verify', () => {
  it('round-trips a pack exactly and names its key', async () => {
    const result = await verifyPack(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack).toEqual(JSON.parse(text));
    expect(result.pack.subscribers).toHaveLength(5);
    expect(result.pack.tiers[1]!.badge).toEqual({ label: 'GOLD', color: '#ffcc00', emoji: '⭐' });
    expect(result.fingerprint).toBe(await fingerprint(keyA.publicJwk));
  });

  it('holds no more than the public fields', async () => {
    const json = JSON.parse(text);
    expect(Object.keys(json).sort()).toEqual(['creator', 'format', 'issuedAt', 'publicKey', 'signature', 'subscribers', 'tiers', 'version']);
    expect(Object.keys(json.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    for (const subscriber of json.subscribers) {
      expect(Object.keys(subscriber).every((k) => ['handle', 'nickname', 'tierId', 'since'].includes(k))).toBe(true);
    }
  });

  it('still verifies with members in another order, indented, with a byte-order mark', async () => {
    const reverse = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverse)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverse(v)]))
          : value;
    const reordered = JSON.stringify(reverse(JSON.parse(text)), null, 2);
    expect(reordered.indexOf('"signature"')).toBeLessThan(reordered.indexOf('"format"'));
    const result = await verifyPack(`\uFEFF${reordered}\r\n`);
    expect(result.ok && result.fingerprint).toBe(await fingerprint(keyA.publicJwk));
  });

  it('verifies whatever the order of members at every level (property)', async () => {
    const json = JSON.parse(text);
    const shuffle = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((v, i) => shuffle(v, seed + i));
      if (typeof value !== 'object' || value === null) return value;
      const entries = Object.entries(value);
      const rotated = [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)];
      return Object.fromEntries((seed % 2 ? rotated.reverse() : rotated).map(([k, v]) => [k, shuffle(v, seed * 7 + 3)]));
    };
    await fc.assert(
      fc.asyncProperty(fc.nat(1000), async (seed) => {
        expect((await verifyPack(JSON.stringify(shuffle(json, seed)))).ok).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('verifies a pack with no subscribers', async () => {
    expect((await verifyPack(await signedText(keyA, { subscribers: [] }))).ok).toBe(true);
  });
});

describe('tampering', () => {
  it('refuses a subscriber moved to another tier', async () => {
    expect(refusal(await verifyPack(edit(text, (j) => (j.subscribers[0].tierId = 'vip'))))).toEqual(TAMPERED);
  });

  it('refuses a changed badge colour', async () => {
    expect(refusal(await verifyPack(edit(text, (j) => (j.tiers[0].badge.color = '#3366fe'))))).toEqual(TAMPERED);
  });

  it('refuses an added, a removed or a reordered subscriber', async () => {
    const added = edit(text, (j) => j.subscribers.push({ handle: 'intruder', tierId: 'vip', since: '2020-01-01' }));
    const removed = edit(text, (j) => j.subscribers.splice(2, 1));
    const reordered = edit(text, (j) => j.subscribers.reverse());
    expect(refusal(await verifyPack(added))).toEqual(TAMPERED);
    expect(refusal(await verifyPack(removed))).toEqual(TAMPERED);
    expect(refusal(await verifyPack(reordered))).toEqual(TAMPERED);
  });

  it('refuses a later date, so an old pack cannot pass for a new one', async () => {
    expect(refusal(await verifyPack(edit(text, (j) => (j.issuedAt = '2030-01-01T00:00:00.000Z'))))).toEqual(TAMPERED);
  });

  it('covers the content as written: a username in capitals that reads the same is still a change', async () => {
    const changed = edit(text, (j) => (j.subscribers[0].handle = 'LUCA_92'));
    expect(badgePackSchema.parse(JSON.parse(changed)).subscribers[0]!.handle).toBe('luca_92');
    expect(refusal(await verifyPack(changed))).toEqual(TAMPERED);
  });

  it('refuses another key swapped in: signed by A, B embedded', async () => {
    const swapped = edit(text, (j) => (j.publicKey = keyB.publicJwk));
    expect(refusal(await verifyPack(swapped))).toEqual(TAMPERED);
  });

  it('refuses a signature taken from another pack of the same key', async () => {
    const other = JSON.parse(await signedText(keyA, { issuedAt: '2025-07-01T00:00:00.000Z' }));
    expect(refusal(await verifyPack(edit(text, (j) => (j.signature = other.signature))))).toEqual(TAMPERED);
  });

  it('accepts the same content re-signed by another key, under that key’s fingerprint', async () => {
    const a = await verifyPack(text);
    const b = await verifyPack(await signedText(keyB));
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.pack.subscribers).toEqual(a.pack.subscribers);
    expect(b.fingerprint).toBe(await fingerprint(keyB.publicJwk));
    expect(b.fingerprint).not.toBe(a.fingerprint);
  });

  it('takes the last of duplicated members, as the signature does: a different last value is a change', async () => {
    const json = text.trimEnd();
    const duplicated = `${json.slice(0, -1)},"issuedAt":"2031-01-01T00:00:00.000Z"}`;
    expect(refusal(await verifyPack(duplicated))).toEqual(TAMPERED);
    const sameValue = `${json.slice(0, -1)},"issuedAt":"${ISSUED_AT}"}`;
    expect((await verifyPack(sameValue)).ok).toBe(true);
  });

  it('fails for any change to one value of the content (property)', async () => {
    const json = JSON.parse(text);
    const leaves: Array<{ path: (string | number)[]; value: unknown }> = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
      } else if (path[0] !== 'signature') leaves.push({ path, value });
    };
    walk(json, []);
    expect(leaves.length).toBeGreaterThan(40);
    // Each character becomes another of its kind, so most changes still pass the schema and only the
    // signature can catch them.
    const classes = ['abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEF', 'GHIJKLMNOPQRSTUVWXYZ', '0123456789', '-_', ' .'];
    const changeChar = (c: string, pick: number) => {
      const kind = classes.find((k) => k.includes(c)) ?? 'xy';
      const others = [...kind].filter((o) => o !== c);
      return others[pick % others.length]!;
    };
    let caughtBySignature = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (leafPick, charPick, pick) => {
        const leaf = leaves[leafPick % leaves.length]!;
        const mutated = structuredClone(json);
        let parent = mutated;
        for (const segment of leaf.path.slice(0, -1)) parent = parent[segment];
        const last = leaf.path.at(-1)!;
        if (typeof leaf.value === 'number') parent[last] = leaf.value + (pick % 2 ? 1 : -1);
        else {
          const chars = [...String(leaf.value)];
          const at = charPick % chars.length;
          chars[at] = changeChar(chars[at]!, pick);
          parent[last] = chars.join('');
        }
        const result = await verifyPack(JSON.stringify(mutated));
        expect(result.ok).toBe(false);
        const schemaValid = badgePackSchema.safeParse(mutated);
        if (schemaValid.success && crossRecordProblems(schemaValid.data).length === 0) {
          // A changed coordinate is most likely no point on the curve at all.
          const expected = leaf.path[0] === 'publicKey' ? ['tampered', 'bad-key'] : ['tampered'];
          expect(expected).toContain(!result.ok && result.reason);
          caughtBySignature++;
        }
      }),
      { numRuns: 300 },
    );
    expect(caughtBySignature).toBeGreaterThan(100);
  });
});

describe('damaged and foreign files', () => {
  it('refuses a truncated file as incomplete, wherever it was cut (property)', async () => {
    const body = text.trimEnd();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: body.length - 1 }), async (cut) => {
        const result = await verifyPack(body.slice(0, cut));
        expect(refusal(result)).toMatchObject({ reason: 'not-json' });
        expect(!result.ok && result.problems[0]!.message).toMatch(/^The file is not a complete JSON document: it may have been cut short or damaged \(/);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a foreign format, naming a Tierkit backup for what it is', async () => {
    const notAPack = { reason: 'foreign-format', problems: [['format', 'This file is not a Tierkit badge pack']] };
    expect(refusal(await verifyPack(edit(text, (j) => (j.format = 'some-other-pack'))))).toEqual(notAPack);
    expect(refusal(await verifyPack('[1,2]'))).toEqual(notAPack);
    expect(refusal(await verifyPack('null'))).toEqual(notAPack);
    expect(refusal(await verifyPack('{"version":1}'))).toEqual(notAPack);
    expect(refusal(await verifyPack('{"format":"tierkit-backup","version":2,"data":{}}'))).toEqual({
      reason: 'foreign-format',
      problems: [['format', 'This file is a Tierkit backup, not a badge pack: restore it from the Data section instead']],
    });
  });

  it('refuses a newer version, naming it', async () => {
    expect(refusal(await verifyPack(edit(text, (j) => (j.version = 3))))).toEqual({
      reason: 'too-new',
      problems: [
        ['version', `This badge pack was made by a newer Tierkit (format version 3); this one reads version ${PACK_VERSION}. Update Tierkit to import it.`],
      ],
    });
    expect(refusal(await verifyPack(edit(text, (j) => (j.version = 0))))).toMatchObject({ reason: 'invalid', problems: [['version', 'Must be one of: 1']] });
  });

  it('refuses a huge file before parsing it', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const ascii = await verifyPack(`${text}${' '.repeat(MAX_PACK_BYTES)}`);
      expect(refusal(ascii)).toMatchObject({ reason: 'too-large', problems: [['', 'The file is 32 MB; a badge pack is at most 32 MB']] });
      // Fewer characters than the limit, more bytes: three bytes each.
      const wide = await verifyPack(`"${'€'.repeat(Math.ceil(MAX_PACK_BYTES / 3))}"`);
      expect(refusal(wide)).toMatchObject({ reason: 'too-large' });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    expect((await verifyPack(text)).ok).toBe(true);
  });

  it('refuses unknown members, which the signature would cover but no reader would understand', async () => {
    const top = await verifyPack(edit(text, (j) => (j.comment = 'hi')));
    expect(refusal(top)).toMatchObject({ reason: 'invalid', problems: [['', 'Unknown fields: comment']] });
    const inner = await verifyPack(edit(text, (j) => (j.subscribers[1].note = 'pays late')));
    expect(refusal(inner)).toMatchObject({ reason: 'invalid', problems: [['subscribers.1', 'Unknown fields: note']] });
    const proto = await verifyPack(text.trimEnd().replace(/^\{/, '{"__proto__":{"isAdmin":true},'));
    expect(refusal(proto)).toMatchObject({ reason: 'invalid', problems: [['', 'Unknown fields: __proto__']] });
  });

  it('lists each invalid field with its path', async () => {
    const result = await verifyPack(
      edit(text, (j) => {
        j.tiers[1].badge.color = 'gold';
        j.subscribers[3].since = '2025-02-30';
        delete j.subscribers[2].nickname;
      }),
    );
    expect(refusal(result)).toEqual({
      reason: 'invalid',
      problems: [
        ['tiers.1.badge.color', 'Use a colour like #ff0050'],
        ['subscribers.2.handle', 'A subscriber needs a TikTok username or a nickname (or both)'],
        ['subscribers.3.since', expect.any(String)],
      ],
    });
  });

  it('refuses a subscriber of a tier the pack lacks, a repeated username and a repeated tier id', async () => {
    const result = await verifyPack(
      edit(text, (j) => {
        j.tiers[2].id = 'fan';
        j.subscribers[3].handle = 'luca_92';
      }),
    );
    expect(refusal(result)).toEqual({
      reason: 'invalid',
      problems: [
        ['tiers.2.id', 'Tier 1 has the same id'],
        ['subscribers.2.tierId', 'There is no tier with the id “vip” in this pack'],
        ['subscribers.3.handle', 'Subscriber 1 has the same username'],
      ],
    });
  });

  it('lists at most MAX_LISTED_PROBLEMS problems and counts the rest', async () => {
    const result = await verifyPack(
      edit(text, (j) => (j.subscribers = Array.from({ length: 80 }, (_, i) => ({ handle: `fan_${i}`, tierId: 'fan', since: 'soon' })))),
    );
    expect(!result.ok && result.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(!result.ok && result.problems.at(-1)!.message).toBe('…and 30 more problems');
  });

  it('refuses text with a broken character, at its path', async () => {
    const broken = text.replace('"Anna 🌸"', '"Anna \\ud83c"');
    expect(refusal(await verifyPack(broken))).toEqual({
      reason: 'invalid',
      problems: [['subscribers.1.nickname', 'This text contains a broken character (an unpaired UTF-16 surrogate)']],
    });
  });

  it('speaks Italian when the language is Italian', async () => {
    setLanguage('it');
    expect(refusal(await verifyPack(edit(text, (j) => (j.tiers[0].badge.color = '#3366fe'))))).toMatchObject({
      reason: 'tampered',
      problems: [['signature', expect.stringMatching(/^La firma non corrisponde/)]],
    });
  });
});

describe('keys and signatures in the file', () => {
  it('refuses a key on another curve, naming the curve', async () => {
    const p384 = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', p384.publicKey);
    const result = await verifyPack(edit(text, (j) => (j.publicKey = { kty, crv, x, y })));
    expect(refusal(result)).toMatchObject({ reason: 'bad-key' });
    expect(!result.ok && result.problems.map((p) => p.message)).toContain(
      'The pack’s key is on the curve “P-384”; badge packs are signed on P-256',
    );
  });

  it('refuses a key of another type', async () => {
    const result = await verifyPack(edit(text, (j) => (j.publicKey.kty = 'RSA')));
    expect(refusal(result)).toEqual({
      reason: 'bad-key',
      problems: [['publicKey.kty', 'The pack’s key is of type “RSA”; badge packs are signed with elliptic-curve (EC) keys']],
    });
  });

  it('refuses a malformed key: a short coordinate, or a point not on the curve', async () => {
    const short = await verifyPack(edit(text, (j) => (j.publicKey.x = j.publicKey.x.slice(0, 40))));
    expect(refusal(short)).toEqual({
      reason: 'bad-key',
      problems: [['publicKey.x', 'The pack’s key is damaged: each coordinate must be 32 bytes in base64url (43 characters)']],
    });
    const offCurve = await verifyPack(edit(text, (j) => (j.publicKey.y = j.publicKey.x)));
    expect(refusal(offCurve)).toEqual({
      reason: 'bad-key',
      problems: [['publicKey', 'The pack’s key is damaged: it is not a valid P-256 public key']],
    });
    const missing = await verifyPack(edit(text, (j) => delete j.publicKey));
    expect(refusal(missing)).toMatchObject({ reason: 'bad-key', problems: [['publicKey', expect.any(String)]] });
  });

  it('refuses a pack that carries a private key', async () => {
    const result = await verifyPack(edit(text, (j) => (j.publicKey.d = 'AAAA')));
    expect(refusal(result)).toEqual({
      reason: 'bad-key',
      problems: [['publicKey.d', 'The pack contains the creator’s private key, so anyone could have signed it: it cannot be trusted']],
    });
  });

  it('refuses a signature that is not strict base64url of 64 bytes', async () => {
    const message = 'The signature is damaged: it must be 64 bytes in base64url (86 characters: A–Z, a–z, 0–9, “-” and “_”)';
    const bad = { reason: 'bad-signature-encoding', problems: [['signature', message]] };
    const signature: string = JSON.parse(text).signature;
    const lastChar = signature.at(-1)!;
    const withTrailingBits = signature.slice(0, -1) + (lastChar === 'B' ? 'C' : 'B');
    for (const damaged of [
      signature.replace(/[-_]/g, '+').replace(/^[A-Za-z0-9]/, '/'), // standard base64
      `${signature}==`,
      signature.slice(0, 85),
      `${signature}AA`,
      withTrailingBits,
      `${signature.slice(0, 40)}!${signature.slice(41)}`,
      '',
    ]) {
      expect(refusal(await verifyPack(edit(text, (j) => (j.signature = damaged))))).toEqual(bad);
    }
    expect(refusal(await verifyPack(edit(text, (j) => delete j.signature)))).toMatchObject({ reason: 'bad-signature-encoding' });
  });

});
