/**
 * Ten thousand random and malformed requests at browser mode, on raw sockets: bad request
 * targets, bad percent-encodings, bad methods, oversized and broken headers, bodies that are
 * truncated, not UTF-8, not JSON or nested past the parser's depth, with and without the
 * credential. Every one gets an HTTP answer below 500, and the server still serves afterwards.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import { Session } from '../../electron/core/api/session';
import { startServer, type RunningServer } from '../../electron/server/server';
import { mulberry32 } from '../helpers/random';
import { tempDir } from '../helpers/tmp';

const REQUESTS = 10_000;
const PARALLEL = 16;

const dir = tempDir('server-fuzz');

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const bytes = (r: Rand, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));

const TARGETS = [
  'http://[/', '/api/%E0%A4%A', '/api/%', '/%', '/%zz', '//evil.example/', '*', 'http://127.0.0.1/', '/api/', '/api/events',
  '/api/project.info', '/api/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%00', '/api/%00', '/api/%C0%AF', '/session',
  '/?token=x', '/index.html?x=%', '/assets/%E0%A4', '/api/documents.list?x=%E0%A4%A',
];

function target(r: Rand): string {
  const k = r();
  if (k < 0.45) return pick(r, TARGETS);
  if (k < 0.65) return `/api/${pick(r, methodNames)}`;
  if (k < 0.75) return `/${'a/'.repeat(1 + Math.floor(r() * 3000))}`;
  // random printable bytes, percent signs included
  return `/${Array.from({ length: 1 + Math.floor(r() * 40) }, () => String.fromCharCode(33 + Math.floor(r() * 94))).join('')}`;
}

function body(r: Rand): Buffer {
  const k = r();
  if (k < 0.15) return Buffer.from('{');
  if (k < 0.25) return Buffer.concat([Buffer.from('{"a":"'), bytes(r, 20), Buffer.from('"}')]);
  if (k < 0.3) return Buffer.from('['.repeat(200_000));
  if (k < 0.4) return Buffer.from(JSON.stringify({ id: 'x'.repeat(Math.floor(r() * 300)), ids: [1, 'b', null], path: '/etc/passwd' }));
  if (k < 0.5) return Buffer.from('null');
  if (k < 0.6) return Buffer.from('"\\ud800"');
  if (k < 0.7) return bytes(r, Math.floor(r() * 2000));
  return Buffer.from(JSON.stringify({ query: 'x', limit: -1, sources: [{ name: '', data: '!!' }], format: 'nope' }));
}

/** One raw request; framing is broken on purpose in some of them. */
function rawRequest(r: Rand, host: string, token: string): Buffer {
  const method = pick(r, ['GET', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'get', 'BREW', '']);
  const headers: string[] = [];
  const k = r();
  headers.push(k < 0.9 ? `Host: ${host}` : k < 0.95 ? 'Host: evil.example' : `Host: ${host}\r\nHost: other`);
  if (r() < 0.7) headers.push(`x-rodtrad-token: ${r() < 0.9 ? token : 'wrong'}`);
  if (r() < 0.1) headers.push(`Origin: ${pick(r, [`http://${host}`, 'http://evil.example', 'null'])}`);
  if (r() < 0.7) headers.push(`Content-Type: ${pick(r, ['application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data'])}`);
  if (r() < 0.03) headers.push(`X-Huge: ${'h'.repeat(20_000 + Math.floor(r() * 50_000))}`);
  if (r() < 0.03) headers.push(`X-Bad: a\x01b`);
  const payload = method === 'POST' || r() < 0.1 ? body(r) : Buffer.alloc(0);
  const framing = r();
  let tail: Buffer;
  if (framing < 0.6) {
    headers.push(`Content-Length: ${payload.length}`);
    tail = payload;
  } else if (framing < 0.7) {
    // declared longer than sent: the socket ends mid-body
    headers.push(`Content-Length: ${payload.length + 1 + Math.floor(r() * 10_000)}`);
    tail = payload;
  } else if (framing < 0.8) {
    headers.push('Transfer-Encoding: chunked');
    tail = Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from(r() < 0.5 ? '\r\n0\r\n\r\n' : '\r\nzz\r\n')]);
  } else if (framing < 0.85) {
    headers.push(`Content-Length: ${pick(r, ['-1', 'abc', '1e9', '99999999999999999999', '5, 6'])}`);
    tail = payload;
  } else if (framing < 0.9) {
    headers.push('Content-Length: 3', 'Transfer-Encoding: chunked');
    tail = payload;
  } else {
    // the request line or headers themselves cut short
    return Buffer.from(`${method} ${target(r)} HTTP/1.1\r\n${headers.join('\r\n')}`.slice(0, 1 + Math.floor(r() * 60)));
  }
  const version = r() < 0.97 ? 'HTTP/1.1' : pick(r, ['HTTP/9.9', 'HTTP/1', 'FOO']);
  return Buffer.concat([Buffer.from(`${method} ${target(r)} ${version}\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n`), tail]);
}

/** Sends raw bytes, half-closes, and returns the status line the server answered with ('' when none). */
function exchange(port: number, raw: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(raw));
    let head = '';
    socket.on('data', (d: Buffer) => {
      if (head.length < 200) head += d.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(head.split('\r\n')[0] ?? ''));
  });
}

describe('browser mode under 10,000 random and malformed requests', () => {
  let server: RunningServer;
  let session: Session;
  beforeAll(async () => {
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rödtråd</title>');
    session = new Session('browser');
    session.createProject(path.join(dir, 'fuzz.rodtrad'), 'Fuzz');
    server = await startServer({ session, staticDir });
  });
  afterAll(async () => {
    await server.close();
    session.dispose();
  });

  it('answers each with a status below 500 and keeps serving', async () => {
    const r = mulberry32(20261203);
    const host = `127.0.0.1:${server.port}`;
    const requests = Array.from({ length: REQUESTS }, () => rawRequest(r, host, server.token));
    const unanswered: string[] = [];
    const failures: string[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < requests.length) {
        const raw = requests[next++]!;
        const status = await exchange(server.port, raw);
        const m = /^HTTP\/1\.[01] (\d{3})/.exec(status);
        if (!m) unanswered.push(JSON.stringify(raw.subarray(0, 160).toString('latin1')));
        else if (Number(m[1]) >= 500) failures.push(`${status} ← ${raw.subarray(0, 120).toString('latin1')}`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    expect(failures.slice(0, 5)).toEqual([]);
    expect(unanswered.slice(0, 5)).toEqual([]);
    // still up, and still right
    const res = await fetch(`http://${host}/api/project.info`, { method: 'POST', headers: { 'x-rodtrad-token': server.token, 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { name: string } }).result.name).toBe('Fuzz');
  });
});
