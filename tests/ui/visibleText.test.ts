import { describe, expect, it } from 'vitest';
import { visibleParts, visibleText } from '../../src/ui/visibleText';

describe('visible text for names and the cell detail', () => {
  it('names a right-to-left override so that ‮gnp.exe cannot read as exe.png', () => {
    expect(visibleText('\u202egnp.exe')).toBe('⟨U+202E⟩gnp.exe');
  });

  it('shows ESC, C1, zero-width and isolate characters, and keeps tab, line feed and plain text', () => {
    expect(visibleText('\x1b[2Ja\u0085b\u200bc\u2066d\ufeff')).toBe('⟨U+001B⟩[2Ja⟨U+0085⟩b⟨U+200B⟩c⟨U+2066⟩d⟨U+FEFF⟩');
    expect(visibleText('a\tb\nc é 名 😀')).toBe('a\tb\nc é 名 😀');
  });

  it('marks which parts are control characters', () => {
    expect(visibleParts('x\u200fy')).toEqual([
      { text: 'x', control: false },
      { text: '⟨U+200F⟩', control: true },
      { text: 'y', control: false },
    ]);
  });
});
