import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract';
import { dispatch, toWireError } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { UserError } from '../../electron/core/errors';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('contract');

describe('the contract and its dispatch table', () => {
  it('every method has a summary and zod schemas for params and result', () => {
    expect(methodNames.length).toBeGreaterThan(5);
    for (const name of methodNames) {
      const spec = contract[name];
      expect(spec.summary.trim().length, name).toBeGreaterThan(4);
      expect(typeof spec.params.safeParse, name).toBe('function');
      expect(typeof spec.result.safeParse, name).toBe('function');
      expect(name, 'method names are area.verb').toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('validates params before the core sees them, with a message naming the method and field', async () => {
    const s = new Session('test');
    await expect(dispatch(s, 'project.create', { path: 42 })).rejects.toThrow(/project.create: path/);
    await expect(dispatch(s, 'documents.get', { id: -1 })).rejects.toBeInstanceOf(UserError);
    await expect(dispatch(s, 'project.info', { extra: true })).rejects.toThrow(/bad-params|Unrecognized|unrecognized/i);
    await expect(dispatch(s, 'nope.nothing' as never, {})).rejects.toThrow(/unknown method/);
  });

  it('needs an open project for project methods and says so plainly', async () => {
    const s = new Session('test');
    await expect(dispatch(s, 'documents.list', {})).rejects.toThrow('no project is open');
  });

  it('creates, opens and reports on a project; emits project and changed events', async () => {
    const s = new Session('test');
    const events: string[] = [];
    s.on((e) => events.push(e.type));
    const file = path.join(dir, 'a.rodtrad');
    const info = await dispatch(s, 'project.create', { path: file, name: 'Studie' });
    expect(info).toMatchObject({ name: 'Studie', counts: { documents: 0, codes: 0, quotations: 0, memos: 0 } });
    expect(events).toContain('project');
    await dispatch(s, 'project.setCoder', { name: 'Karin' });
    expect(events).toContain('changed');
    expect((await dispatch(s, 'project.info', {})).coder).toBe('Karin');
    expect(await dispatch(s, 'app.info', {})).toMatchObject({ host: 'test', project: file });
    expect(await dispatch(s, 'project.close', {})).toEqual({ closed: true });
    expect((await dispatch(s, 'app.info', {})).project).toBeNull();
    s.dispose();
  });

  it('offers native file dialogs only where the host has them', async () => {
    const s = new Session('browser');
    expect(await dispatch(s, 'host.pickFile', { purpose: 'openProject' })).toEqual({ supported: false, paths: [] });
    const asked: string[] = [];
    s.dialogs = { pickFile: async (r) => (asked.push(r.purpose), ['/home/forskare/studie.rodtrad']) };
    expect(await dispatch(s, 'host.pickFile', { purpose: 'newProject', extensions: ['rodtrad'] })).toEqual({ supported: true, paths: ['/home/forskare/studie.rodtrad'] });
    expect(asked).toEqual(['newProject']);
    await expect(dispatch(s, 'host.pickFile', { purpose: 'steal' } as never)).rejects.toThrow(/bad|Invalid/i);
  });

  it('says what went wrong in Swedish too, for the Swedish UI (coding, projects)', async () => {
    const s = new Session('test');
    s.createProject(path.join(dir, 'svenska.rodtrad'));
    await dispatch(s, 'codes.create', { name: 'Samverkan' });
    const clash = await dispatch(s, 'codes.create', { name: 'Samverkan' }).catch((e: unknown) => toWireError(e));
    expect(clash).toMatchObject({ code: 'exists', message: 'a code named "Samverkan" already exists at that level', messageSv: 'det finns redan en kod som heter ”Samverkan” på den nivån' });
    const missing = await dispatch(s, 'project.open', { path: path.join(dir, 'finns-inte.rodtrad') }).catch((e: unknown) => toWireError(e));
    expect((missing as { messageSv?: string }).messageSv).toMatch(/finns-inte\.rodtrad: projektfilen finns inte$/);
    s.dispose();
  });

  it('turns errors into wire errors: user errors keep their message, bugs are marked internal', () => {
    expect(toWireError(new UserError('bad-input', 'is empty', '/x/a.txt'))).toEqual({ code: 'bad-input', message: '/x/a.txt: is empty', file: '/x/a.txt' });
    expect(toWireError(new TypeError('x is undefined')).code).toBe('internal');
    // with a Swedish message for the Swedish UI, named by the file like the English one
    expect(toWireError(new UserError('bad-file', 'the file is empty', '/x/a.txt', 'filen är tom'))).toEqual({
      code: 'bad-file',
      message: '/x/a.txt: the file is empty',
      file: '/x/a.txt',
      messageSv: '/x/a.txt: filen är tom',
    });
  });
});
