/**
 * The CLI and encrypted projects: the passphrase from RODTRAD_PASSPHRASE or a terminal prompt
 * that does not echo, never from an argument; no terminal and no variable → exit 1 saying so;
 * a wrong one → exit 1 and the file untouched; encrypt, decrypt and passphrase.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needTool, pathOrSkip } from '../helpers/reference';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-encryption-cli');
const BIN = path.resolve(__dirname, '../../bin/rodtrad.mjs');

describe('rodtrad with encrypted projects', () => {
  it('new --encrypt, then every command needs the passphrase; a wrong one or none exits 1 and changes nothing', () => {
    const file = path.join(dir, 'studie.rodtrad');
    expect(rodtrad(['new', file, '--encrypt'], { env: { RODTRAD_PASSPHRASE: 'en lång fras' } }).stdout).toMatch(/encrypted/);
    const before = readFileSync(file);
    const none = rodtrad(['info', file], { env: { RODTRAD_PASSPHRASE: '' } });
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toMatch(/studie\.rodtrad: needs a passphrase: set RODTRAD_PASSPHRASE or run the command on a terminal/);
    const wrong = rodtrad(['info', file], { env: { RODTRAD_PASSPHRASE: 'fel' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/the passphrase is wrong .*the file was not changed/);
    expect(readFileSync(file).equals(before)).toBe(true);
    const ok = rodtrad(['info', file, '--json'], { env: { RODTRAD_PASSPHRASE: 'en lång fras' } });
    expect(JSON.parse(ok.stdout)).toMatchObject({ encrypted: true });
    // no option takes a passphrase
    expect(rodtrad(['info', file, '--passphrase', 'x']).code).toBe(2);
  });

  it('passphrase, decrypt and encrypt', () => {
    const file = path.join(dir, 'byte.rodtrad');
    expect(rodtrad(['new', file]).code).toBe(0);
    expect(rodtrad(['encrypt', file], { env: { RODTRAD_PASSPHRASE: 'ett' } }).stdout).toMatch(/Encrypted/);
    expect(readFileSync(file).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    const changed = rodtrad(['passphrase', file, '--json'], { env: { RODTRAD_PASSPHRASE: 'ett', RODTRAD_NEW_PASSPHRASE: 'två' } });
    expect(JSON.parse(changed.stdout)).toMatchObject({ encrypted: true, changed: true });
    expect(rodtrad(['info', file], { env: { RODTRAD_PASSPHRASE: 'ett' } }).code).toBe(1);
    expect(rodtrad(['decrypt', file], { env: { RODTRAD_PASSPHRASE: 'två' } }).code).toBe(0);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(rodtrad(['info', file], { env: { RODTRAD_PASSPHRASE: '' } }).code).toBe(0);
  });

  it('asks on a terminal without echoing what is typed', async (ctx) => {
    const script = pathOrSkip(ctx, needTool('script'));
    const file = path.join(dir, 'terminal.rodtrad');
    expect(rodtrad(['new', file, '--encrypt'], { env: { RODTRAD_PASSPHRASE: 'hemlig-fras-42' } }).code).toBe(0);
    const env = { ...process.env };
    delete env.RODTRAD_PASSPHRASE;
    // `script` gives the command a pseudo-terminal; the passphrase is typed once the prompt shows
    const child = spawn(script, ['-qec', `${process.execPath} ${BIN} info ${file}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    let out = '';
    let typed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!typed && out.includes('Passphrase for')) {
        typed = true;
        child.stdin.write('hemlig-fras-42\r');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/Project\s+terminal/);
    expect(out).not.toContain('hemlig-fras-42');
  }, 60_000);
});
