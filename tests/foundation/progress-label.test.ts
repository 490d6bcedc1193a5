/**
 * The status bar names what a running job does in the window's language, never by the
 * job's internal phase id ("write", "foreign keys"), which it showed before.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { JOB_PHASES } from '../../shared/contract';
import core from '../../renderer/src/i18n/resources/core';
import { progressLabel } from '../../renderer/src/components/progress-label';

async function translator(lng: 'sv' | 'en') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { sv: { translation: core.sv }, en: { translation: core.en } }, interpolation: { escapeValue: false } });
  return i.t;
}

describe('the status bar while a job runs', () => {
  it('says what every phase is in Swedish and in English, not by its id', async () => {
    const sv = await translator('sv');
    const en = await translator('en');
    for (const phase of JOB_PHASES) {
      const [s, e] = [progressLabel({ phase }, sv), progressLabel({ phase }, en)];
      expect([s, e].some((label) => label === phase || label.startsWith('progress.')), phase).toBe(false);
      expect(s, phase).not.toBe(e);
    }
    expect(progressLabel({ phase: 'write' }, sv)).toBe('Skriver');
    expect(progressLabel({ phase: 'foreign keys' }, en)).toBe('Checking the links');
  });

  it("shows the job's own message where it gives one (the import names the file)", async () => {
    expect(progressLabel({ phase: 'import', message: '2/3 intervju-07' }, await translator('sv'))).toBe('2/3 intervju-07');
  });
});
