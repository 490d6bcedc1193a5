import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/api/session';
import { startServer, type RunningServer } from '../../electron/server/server';
import { BODY_LIMIT, UPLOAD_BODY_LIMIT } from '../../shared/limits';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('server');

/** A raw request, so Host and Origin can be set to what an attacker would send. */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser-mode server', () => {
  let server: RunningServer;
  let session: Session;
  let host: string;
  beforeAll(async () => {
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rödtråd</title>');
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'hemligt');
    session = new Session('browser');
    session.createProject(path.join(dir, 'p.rodtrad'), 'Serverprojekt');
    server = await startServer({ session, staticDir });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    session.dispose();
  });

  it('listens on 127.0.0.1; its address holds no secret and each start link carries a new one-time code, not the credential', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const first = server.startUrl();
    const second = server.startUrl();
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#start=[\w-]{32}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(server.token);
  });

  it('trades a start code for the session credential exactly once', async () => {
    const code = new URL(server.startUrl()).hash.slice('#start='.length);
    const headers = { Host: host, 'Content-Type': 'application/json' };
    const ok = await request(server.port, { path: '/session', method: 'POST', headers, body: JSON.stringify({ code }) });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result.token).toBe(server.token);
    expect(ok.headers['set-cookie']).toBeUndefined();
    const again = await request(server.port, { path: '/session', method: 'POST', headers, body: JSON.stringify({ code }) });
    expect(again.status).toBe(403);
    const made = await request(server.port, { path: '/session', method: 'POST', headers, body: JSON.stringify({ code: 'x'.repeat(32) }) });
    expect(made.status).toBe(403);
  });

  it('serves the public page without a cookie; the API takes the credential from the header only', async () => {
    const page = await request(server.port, { path: '/', headers: { Host: host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Rödtråd');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const base = { Host: host, 'Content-Type': 'application/json' };
    const none = await request(server.port, { path: '/api/project.info', method: 'POST', headers: base, body: '{}' });
    expect(none.status).toBe(403);
    const inQuery = await request(server.port, { path: `/api/project.info?token=${server.token}`, method: 'POST', headers: base, body: '{}' });
    expect(inQuery.status).toBe(403);
    const inCookie = await request(server.port, { path: '/api/project.info', method: 'POST', headers: { ...base, Cookie: `rodtrad_token=${server.token}` }, body: '{}' });
    expect(inCookie.status).toBe(403);
    const wrong = await request(server.port, { path: '/api/project.info', method: 'POST', headers: { ...base, 'x-rodtrad-token': `${server.token.slice(1)}x` }, body: '{}' });
    expect(wrong.status).toBe(403);
    const events = await request(server.port, { path: '/api/events', headers: { Host: host } });
    expect(events.status).toBe(403);
  });

  it('checks Host and Origin (DNS rebinding, other sites)', async () => {
    const evilHost = await request(server.port, { path: '/', headers: { Host: `evil.example:${server.port}` } });
    expect(evilHost.status).toBe(403);
    const evilOrigin = await request(server.port, {
      path: '/api/project.info',
      method: 'POST',
      headers: { Host: host, Origin: 'http://evil.example', 'x-rodtrad-token': server.token, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(evilOrigin.status).toBe(403);
  });

  it('serves POST /api/<method> through the contract', async () => {
    const headers = { Host: host, Origin: `http://${host}`, 'x-rodtrad-token': server.token, 'Content-Type': 'application/json' };
    const info = await request(server.port, { path: '/api/project.info', method: 'POST', headers, body: '{}' });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { name: 'Serverprojekt' } });
    const bad = await request(server.port, { path: '/api/documents.get', method: 'POST', headers, body: '{"id":"x"}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('bad-params');
    const notJson = await request(server.port, { path: '/api/project.info', method: 'POST', headers, body: '{nope' });
    expect(JSON.parse(notJson.body).error.message).toMatch(/not valid JSON/);
    const get = await request(server.port, { path: '/api/project.info', headers });
    expect(get.status).toBe(405);
  });

  it('never serves files outside the renderer folder', async () => {
    const r = await request(server.port, { path: '/..%2fsecret.txt', headers: { Host: host, 'x-rodtrad-token': server.token } });
    expect([403, 404]).toContain(r.status);
    expect(r.body).not.toContain('hemligt');
  });

  it('streams events over server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: host, 'x-rodtrad-token': server.token } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        // the server registers the stream before it sends the headers: an event now must arrive
        session.emit({ type: 'changed', method: 'test.event' });
        let data = '';
        res.on('data', (c) => {
          data += c;
          if (data.includes('"changed"')) {
            req.destroy();
            resolve(data);
          }
        });
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      req.end();
    });
    expect(received).toContain('data: {"type":"changed","method":"test.event"}');
  });
});

describe('browser-mode server limits', () => {
  let server: RunningServer;
  let session: Session;
  let host: string;
  beforeAll(async () => {
    session = new Session('browser');
    session.createProject(path.join(dir, 'limits.rodtrad'), 'Gränser');
    server = await startServer({ session, staticDir: path.join(dir, 'renderer') });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    session.dispose();
  });

  it('refuses an ordinary call with a body over its ceiling (413), before reading it when the length is declared', async () => {
    const headers = { Host: host, 'x-rodtrad-token': server.token, 'Content-Type': 'application/json' };
    const declared = await rawExchange(server.port, `POST /api/project.info HTTP/1.1\r\nHost: ${host}\r\nx-rodtrad-token: ${server.token}\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\nConnection: close\r\n\r\n{}`);
    expect(declared).toMatch(/^HTTP\/1\.1 413 /);
    const big = JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT) });
    const chunked = await request(server.port, { path: '/api/project.info', method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, body: big });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.message).toMatch(/larger than 1 MB/);
    // the server still answers, and an upload-carrying call takes more than an ordinary one
    const upload = await request(server.port, { path: '/api/import.files', method: 'POST', headers, body: JSON.stringify({ sources: [{ name: 'a.txt', data: Buffer.from('I: Hej\n').toString('base64') }], pad: 'x'.repeat(BODY_LIMIT) }) });
    expect(upload.status).toBe(400);
    expect(JSON.parse(upload.body).error.code).toBe('bad-params');
    expect(UPLOAD_BODY_LIMIT).toBeGreaterThan(BODY_LIMIT);
  });

  it('closes an event stream whose page stops reading, instead of buffering every event for it', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`GET /api/events HTTP/1.1\r\nHost: ${host}\r\nx-rodtrad-token: ${server.token}\r\n\r\n`);
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.pause();
    expect(server.eventStreams()).toBe(1);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    const method = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 2000 && server.eventStreams() > 0; i++) session.emit({ type: 'changed', method });
    expect(server.eventStreams()).toBe(0);
    socket.resume();
    await closed;
  });
});

/** Writes raw bytes and returns everything the server sent before closing. */
function rawExchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(raw));
    let out = '';
    socket.on('data', (d: Buffer) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}
