/**
 * How many columns text takes, counted the way prettier counts them when it decides whether a
 * line fits: an emoji (a whole sequence: flags, skin tones, joined families) two, East Asian wide
 * and fullwidth characters two, controls and combining marks none, everything else one.
 */
import { eastAsianWidthType } from 'get-east-asian-width';

// Emoji modifier bases count as emoji even without their presentation selector (☝, ✌).
// Built at run time (the `v` flag is newer than the compiler's target), and only once text
// beyond ASCII asks for it: compiling it takes tens of milliseconds.
let emoji: RegExp | undefined;
const zeroWidthMark = /[\p{Mn}\p{Me}]/u;
// U+007F counts one, as in prettier: only text outside printable ASCII and DEL takes the slow way.
const beyondAscii = /[^\x20-\x7f]/;

export function stringWidth(text: string): number {
  if (!beyondAscii.test(text)) return text.length;
  let width = 0;
  emoji ??= new RegExp(String.raw`\p{RGI_Emoji}|\p{Emoji_Modifier_Base}`, 'gv');
  const rest = text.replace(emoji, () => {
    width += 2;
    return '';
  });
  for (const character of rest) {
    const code = character.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || zeroWidthMark.test(character)) continue;
    const type = eastAsianWidthType(code);
    width += type === 'wide' || type === 'fullwidth' ? 2 : 1;
  }
  return width;
}
