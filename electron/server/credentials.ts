/**
 * Who may call the browser-mode API. The page proves itself with a session credential sent as
 * the x-rodtrad-token header: never a cookie (a browser sends 127.0.0.1 cookies to every port,
 * so any other local server would receive it) and never in a URL (a URL lands on command lines,
 * in history and in screenshots). The credential is handed out once, in exchange for a start
 * code; a code that has been seen on a command line or in a terminal is worthless once used.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export class Credentials {
  /** The session credential: what every API call carries. */
  readonly token: string;
  private readonly codes = new Set<string>();

  constructor(token?: string) {
    this.token = token ?? randomBytes(32).toString('base64url');
  }

  /** A new start code, good for one exchange. */
  issueStartCode(): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.add(code);
    return code;
  }

  /** The session credential for a start code not used before; null for any other code. */
  exchange(code: unknown): string | null {
    if (typeof code !== 'string' || !this.codes.has(code)) return null;
    this.codes.delete(code);
    return this.token;
  }

  /** True when given is the session credential (compared in constant time). */
  accepts(given: string | undefined): boolean {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
