import { createInterface } from 'node:readline';
import { writeLauncher } from '../../server/launcher';
import { startServer } from '../../server/server';
import { UserError } from '../../core/errors';
import { UsageError, type Command } from '../command';
import { openInBrowser } from '../open-browser';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Open the project in browser mode: a server on 127.0.0.1 that only the opened page can call.',
  usage: 'serve <project> [--port N] [--open]',
  details: 'Prints a start link to open in a browser; it works once (the page then holds its own credential). Stop with Ctrl+C.\n  --port N   port to listen on (default: a free port)\n  --open     open the default browser, where there is one\nAn encrypted project is not asked for here: the page asks for its passphrase (or set RODTRAD_PASSPHRASE).',
  options: { port: { type: 'string' }, open: { type: 'boolean' } },
  project: 'page',
  host: 'browser',
  async run(ctx) {
    const port = ctx.options.port === undefined ? 0 : Number(ctx.options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${String(ctx.options.port)}"`);
    const server = await startServer({ session: ctx.session, port }).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new UserError(
          'port-in-use',
          `port ${port} on 127.0.0.1 is already in use (by another program, or Rödtråd running already); choose another with --port, or leave --port out for a free one`,
          undefined,
          `porten ${port} på 127.0.0.1 används redan (av ett annat program, eller av Rödtråd som redan körs); välj en annan med --port, eller utelämna --port för en ledig`,
        );
      }
      throw e;
    });
    const startUrl = server.startUrl();
    const interactive = process.stdin.isTTY === true && !ctx.json;
    const more = interactive ? '\nPress Enter for a new link (another tab or browser), Ctrl+C to stop.' : '\nPress Ctrl+C to stop.';
    const locked = ctx.session.locked ? '\nThe project is encrypted: the page asks for its passphrase, which stays in this process\'s memory only.' : '';
    ctx.print(`Rödtråd is running in browser mode. Open (the link works once):\n${startUrl}${locked}${more}`, { url: startUrl, address: server.url, port: server.port, locked: ctx.session.locked !== null });
    // each start link lets one page in; a user who closed the tab asks for another here
    const lines = interactive ? createInterface({ input: process.stdin }) : null;
    lines?.on('line', () => process.stdout.write(`${server.startUrl()}\n`));
    // the browser gets a private file's path, never the start link itself, on its command line
    const launcher = ctx.options.open ? writeLauncher(server.startUrl()) : null;
    if (launcher) openInBrowser(launcher.file);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        launcher?.remove();
        lines?.close();
        void server.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
