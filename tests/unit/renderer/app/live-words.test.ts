import { describe, expect, it } from 'vitest';
import { LiveWords } from '../../../../renderer/src/app/session/live-words';

describe('LiveWords', () => {
  it('sums stored counts, lets an open editor override its own, and tells subscribers', () => {
    const words = new LiveWords();
    let calls = 0;
    words.subscribe(() => calls++);
    words.reset(
      new Map([
        ['explore', 100],
        ['deliver', 50],
      ]),
    );
    expect(words.total()).toBe(150);
    words.set('explore', 103);
    expect(words.get('explore')).toBe(103);
    expect(words.total()).toBe(153);
    words.set('explore', 103); // no change, no news
    expect(calls).toBe(2);
  });

  it('keeps a live count when stored counts arrive later', () => {
    const words = new LiveWords();
    words.set('explore', 12);
    words.reset(
      new Map([
        ['explore', 10],
        ['deliver', 5],
      ]),
    );
    expect(words.get('explore')).toBe(12);
    expect(words.get('deliver')).toBe(5);
  });
});
