/**
 * The agreement measures as pure functions, against published worked examples (the data are
 * written here, each with its source) and properties that must hold for any data.
 */
import { describe, expect, it } from 'vitest';
import { alphaOfGroups, krippendorffAlpha, transpose } from '../../electron/core/agreement/alpha';
import { alphaInterval } from '../../electron/core/agreement/bootstrap';
import { cohenKappa, holsti, percentAgreement } from '../../electron/core/agreement/kappa';
import { unitizingAlpha, unitizingCategory, type Segment } from '../../electron/core/agreement/unitizing';
import { mulberry32 } from '../helpers/random';

describe("Krippendorff's α: Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, sections A and B (two coders, no missing values)", () => {
  it('section A, binary data: α = 0.095 from the coincidences o₀₀ = 10, o₀₁ = o₁₀ = 4, o₁₁ = 2', () => {
    // Two observers × ten units, values 0/1, as in the paper's first example.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = krippendorffAlpha(transpose([a, b]), 'nominal');
    expect(r.alpha).toBeCloseTo(0.095, 3);
    expect(r.coincidence.matrix).toEqual([
      [10, 4],
      [4, 2],
    ]);
    expect(r.coincidence.totals).toEqual([14, 6]);
  });

  it('section B, nominal data: α = 0.692', () => {
    // Two observers × twelve units with the values a–e (here 1–5), as in the paper's second example.
    const [aa, bb, cc, dd, ee] = [1, 2, 3, 4, 5];
    const a = [aa, aa, bb, bb, dd, cc, cc, cc, ee, dd, dd, aa];
    const b = [bb, aa, bb, bb, bb, cc, cc, cc, ee, dd, dd, dd];
    const r = krippendorffAlpha(transpose([a, b]), 'nominal');
    expect(r.alpha).toBeCloseTo(0.692, 3);
    expect(r.coincidence.totals).toEqual([4, 6, 6, 6, 2]);
  });
});

describe("Krippendorff's α: Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, section C (multiple coders, missing values)", () => {
  // Four observers (rows A–D) × twelve units; null = the observer gave no value. Copied from the
  // paper's example data table (the same table is used by the R and Python ports' own tests).
  const ex: (number | null)[][] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const units = transpose(ex);

  it('gives nominal α = 0.743, ordinal 0.815 and interval 0.849', () => {
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, 'ordinal').alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, 'interval').alpha).toBeCloseTo(0.849, 3);
  });

  it('has a symmetric coincidence matrix over the 40 pairable values (unit 12 has one value and is left out)', () => {
    const r = krippendorffAlpha(units, 'nominal');
    expect(r.coincidence.values).toEqual([1, 2, 3, 4, 5]);
    expect(r.coincidence.n).toBeCloseTo(40, 10);
    expect(r.coincidence.units).toBe(11);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(r.coincidence.matrix[i]![j]).toBeCloseTo(r.coincidence.matrix[j]![i]!, 12);
    // Unit 10 (values 5, 5, 5) adds 3·2/(3−1) = 3 to o₅₅; unit 11 (1, 1) adds 2 to o₁₁; nothing else holds a 5.
    expect(r.coincidence.matrix[4]![4]).toBeCloseTo(3, 12);
    expect(r.coincidence.totals[4]).toBeCloseTo(3, 12);
  });
});

describe("Cohen's κ: the worked example of the Wikipedia article \"Cohen's kappa\" (section Simple example; also reproduced in many textbooks)", () => {
  // 50 grant proposals read by two readers: both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
  // p_o = 35/50 = 0.70, p_e = 0.5·0.6 + 0.5·0.4 = 0.50, κ = 0.40.
  it('gives p_o = 0.70, p_e = 0.50, κ = 0.40 and the confusion table', () => {
    const r = cohenKappa<string>([
      ['yes', 'yes', 20],
      ['yes', 'no', 5],
      ['no', 'yes', 10],
      ['no', 'no', 15],
    ]);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
    expect(r.n).toBe(50);
    expect(r.values).toEqual(['no', 'yes']);
    expect(r.confusion).toEqual([
      [15, 10],
      [5, 20],
    ]);
  });
});

describe('unitizing α_u: Krippendorff (2004), Content Analysis, 2nd ed., p. 254 example', () => {
  // Two observers on a continuum from 150 to 450 (length 300), categories c and k.
  // Source honesty: we could not read the book itself here. The data and the expected figures
  // (c: D_o 0.0144, D_e 0.0532, α 0.7286; k: α 1, D_e 0.0490; overall α_u 0.8591) are taken from
  // the transcription of this example in the test suite of DKPro Agreement (Meyer, Mieskes,
  // Stab & Gurevych 2014, COLING demo paper; unitizing/Krippendorff2004Test). D_o for c was
  // also checked by hand from the formula: pairs (225–295, 220–300) 50, (370–400, 355–375) 850,
  // the gap 400–450 holding 400–420: 400; (50 + 850 + 400)·2 / (2·1·300²) = 0.014444.
  const shift = (b: number, l: number): Segment => ({ start: b - 150, end: b - 150 + l });
  const c = [
    [shift(225, 70), shift(370, 30)],
    [shift(220, 80), shift(355, 20), shift(400, 20)],
  ];
  const k = [
    [shift(180, 60), shift(300, 50)],
    [shift(180, 60), shift(300, 50)],
  ];

  it('gives the per-category and overall figures', () => {
    const rc = unitizingCategory(c, 300);
    expect(rc.observed).toBeCloseTo(0.0144, 4);
    expect(rc.observed).toBeCloseTo(2600 / 180000, 12);
    expect(rc.expected).toBeCloseTo(0.0532, 4);
    expect(rc.alpha!).toBeCloseTo(0.7286, 4);
    const rk = unitizingCategory(k, 300);
    expect(rk.observed).toBe(0);
    expect(rk.expected).toBeCloseTo(0.049, 4);
    expect(rk.alpha).toBe(1);
    expect(unitizingAlpha([rc, rk])!).toBeCloseTo(0.8591, 3);
  });
});

