import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../electron/core/text/language';

const SV = 'Vi har pratat mycket om hur arbetet ska gå till. Jag tycker att det är svårt när man inte vet vad chefen vill, och det blir bättre när vi får tid att prata med varandra.';
const EN = 'We have talked a lot about how the work should be done. I think that it is hard when you do not know what the manager wants, and it gets better when there is time to talk.';
const DA = 'Vi har talt meget om hvordan arbejdet skal gøres. Jeg synes at det er svært når man ikke ved hvad lederen vil have, og det bliver bedre når der er tid til at tale.';
const NO = 'Vi har snakket mye om hvordan arbeidet skal gjøres. Jeg synes det er vanskelig når man ikke vet hva lederen vil, og det blir bedre når vi har tid til å snakke sammen.';

describe('detectLanguage', () => {
  it('tells Swedish from English', () => {
    expect(detectLanguage(SV)).toBe('sv');
    expect(detectLanguage(EN)).toBe('en');
  });

  it('does not take Danish or Norwegian for Swedish', () => {
    expect(detectLanguage(DA)).toBeNull();
    expect(detectLanguage(NO)).toBeNull();
  });

  it('decides from one short survey answer', () => {
    expect(detectLanguage('Jag tycker att det fungerar bra.')).toBe('sv');
    expect(detectLanguage('I think that it works well.')).toBe('en');
  });

  it('says nothing about a text without function words', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('12:30 14:45 (paus) ...')).toBeNull();
    expect(detectLanguage('Stockholm Göteborg Malmö')).toBeNull();
  });

  it('reads a long transcript from a sample in the middle', () => {
    const long = `${'Rubrik och försättsblad. '.repeat(5)}\n${`${EN}\n`.repeat(400)}`;
    expect(detectLanguage(long)).toBe('en');
  });
});
