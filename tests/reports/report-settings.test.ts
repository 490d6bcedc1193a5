/**
 * The report views' settings saved in the project: through the contract, read back by a new
 * connection, tolerant of settings from another version, and used by `rodtrad report --saved`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { Project } from '../../electron/core/project/project';
import { buildSampleProject } from '../../electron/core/sample/sample-project';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-report-settings');

describe('report settings', () => {
  const file = path.join(dir, 'exempel.rodtrad');
  buildSampleProject(file).close();

  it('are saved in the project and read back by another connection', async () => {
    const s = new Session('test');
    s.openProject(file);
    expect(await dispatch(s, 'reports.settings', {})).toBeNull();
    const codes = (s.project!.db.prepare('SELECT id FROM codes WHERE parent_id IS NULL ORDER BY position LIMIT 2').pluck().all() as number[]);
    const settings = { term: 'termin', group: 'grupp', district: null, codes, includeSubcodes: false, chart: 'bar' as const, split: 'chef', freqVariables: [], orders: { termin: ['VT17', 'HT16'] } };
    expect(await dispatch(s, 'reports.saveSettings', { settings })).toEqual(settings);
    // saving again replaces them (one row)
    await dispatch(s, 'reports.saveSettings', { settings: { ...settings, chart: 'line' } });
    s.dispose();

    const p = Project.open(file);
    try {
      expect(p.db.prepare("SELECT count(*) FROM layouts WHERE kind = 'report-settings'").pluck().get()).toBe(1);
    } finally {
      p.close();
    }
    const again = new Session('test');
    again.openProject(file);
    expect(await dispatch(again, 'reports.settings', {})).toEqual({ ...settings, chart: 'line' });
    again.dispose();
  });

  it('refuses settings that do not fit, and reads past damaged or newer ones', async () => {
    const s = new Session('test');
    const p = s.openProject(file);
    await expect(dispatch(s, 'reports.saveSettings', { settings: { chart: 'pie' } } as never)).rejects.toThrow(/chart/);
    // a newer version's extra field is ignored, a damaged row is as good as none
    p.db.prepare("UPDATE layouts SET spec = ? WHERE kind = 'report-settings'").run(JSON.stringify({ term: 'termin', zoom: 3 }));
    expect(await dispatch(s, 'reports.settings', {})).toEqual({ term: 'termin' });
    p.db.prepare("UPDATE layouts SET spec = '{not json' WHERE kind = 'report-settings'").run();
    expect(await dispatch(s, 'reports.settings', {})).toBeNull();
    s.dispose();
  });

  it('are what `rodtrad report --saved` starts from; options override them', async () => {
    const s = new Session('test');
    s.openProject(file);
    await dispatch(s, 'reports.saveSettings', { settings: { term: 'termin', group: 'grupp', includeSubcodes: true } });
    s.dispose();
    const saved = rodtrad(['report', file, '--saved', '--json']);
    expect(saved.stderr).toBe('');
    const viaFlags = rodtrad(['report', file, '--term', 'termin', '--group', 'grupp', '--json']);
    expect(JSON.parse(saved.stdout)).toEqual(JSON.parse(viaFlags.stdout));
    expect(JSON.parse(saved.stdout).groups).toEqual(['chef', 'medarbetare']);
    const noGroup = JSON.parse(rodtrad(['report', file, '--saved', '--group', 'stadsdel', '--json']).stdout);
    expect(noGroup.groups).toEqual(['Norrdal', 'Söderby']);
    const none = rodtrad(['report', path.join(dir, 'utan.rodtrad'), '--saved']);
    expect(none.code).toBe(1);
  });

  it('say so when there are none to start from', () => {
    const bare = path.join(dir, 'tom.rodtrad');
    Project.create(bare).close();
    const r = rodtrad(['report', bare, '--saved']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no saved report settings/);
  });
});
