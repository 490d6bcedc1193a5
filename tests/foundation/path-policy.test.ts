/**
 * Browser mode: the page cannot name files on the server. Every parameter that is a server
 * path is refused for a 'browser' session; projects are opened and created only inside the
 * browse root (the user's home; a temp folder here), which `host.browse` cannot leave.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { tempDir } from '../helpers/tmp';

const base = tempDir('path-policy');
const home = path.join(base, 'home');
const outside = path.join(base, 'outside');
const bashrc = path.join(home, '.bashrc');
const BASHRC = 'export PATH=$HOME/bin:$PATH\n# mine\n';
const secret = path.join(outside, 'secret.txt');
const projectFile = path.join(home, 'projects', 'studie.rodtrad');

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; sv?: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; message: string; sv?: string };
    return { code: err.code ?? 'none', message: err.message, sv: err.sv };
  }
  throw new Error('expected the call to be refused');
}

const target = (name: string): string => path.join(home, name);

/** One call per method that takes a server path, with params that are valid otherwise. */
const pathCalls: { method: MethodName; params: Record<string, unknown>; written?: string }[] = [
  { method: 'codebooks.export', params: { format: 'csv', path: bashrc } },
  { method: 'codebooks.load', params: { path: '/etc/passwd' } },
  { method: 'project.backup', params: { path: target('copy.rodtrad') }, written: target('copy.rodtrad') },
  { method: 'import.files', params: { sources: [{ path: secret }] } },
  { method: 'import.attributeSheet', params: { source: { path: secret } } },
  { method: 'import.surveyPreview', params: { source: { path: secret } } },
  { method: 'quotations.export', params: { format: 'csv', path: target('q.csv') }, written: target('q.csv') },
  { method: 'words.export', params: { format: 'csv', path: target('w.csv') }, written: target('w.csv') },
  { method: 'tables.exportThemeTable', params: { format: 'md', path: target('t.md') }, written: target('t.md') },
  { method: 'tables.exportMatrix', params: { format: 'csv', path: target('m.csv') }, written: target('m.csv') },
  { method: 'tables.exportCooccurrence', params: { format: 'csv', path: target('c.csv') }, written: target('c.csv') },
  { method: 'tables.exportCodeMap', params: { format: 'svg', path: target('k.svg') }, written: target('k.svg') },
  { method: 'reports.exportTerm', params: { term: 'termin', format: 'xlsx', path: target('r.xlsx') }, written: target('r.xlsx') },
  { method: 'reports.exportFrequencies', params: { variables: ['v'], format: 'csv', path: target('f.csv') }, written: target('f.csv') },
  { method: 'teams.copies', params: { outDir: home, coders: ['Anna'] } },
  { method: 'teams.merge', params: { out: target('merged.rodtrad'), inputs: [target('a.rodtrad')] }, written: target('merged.rodtrad') },
  { method: 'agreement.export', params: { format: 'docx', path: target('agreement.docx') }, written: target('agreement.docx') },
  { method: 'refi.importProject', params: { source: { path: secret }, target: path.join(home, 'projects', 'refi.rodtrad') }, written: path.join(home, 'projects', 'refi.rodtrad') },
  { method: 'refi.exportProject', params: { path: target('p.qdpx') }, written: target('p.qdpx') },
  { method: 'refi.importCodebook', params: { source: { path: secret } } },
  { method: 'refi.exportCodebook', params: { path: target('b.qdc') }, written: target('b.qdc') },
  { method: 'pseudonyms.load', params: { path: secret } },
  { method: 'pseudonyms.suggest', params: { listPath: secret } },
  { method: 'project.restore', params: { path: target('copy.rodtrad') } },
  { method: 'media.link', params: { documentId: 1, path: secret } },
];

let browser: Session;

