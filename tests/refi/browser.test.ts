/** Browser mode: a .qdpx comes in as an upload and goes out as a download; the imported project is opened. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { sample } from './fixture';

const missing = skipUnless('REFI-QDA in browser mode', sample('qc'));

describe.skipIf(missing)('REFI-QDA in browser mode', () => {
  const dir = tempDir('refi-browser');

  it('imports an uploaded .qdpx into a new project inside the browse root, opens it, and exports it as a download', async () => {
    const session = new Session('browser', null, { browseRoot: dir });
    const data = readFileSync(sample('qc').path!).toString('base64');
    const report = await dispatch(session, 'refi.importProject', { source: { name: 'demo.qdpx', data }, target: 'demo.rodtrad' });
    expect(report.file).toBe('demo.qdpx');
    expect(report.counts.selections).toBe(158);
    expect(session.requireProject().file).toBe(path.join(dir, 'demo.rodtrad'));
    const out = await dispatch(session, 'refi.exportProject', {});
    expect(out.path).toBeNull();
    expect(Buffer.from(out.data!, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const book = await dispatch(session, 'refi.exportCodebook', {});
    expect(book.content).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    session.dispose();
  });
});
