/** A progress bar on stderr when it is a terminal; silent otherwise (and always with --json). */
import cliProgress from 'cli-progress';
import type { Session } from '../core/api/session';
import type { CliIO } from './command';

export function attachProgress(session: Session, io: CliIO, json: boolean): () => void {
  if (json || !io.stderr.isTTY) return () => undefined;
  let bar: cliProgress.SingleBar | undefined;
  const off = session.on((ev) => {
    if (ev.type !== 'progress') return;
    const p = ev.progress;
    if (!bar) {
      bar = new cliProgress.SingleBar(
        { stream: io.stderr as NodeJS.WritableStream, format: ' {bar} {percentage}% | {value}/{total} {unit} | {phase}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(p.total, p.done, { unit: p.unit, phase: p.message ?? p.phase });
    }
    bar.setTotal(p.total);
    bar.update(p.done, { unit: p.unit, phase: p.message ?? p.phase });
  });
  return () => {
    off();
    bar?.stop();
  };
}