beforeAll(async () => {
  mkdirSync(path.join(home, 'projects', 'empty'), { recursive: true });
  mkdirSync(path.join(home, '.hidden'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(bashrc, BASHRC);
  writeFileSync(secret, 'hemligt');
  writeFileSync(path.join(home, 'projects', 'notes.txt'), 'not a project');
  writeFileSync(path.join(outside, 'other.rodtrad'), '');
  symlinkSync(outside, path.join(home, 'out'));
  symlinkSync(path.join(outside, 'other.rodtrad'), path.join(home, 'projects', 'link.rodtrad'));
  const cli = new Session('cli');
  cli.createProject(projectFile, 'Studie');
  await dispatch(cli, 'codebooks.load', { content: 'Tema\n  Undertema\n', format: 'txt', name: 'bok' });
  cli.dispose();
  browser = new Session('browser', null, { browseRoot: home });
  browser.openProject(projectFile);
});
afterAll(() => browser.dispose());

describe('a browser session cannot name files on the server', () => {
  for (const call of pathCalls) {
    it(`refuses ${call.method} with a path`, async () => {
      const err = await failure(dispatch(browser, call.method, call.params as never));
      expect(err.code).toBe('server-path');
      expect(err.message).toMatch(/browser mode/);
      expect(err.sv).toMatch(/webbläsarläget/);
      if (call.written) expect(existsSync(call.written)).toBe(false);
    });
  }

  it('leaves a .bashrc byte-identical after codebooks.export {path}', async () => {
    await failure(dispatch(browser, 'codebooks.export', { format: 'txt', path: bashrc }));
    expect(readFileSync(bashrc, 'utf8')).toBe(BASHRC);
  });

  it('cannot read /etc/passwd through codebooks.load', async () => {
    const before = (await dispatch(browser, 'codes.tree', {})).length;
    await failure(dispatch(browser, 'codebooks.load', { path: '/etc/passwd' }));
    expect((await dispatch(browser, 'codes.tree', {})).length).toBe(before);
  });

  it('imports nothing from a path, while uploads still work', async () => {
    await failure(dispatch(browser, 'import.files', { sources: [{ name: 'a.txt', data: Buffer.from('hej').toString('base64') }], attributesSheet: { path: secret } }));
    expect((await dispatch(browser, 'documents.list', {})).length).toBe(0);
    const r = await dispatch(browser, 'import.files', { sources: [{ name: 'upload.txt', data: Buffer.from('Intervju\n').toString('base64') }] });
    expect(r.results[0]?.status).toBe('imported');
  });

  it('still exports as a download and loads a codebook from its content', async () => {
    const r = await dispatch(browser, 'codebooks.export', { format: 'csv' });
    expect(r.content).toContain('Tema');
    expect(r.path).toBeNull();
    const loaded = await dispatch(browser, 'codebooks.load', { content: 'Nytt\n', format: 'txt', name: 'upload' });
    expect(loaded.created).toBe(1);
  });

  it('writes a backup without a path next to the open project, under a new name each time', async () => {
    const a = await dispatch(browser, 'project.backup', {});
    const b = await dispatch(browser, 'project.backup', {});
    expect(path.dirname(a.path)).toBe(path.dirname(realpathSync(projectFile)));
    expect(path.basename(a.path)).toMatch(/^studie-backup-.*\.rodtrad$/);
    expect(a.path).not.toBe(b.path);
    expect(existsSync(a.path) && existsSync(b.path)).toBe(true);
  });
});

describe('host.browse lists folders and projects inside its root only', () => {
  it('lists folders and .rodtrad files, not other files or hidden folders', async () => {
    const r = await dispatch(browser, 'host.browse', { dir: 'projects' });
    expect(r.dir).toBe('projects');
    expect(r.parent).toBe('');
    // the backups written by the test above lie there too
    expect(r.entries.filter((e) => !e.name.includes('-backup-')).map((e) => `${e.kind}:${e.name}`)).toEqual(['folder:empty', 'project:studie.rodtrad']);
    const top = await dispatch(browser, 'host.browse', {});
    expect(top.dir).toBe('');
    expect(top.parent).toBeNull();
    expect(top.entries.map((e) => e.name)).toEqual(['projects']);
  });

  const escapes: [string, string][] = [['..', '..'], ['projects/../..', 'projects/../..'], ['/etc', '/etc'], ['an absolute folder outside', outside], ['a symlink out', 'out'], ['a symlink out/', 'out/']];
  for (const [label, dir] of escapes) {
    it(`refuses to leave the root: ${label}`, async () => {
      const err = await failure(dispatch(browser, 'host.browse', { dir }));
      expect(err.code).toBe('outside-root');
      expect(err.sv).toBeTruthy();
    });
  }
});

describe('a browser session opens and creates projects inside the browse root', () => {
  it('opens a project by a path relative to the root, and by an absolute one inside it', async () => {
    const s = new Session('browser', null, { browseRoot: home });
    try {
      expect((await dispatch(s, 'project.open', { path: 'projects/studie.rodtrad' })).name).toBe('Studie');
      expect((await dispatch(s, 'project.open', { path: projectFile })).name).toBe('Studie');
    } finally {
      s.dispose();
    }
  });

  it('refuses projects outside the root, through a symlink, or not ending in .rodtrad', async () => {
    const s = new Session('browser', null, { browseRoot: home });
    try {
      for (const p of ['/etc/passwd', path.join(outside, 'other.rodtrad'), '../outside/other.rodtrad', 'out/other.rodtrad', 'projects/link.rodtrad']) {
        expect((await failure(dispatch(s, 'project.open', { path: p }))).code).toBe('outside-root');
      }
      expect((await failure(dispatch(s, 'project.open', { path: '.bashrc' }))).code).toBe('not-a-project');
      expect(readFileSync(bashrc, 'utf8')).toBe(BASHRC);
      expect(s.project).toBeNull();
    } finally {
      s.dispose();
    }
  });

  it('creates a project inside the root, adding .rodtrad, and refuses an existing file or a place outside', async () => {
    const s = new Session('browser', null, { browseRoot: home });
    try {
      const info = await dispatch(s, 'project.create', { path: 'projects/empty/ny studie' });
      expect(info.file).toBe(path.join(realpathSync(home), 'projects', 'empty', 'ny studie.rodtrad'));
      expect((await failure(dispatch(s, 'project.create', { path: 'projects/studie' }))).code).toBe('exists');
      expect((await failure(dispatch(s, 'project.create', { path: projectFile }))).code).toBe('exists');
      // a name starting with a dot would be hidden from the dialog that created it
      expect((await failure(dispatch(s, 'project.create', { path: 'projects/' }))).code).toBe('bad-name');
      expect((await failure(dispatch(s, 'project.create', { path: '.bashrc' }))).code).toBe('bad-name');
      for (const p of ['../outside/x.rodtrad', 'out/x', '/tmp/x.rodtrad', 'nofolder/x.rodtrad']) {
        expect(['outside-root', 'not-found']).toContain((await failure(dispatch(s, 'project.create', { path: p }))).code);
      }
      expect(readdirSync(outside).sort()).toEqual(['other.rodtrad', 'secret.txt']);
    } finally {
      s.dispose();
    }
  });
});

describe('the desktop takes paths only from its own dialogs', () => {
  it('refuses a path its native dialog did not return, and accepts one it did', async () => {
    const s = new Session('desktop');
    const chosen = path.join(outside, 'chosen.csv');
    s.dialogs = { pickFile: async () => [chosen] };
    try {
      s.openProject(projectFile);
      const err = await failure(dispatch(s, 'codebooks.export', { format: 'csv', path: bashrc }));
      expect(err.code).toBe('unpicked-path');
      expect(err.sv).toBeTruthy();
      expect(readFileSync(bashrc, 'utf8')).toBe(BASHRC);
      await dispatch(s, 'host.pickFile', { purpose: 'export' });
      await dispatch(s, 'codebooks.export', { format: 'csv', path: chosen });
      expect(readFileSync(chosen, 'utf8')).toContain('Tema');
      expect((await failure(dispatch(s, 'project.open', { path: path.join(outside, 'other.rodtrad') }))).code).toBe('unpicked-path');
    } finally {
      s.dispose();
    }
  });
});

describe('the CLI still takes paths from its command line', () => {
  it('exports, loads and backs up by path', async () => {
    const s = new Session('cli');
    try {
      s.openProject(projectFile);
      const csv = path.join(outside, 'book.csv');
      await dispatch(s, 'codebooks.export', { format: 'csv', path: csv });
      expect(readFileSync(csv, 'utf8')).toContain('Tema');
      const txt = path.join(outside, 'book.txt');
      writeFileSync(txt, 'Från fil\n');
      expect((await dispatch(s, 'codebooks.load', { path: txt })).created).toBe(1);
      const copy = path.join(outside, 'copy.rodtrad');
      expect((await dispatch(s, 'project.backup', { path: copy })).path).toBe(copy);
      expect(existsSync(copy)).toBe(true);
    } finally {
      s.dispose();
    }
  });
});

describe('the contract marks every path', () => {
  it('declares each path-like string field of every method as a ServerPath, a browse path or a code path', async () => {
    const { pathFieldsOf } = await import('../../shared/contract/paths');
    const unmarked: string[] = [];
    for (const m of methodNames) {
      for (const f of pathFieldsOf(contract[m].params)) {
        if (/path|file|dir|folder/i.test(f.key) && f.string && !f.kind) unmarked.push(`${m}: ${f.at}`);
      }
    }
    expect(unmarked).toEqual([]);
  });

  it('has a refusal case above for every method that takes a server path', async () => {
    const { pathFieldsOf } = await import('../../shared/contract/paths');
    const taking = methodNames.filter((m) => pathFieldsOf(contract[m].params).some((f) => f.kind === 'server'));
    expect(taking.sort()).toEqual(pathCalls.map((c) => c.method).sort());
  });
});

describe('rodtrad serve runs a browser session', () => {
  it('reports host "browser" and refuses a path over HTTP', async () => {
    const bin = path.resolve(__dirname, '../../bin/rodtrad.mjs');
    const child = spawn(process.execPath, [bin, 'serve', projectFile, '--port', '0'], { env: { ...process.env, RODTRAD_BROWSE_ROOT: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\/#start=[\w-]+/.exec(out);
          if (m) resolve(m[0]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const u = new URL(url);
      // the page's way in: the start link's one-time code traded for the session credential
      const session = await fetch(`${u.origin}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: u.hash.slice('#start='.length) }) });
      const { result } = (await session.json()) as { result: { token: string } };
      const call = async (method: string, params: unknown): Promise<{ ok: boolean; result?: { host?: string }; error?: { code: string } }> => {
        const res = await fetch(`${u.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rodtrad-token': result.token, origin: u.origin }, body: JSON.stringify(params) });
        return (await res.json()) as { ok: boolean; result?: { host?: string }; error?: { code: string } };
      };
      expect((await call('app.info', {})).result?.host).toBe('browser');
      expect((await call('codebooks.export', { format: 'csv', path: bashrc })).error?.code).toBe('server-path');
      expect(readFileSync(bashrc, 'utf8')).toBe(BASHRC);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
