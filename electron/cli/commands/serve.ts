import { startServer } from '../../server';
import { UserError } from '../../core/errors';
import { UsageError, type Command } from '../command';
import { openInBrowser } from '../open-browser';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Open the project in browser mode: a server on 127.0.0.1 with a random token.',
  usage: 'serve <project> [--port N] [--open]',
  details: 'Prints the URL (with its token) to open in a browser. Stop with Ctrl+C.\n  --port N   port to listen on (default: a free port)\n  --open     open the default browser, where there is one',
  options: { port: { type: 'string' }, open: { type: 'boolean' } },
  project: 'open',
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
    ctx.print(`Rödtråd is running in browser mode. Open:\n${server.url}\nPress Ctrl+C to stop.`, { url: server.url, port: server.port });
    if (ctx.options.open) openInBrowser(server.url);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        void server.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