describe('percent agreement and Holsti', () => {
  it('count agreement on units coded by both, Holsti only on the codings made', () => {
    // 10 units: both coded 3, only A 1, only B 2, neither 4.
    const pairs: [boolean, boolean, number][] = [
      [true, true, 3],
      [true, false, 1],
      [false, true, 2],
      [false, false, 4],
    ];
    expect(percentAgreement(pairs.map(([a, b, count]) => ({ values: [a ? 1 : 0, b ? 1 : 0], count }))).agreement).toBeCloseTo(0.7, 12);
    const h = holsti(pairs);
    expect(h).toMatchObject({ m: 3, n1: 4, n2: 5 });
    expect(h.holsti).toBeCloseTo(6 / 9, 12);
    expect(holsti([[null, true, 5]]).holsti).toBeNull();
  });
});

describe('properties', () => {
  const rnd = mulberry32(20261205);
  const randomTable = (units: number, coders: number, values: number, missing: number): (number | null)[][] =>
    Array.from({ length: units }, () => Array.from({ length: coders }, () => (rnd() < missing ? null : 1 + Math.floor(rnd() * values))));
  const shuffle = <T>(a: T[]): T[] => {
    const b = [...a];
    for (let i = b.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [b[i], b[j]] = [b[j]!, b[i]!];
    }
    return b;
  };

  it('α and κ are 1 for identical coders', () => {
    for (let t = 0; t < 25; t++) {
      const base = randomTable(30 + t, 1, 2 + (t % 4), 0).map((r) => r[0]!);
      const coders = 2 + (t % 4);
      const table = base.map((v) => Array.from({ length: coders }, () => v));
      for (const metric of ['nominal', 'ordinal', 'interval'] as const) expect(krippendorffAlpha(table, metric).alpha).toBeCloseTo(1, 12);
      expect(cohenKappa(base.map((v) => [v, v, 1] as [number, number, number])).kappa).toBeCloseTo(1, 12);
      const segs = Array.from({ length: 5 }, (_, i) => ({ start: i * 20 + (t % 7), end: i * 20 + 10 + (t % 5) }));
      expect(unitizingCategory([segs, segs, segs], 120).alpha).toBeCloseTo(1, 12);
    }
  });

  it('α, κ and α_u do not depend on the order of coders or units', () => {
    for (let t = 0; t < 25; t++) {
      const coders = 2 + (t % 4);
      const table = randomTable(40, coders, 3 + (t % 3), 0.15);
      const order = shuffle(Array.from({ length: coders }, (_, i) => i));
      const permuted = shuffle(table).map((row) => order.map((i) => row[i]!));
      for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
        const a = krippendorffAlpha(table, metric).alpha;
        const b = krippendorffAlpha(permuted, metric).alpha;
        if (a === null) expect(b).toBeNull();
        else expect(b!).toBeCloseTo(a, 10);
      }
      const pairs = table.map((r) => [r[0]!, r[1]!, 1] as [number | null, number | null, number]);
      const k1 = cohenKappa(pairs).kappa;
      const k2 = cohenKappa(shuffle(pairs).map(([a, b, w]) => [b, a, w] as [number | null, number | null, number])).kappa;
      if (k1 === null) expect(k2).toBeNull();
      else expect(k2!).toBeCloseTo(k1, 10);
      const segsOf = (): Segment[] => Array.from({ length: 4 }, () => Math.floor(rnd() * 180)).map((s) => ({ start: s, end: s + 1 + Math.floor(rnd() * 30) }));
      const byCoder = Array.from({ length: coders }, segsOf);
      const u1 = unitizingCategory(byCoder, 220);
      const u2 = unitizingCategory(shuffle(byCoder).map((s) => shuffle(s)), 220);
      expect(u2.observed).toBeCloseTo(u1.observed, 12);
      expect(u2.expected).toBeCloseTo(u1.expected, 12);
    }
  });

  it('grouped units give the same α as the same units one by one', () => {
    const table = randomTable(200, 3, 2, 0.1);
    const groups = new Map<string, { values: (number | null)[]; count: number }>();
    for (const row of table) {
      const key = JSON.stringify(row);
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { values: row, count: 1 });
    }
    expect(alphaOfGroups([...groups.values()]).alpha!).toBeCloseTo(krippendorffAlpha(table).alpha!, 12);
  });

  it('the bootstrap interval is seeded: the same seed gives the same interval, around α', () => {
    const table = randomTable(300, 2, 2, 0).map((r, i) => (i % 3 === 0 ? r : [r[0]!, r[0]!]));
    const groups = table.map((values) => ({ values, count: 1 }));
    const a = alphaInterval(groups, { seed: 7, samples: 400 })!;
    const b = alphaInterval(groups, { seed: 7, samples: 400 })!;
    expect(b).toEqual(a);
    const alpha = krippendorffAlpha(table).alpha!;
    expect(a.low).toBeLessThan(alpha);
    expect(a.high).toBeGreaterThan(alpha);
    expect(a.high - a.low).toBeLessThan(0.3);
    expect(alphaInterval(groups, { seed: 8, samples: 400 })).not.toEqual(a);
  });
});
