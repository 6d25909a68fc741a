/**
 * @internal Small character checks shared by the validators. Each runs in one linear pass.
 */

/**
 * @internal Tells whether `text` contains a lone UTF-16 surrogate (which `encodeURIComponent` rejects).
 *
 * @example
 * ```ts
 * hasLoneSurrogate('\uD800'); // true
 * ```
 */
export function hasLoneSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      return true;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

/**
 * @internal Tells whether `text` contains a C0 control character, DEL or a C1 control character.
 *
 * @example
 * ```ts
 * hasControlCharacter('a\nb'); // true
 * ```
 */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * @internal Tells whether every character of `text` is visible ASCII (`!` to `~`, no space).
 *
 * @example
 * ```ts
 * isVisibleAscii('CtgBIs8B'); // true
 * ```
 */
export function isVisibleAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

/**
 * @internal Tells whether every character of `text` is an ASCII decimal digit (and there is at least one).
 *
 * @example
 * ```ts
 * isDigits('5700313618786177705'); // true
 * ```
 */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * @internal Formats a list of allowed values for a {@link ValidationError} message.
 *
 * @example
 * ```ts
 * listOf(['a', 'b']); // 'one of a, b'
 * ```
 */
export function listOf(values: readonly (string | number)[]): string {
  return `one of ${values.join(', ')}`;
}

/**
 * @internal Tells whether every character of `text` is an ASCII letter (and there is at least one).
 *
 * @example
 * ```ts
 * isAsciiLetters('KR'); // true
 * ```
 */
export function isAsciiLetters(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) | 0x20;
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}
