/**
 * Optional: the desktop keeps a project's passphrase in the OS keychain (Electron's
 * safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) when the user
 * asks for it. Only the encrypted blob is written (to a file in the app's user-data folder);
 * it is useless without the user's OS login. Not wired into the UI yet: the adapter is
 * type-checked against Electron's own types so that wiring it is a small step.
 */
import type { SafeStorage } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class PassphraseKeychain {
  constructor(
    private readonly safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
    private readonly storeFile: string,
  ) {}

  /** False on a Linux desktop without a secret service: then nothing is stored. */
  get available(): boolean {
    return this.safeStorage.isEncryptionAvailable();
  }

  private read(): Record<string, string> {
    return existsSync(this.storeFile) ? (JSON.parse(readFileSync(this.storeFile, 'utf8')) as Record<string, string>) : {};
  }

  remember(projectFile: string, passphrase: string): boolean {
    if (!this.available) return false;
    const all = this.read();
    all[path.resolve(projectFile)] = this.safeStorage.encryptString(passphrase).toString('base64');
    writeFileSync(this.storeFile, JSON.stringify(all), { mode: 0o600 });
    return true;
  }

  recall(projectFile: string): string | undefined {
    const blob = this.read()[path.resolve(projectFile)];
    if (!blob || !this.available) return undefined;
    return this.safeStorage.decryptString(Buffer.from(blob, 'base64'));
  }

  forget(projectFile: string): void {
    const all = this.read();
    delete all[path.resolve(projectFile)];
    writeFileSync(this.storeFile, JSON.stringify(all), { mode: 0o600 });
  }
}
