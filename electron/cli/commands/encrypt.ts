import type { Command } from '../command';
import { newPassphrase } from '../passphrase';

export const encryptCommand: Command = {
  name: 'encrypt',
  summary: 'Encrypt a project with a passphrase (RODTRAD_PASSPHRASE, or asked twice on a terminal).',
  usage: 'encrypt <project> [--json]',
  details: 'The whole file is rewritten encrypted (SQLCipher 4). Copies made before (backups, upgrade copies) stay as they were: delete unencrypted ones.',
  project: 'open',
  async run(ctx) {
    const info = await ctx.call('project.info', {});
    if (info.encrypted) {
      ctx.print(`${info.file} is already encrypted; use "rodtrad passphrase" to change its passphrase`, { file: info.file, encrypted: true, changed: false });
      return 1;
    }
    const r = await ctx.call('project.setPassphrase', { passphrase: await newPassphrase(info.file, 'RODTRAD_PASSPHRASE') });
    ctx.print(`Encrypted ${info.file}`, { file: info.file, ...r, changed: true });
  },
};

export const decryptCommand: Command = {
  name: 'decrypt',
  summary: 'Remove a project\'s encryption (its passphrase from RODTRAD_PASSPHRASE or the terminal).',
  usage: 'decrypt <project> [--json]',
  project: 'open',
  async run(ctx) {
    const info = await ctx.call('project.info', {});
    if (!info.encrypted) {
      ctx.print(`${info.file} is not encrypted`, { file: info.file, encrypted: false, changed: false });
      return 0;
    }
    const r = await ctx.call('project.setPassphrase', { passphrase: null });
    ctx.print(`Decrypted ${info.file}`, { file: info.file, ...r, changed: true });
  },
};

export const passphraseCommand: Command = {
  name: 'passphrase',
  summary: 'Change an encrypted project\'s passphrase (old: RODTRAD_PASSPHRASE, new: RODTRAD_NEW_PASSPHRASE, or both asked on a terminal).',
  usage: 'passphrase <project> [--json]',
  project: 'open',
  async run(ctx) {
    const info = await ctx.call('project.info', {});
    if (!info.encrypted) {
      ctx.print(`${info.file} is not encrypted; use "rodtrad encrypt" first`, { file: info.file, encrypted: false, changed: false });
      return 1;
    }
    const r = await ctx.call('project.setPassphrase', { passphrase: await newPassphrase(info.file, 'RODTRAD_NEW_PASSPHRASE') });
    ctx.print(`Changed the passphrase of ${info.file}`, { file: info.file, ...r, changed: true });
  },
};
