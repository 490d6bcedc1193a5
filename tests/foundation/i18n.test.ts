/** Every UI string exists in Swedish and English (no key left untranslated or empty). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(__dirname, '../../renderer/src/i18n/resources');

function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, obj);
  return out;
}

describe('UI text', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  it('has resource files', () => expect(files.length).toBeGreaterThan(0));
  for (const f of files) {
    it(`${f}: Swedish and English have the same keys, all non-empty`, async () => {
      const mod = (await import(path.join(dir, f))) as { default: { sv: unknown; en: unknown } };
      const sv = leaves(mod.default.sv);
      const en = leaves(mod.default.en);
      expect([...sv.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [k, v] of [...sv, ...en]) expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
    });
  }
  it('no two resource files define the same top-level namespace', async () => {
    const seen = new Map<string, string>();
    for (const f of files) {
      const mod = (await import(path.join(dir, f))) as { default: { sv: Record<string, unknown> } };
      for (const ns of Object.keys(mod.default.sv)) {
        expect(seen.get(ns), `${ns} in ${f}`).toBeUndefined();
        seen.set(ns, f);
      }
    }
  });
});
