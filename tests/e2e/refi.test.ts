/**
 * REFI-QDA in the browser: "Importera projekt (REFI-QDA) …" takes a .qdpx, the import runs as
 * a job, the report shows counts and what could not be placed, and the imported project opens
 * with its speakers; "Exportera som REFI-QDA …" downloads a .qdpx.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { appPerTest, callApi, noChromium } from './harness';

const BIN = path.resolve(__dirname, '../../bin/rodtrad.mjs');

const NAME = `refi-e2e-${process.pid}`;
const SOURCE = '33333333-3333-4333-8333-333333333333';
const TEXT = 'Intervjuare: Hur började samarbetet?\nAA: Vi ringde varandra 😀 helt informellt.\nIntervjuare: Och sen?\nAA: Vi bokade ett möte.\n';

async function qdpx(): Promise<Buffer> {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf('Vi ringde'))).length;
  const end = start + Array.from('Vi ringde varandra').length;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Från ATLAS" origin="ATLAS.ti 23.2">
<Users><User guid="11111111-1111-4111-8111-111111111111" name="Eva"/></Users>
<CodeBook><Codes><Code guid="22222222-2222-4222-8222-222222222222" name="Samverkan" isCodable="true" color="#3366CC"/></Codes></CodeBook>
<Sources><TextSource guid="${SOURCE}" name="Fokusgrupp 1" plainTextPath="internal://${SOURCE}.txt">
<PlainTextSelection guid="44444444-4444-4444-8444-444444444444" startPosition="${start}" endPosition="${end}"><Coding guid="55555555-5555-4555-8555-555555555555"><CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding></PlainTextSelection>
<PlainTextSelection guid="44444444-4444-4444-8444-444444444445" startPosition="400" endPosition="420"/>
</TextSource>
<PDFSource guid="66666666-6666-4666-8666-666666666666" name="Rapport.pdf" path="relative:///Rapport.pdf"/></Sources>
</Project>`;
  const zip = new JSZip();
  zip.file('project.qde', qde);
  zip.file(`sources/${SOURCE}.txt`, TEXT);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A project made from the same .qdpx by the real CLI: it holds the code "Samverkan" and nothing else. */
async function importedProject(dir: string): Promise<string> {
  const source = path.join(dir, 'fran-atlas.qdpx');
  writeFileSync(source, await qdpx());
  const file = path.join(dir, 'fran-atlas.rodtrad');
  const made = spawnSync(process.execPath, [BIN, 'qdpx', 'import', source, file], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`rodtrad qdpx import failed: ${made.stderr}`);
  return file;
}

describe.skipIf(noChromium)('REFI-QDA import in the window', () => {
  const app = appPerTest();
  // browser mode creates projects inside the user's home (its browse root)
  const created = path.join(os.homedir(), `${NAME}.rodtrad`);
  afterEach(() => {
    for (const f of [created, `${created}-wal`, `${created}-shm`]) rmSync(f, { force: true });
  });

  it('imports a .qdpx with a report, opens it with its speakers, and exports it as a download', async () => {
    const { page } = app();
    await page.getByTestId('document-row').first().waitFor();
    await page.getByTestId('refi-import-input').setInputFiles({ name: `${NAME}.qdpx`, mimeType: 'application/zip', buffer: await qdpx() });
    const report = page.getByTestId('refi-report');
    await report.waitFor({ timeout: 60_000 });
    // each number with its noun in the number it takes
    await expect.poll(() => page.getByTestId('refi-counts').textContent()).toBe('1 kodare, 1 kod, 1 dokument, 1 citat med 1 kodning, 0 memon, 0 dokumentgrupper, 0 attribut');
    expect(await page.getByTestId('refi-skipped').textContent()).toContain('Rapport.pdf');
    expect(await page.getByTestId('refi-unplaced').textContent()).toContain('Fokusgrupp 1 400–420: markeringen 400–420 ligger utanför texten (125 tecken räknade som kodpunkter, CRLF som ett)');
    // how the positions were counted, as a sentence (not the unit's id)
    const positions = await page.getByTestId('refi-positions').textContent();
    expect(positions).toBe('Positioner räknade som tecken, radslut LF (CRLF som ett tecken): Fokusgrupp 1.');
    await app().screenshot('refi-import-report');
    await report.getByRole('button', { name: 'Stäng' }).click();
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('Från ATLAS');
    expect(existsSync(created)).toBe(true);
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(1);
    const speakers = await callApi<{ label: string }[]>(page, 'speakers.list', {});
    expect(speakers.map((s) => s.label).sort()).toEqual(['AA', 'Intervjuare']);

    await page.getByTestId('file-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-menu-refi-export').click()]);
    expect(download.suggestedFilename()).toBe('Från ATLAS.qdpx');
  });

});

describe.skipIf(noChromium)('a REFI-QDA codebook dropped onto the window', () => {
  const app = appPerTest({ project: importedProject });

  it('lists its conflicts and takes the user\'s choice', async () => {
    const { page } = app();
    await page.getByTestId('document-row').first().waitFor();
    const other = '77777777-7777-4777-8777-777777777777';
    const qdc = `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${other}" name="Samverkan" isCodable="true" color="#CC3333"><Description>Deras definition</Description></Code><Code guid="88888888-8888-4888-8888-888888888888" name="Ny kod" isCodable="true"/></Codes></CodeBook>`;
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'kollegans.qdc', { type: 'application/xml' }));
      return d;
    }, qdc);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    const dialog = page.getByTestId('refi-conflicts');
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.textContent()).toContain('samma sökväg, annat GUID: Samverkan');
    await app().screenshot('refi-codebook-conflicts');
    await page.getByTestId('refi-theirs').click();
    await expect
      .poll(async () => (await callApi<{ path: string; guid: string; definition: string | null }[]>(page, 'codes.tree', {})).map((c) => `${c.path} ${c.guid} ${c.definition ?? ''}`))
      .toEqual([`Samverkan ${other} Deras definition`, 'Ny kod 88888888-8888-4888-8888-888888888888 ']);
  });
});
