import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/api/session';
import { startServer, type RunningServer } from '../../electron/server';
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

  it('listens on 127.0.0.1 and prints a URL with a random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('answers 403 without the token and 200 with it; sets an HttpOnly SameSite cookie and a CSP', async () => {
    expect((await request(server.port, { path: '/', headers: { Host: host } })).status).toBe(403);
    expect((await request(server.port, { path: '/?token=wrong', headers: { Host: host } })).status).toBe(403);
    const ok = await request(server.port, { path: `/?token=${server.token}`, headers: { Host: host } });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('Rödtråd');
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(ok.headers['content-security-policy']).toContain("default-src 'self'");
    const asset = await request(server.port, { path: '/assets/app.js', headers: { Host: host, Cookie: `rodtrad_token=${server.token}` } });
    expect(asset.status).toBe(200);
  });

  it('checks Host and Origin (DNS rebinding, other sites)', async () => {
    const evilHost = await request(server.port, { path: `/?token=${server.token}`, headers: { Host: `evil.example:${server.port}` } });
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
      setTimeout(() => session.emit({ type: 'changed', method: 'test.event' }), 100);
    });
    expect(received).toContain('data: {"type":"changed","method":"test.event"}');
  });
});
