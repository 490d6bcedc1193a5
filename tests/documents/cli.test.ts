/** `rodtrad docs --delete/--rename` and `rodtrad edit`, run as real processes on a sample project. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('rodtrad docs --delete / --rename and rodtrad edit', () => {
  const dir = tempDir('rodtrad-docs-cli');
  const json = (args: string[]) => {
    const r = rodtrad([...args, '--json']);
    if (r.code !== 0) throw new Error(`rodtrad ${args.join(' ')} → ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  it('renames, deletes with a count of what went, undoes; corrects a text and keeps quotations around it', () => {
    const sample = path.join(dir, 's.rodtrad');
    expect(rodtrad(['sample', sample]).code).toBe(0);
    const docs = json(['docs', sample]) as { name: string; quotations: number }[];
    const first = docs[0]!.name;

    expect(json(['docs', sample, '--rename', first, 'Omdöpt']).name).toBe('Omdöpt');
    const taken = rodtrad(['docs', sample, '--rename', 'Omdöpt', docs[1]!.name]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
    expect(taken.stderr.split('\n').filter(Boolean).length).toBe(1);

    const text = (json(['text', sample, 'Omdöpt']) as { text: string }).text;
    const word = /\p{L}{7,}/u.exec(text.slice(300))!;
    const at = 300 + word.index;
    // a quotation on the word after, one on the word itself
    const after = /\p{L}{5,}/u.exec(text.slice(at + word[0].length + 1))!;
    const afterStart = at + word[0].length + 1 + after.index;
    const qAfter = json(['code', sample, '--doc', 'Omdöpt', '--start', String(afterStart), '--end', String(afterStart + after[0].length), '--code', 'Test', '--create-codes', '--exact']);
    const qWord = json(['code', sample, '--doc', 'Omdöpt', '--start', String(at), '--end', String(at + word[0].length), '--code', 'Test', '--exact']);
    const r = json(['edit', sample, 'Omdöpt', '--at', String(at), '--delete', String(word[0].length), '--insert', 'rättat ord 😀']);
    expect(r.flagged).toEqual([qWord.id]);
    const quotes = (json(['quotes', sample, '--doc', 'Omdöpt']) as { rows: { id: number; text: string; needsReview: boolean }[] }).rows;
    expect(quotes.find((q) => q.id === qAfter.id)).toMatchObject({ text: after[0], needsReview: false });
    expect(quotes.find((q) => q.id === qWord.id)).toMatchObject({ text: 'rättat ord 😀', needsReview: true });
    expect(rodtrad(['undo', sample]).code).toBe(0);
    expect((json(['text', sample, 'Omdöpt']) as { text: string }).text).toBe(text);

    const withQuotes = json(['docs', sample]).find((d: { name: string }) => d.name === 'Omdöpt') as { quotations: number };
    const human = rodtrad(['docs', sample, '--delete', 'Omdöpt']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`Deleted "Omdöpt" with ${withQuotes.quotations} quotations`));
    expect((json(['docs', sample]) as { name: string }[]).map((d) => d.name)).not.toContain('Omdöpt');
    expect(rodtrad(['undo', sample]).code).toBe(0);
    expect((json(['docs', sample]) as { name: string }[]).map((d) => d.name)).toContain('Omdöpt');

    expect(rodtrad(['docs', sample, '--delete', 'Finns inte']).code).toBe(1);
    expect(rodtrad(['edit', sample, 'Omdöpt', '--at', 'x', '--insert', 'a']).code).toBe(2);
    expect(rodtrad(['edit', sample, 'Omdöpt', '--at', '3']).code).toBe(2);
  });
});
