/**
 * Server-sent events to the open pages. A page that stops reading (a frozen tab, a paused
 * debugger) must not make the server buffer every event for it: once a stream holds more than
 * MAX_BUFFERED unsent bytes it is closed, and the page reconnects and reloads what it shows.
 */
import type http from 'node:http';

const MAX_BUFFERED = 1024 * 1024;

export class EventStreams {
  private readonly streams = new Set<http.ServerResponse>();

  get size(): number {
    return this.streams.size;
  }

  add(res: http.ServerResponse): void {
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
    // the server lets half-closed clients wait for their answer; a page that closed its side of
    // an event stream is gone, so its stream ends rather than staying open for nobody
    res.socket?.once('end', () => res.end());
    res.write(': connected\n\n');
  }

  send(event: unknown): void {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of this.streams) {
      if (res.writableLength > MAX_BUFFERED) {
        this.streams.delete(res);
        res.destroy();
        continue;
      }
      res.write(data);
    }
  }

  closeAll(): void {
    for (const res of this.streams) res.end();
    this.streams.clear();
  }
}
