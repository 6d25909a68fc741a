/**
 * The fast path of `htmlToText`: the plain text of a fragment written in the small subset of HTML
 * Google serves in nearly every description — text, `<br>`, inline formatting tags without
 * attributes and the common character references — read in one pass over the string, with the
 * exact result parse5 gives for that subset. Anything outside the subset returns `undefined` and
 * goes to parse5.
 *
 * Why the result is parse5's: inside the subset the tree holds only text, `<br>` and inline
 * elements, so the text of the tree in document order is the text of the fragment with `<br>`
 * as a newline (formatting elements that are misnested or left open are reopened around later
 * text, never moved in front of it); there is no block element, so no boundary newline.
 */

const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const SPACE = 0x20;
const HASH = 0x23;
const SEMICOLON = 0x3b;
/** Characters parse5 changes in text (NUL dropped, CR turned into LF). */
const UNSUPPORTED_TEXT = /[\0\r]/;

/** Inline elements whose tags leave their text in place (formatting elements and `span`). */
const INLINE_TAGS: ReadonlySet<string> = new Set(['b', 'i', 'u', 'em', 'strong', 'span']);
/** The character references the fast path decodes; any other name goes to parse5 (legacy forms without `;`). */
const NAMED_REFERENCES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);
const MAX_NAME_LENGTH = 8;
const MAX_DIGITS = 8;

/** A piece of markup read at a `<` or `&`: the text it stands for and where reading goes on. */
interface Markup {
  readonly text: string;
  readonly next: number;
}

/**
 * The plain text of `fragment` when it uses only the subset above (`<br>` → `\n`, inline tags
 * dropped, `&amp;`-style and numeric references decoded), else `undefined`.
 *
 * @example
 * ```ts
 * plainFragmentText('What&#39;s new<br><b>Bug</b> fixes & more'); // "What's new\nBug fixes & more"
 * plainFragmentText('<p>block</p>'); // undefined (parse5 decides)
 * ```
 */
export function plainFragmentText(fragment: string): string | undefined {
  // parse5 drops NUL and turns CR / CRLF into LF: leave such text to it.
  if (UNSUPPORTED_TEXT.test(fragment)) return undefined;
  let text = '';
  let copied = 0;
  let tag = fragment.indexOf('<');
  let reference = fragment.indexOf('&');
  while (tag !== -1 || reference !== -1) {
    const isTag = reference === -1 || (tag !== -1 && tag < reference);
    const at = isTag ? tag : reference;
    const markup = isTag ? readTag(fragment, at) : readReference(fragment, at);
    if (markup === undefined) return undefined;
    text += fragment.slice(copied, at) + markup.text;
    copied = markup.next;
    if (tag !== -1 && tag < copied) tag = fragment.indexOf('<', copied);
    if (reference !== -1 && reference < copied) reference = fragment.indexOf('&', copied);
  }
  return text + fragment.slice(copied);
}

/** `<br>`, `<br/>`, `<br />`, or an inline start or end tag without attributes, at `start`. */
function readTag(fragment: string, start: number): Markup | undefined {
  const closing = fragment.charCodeAt(start + 1) === SLASH;
  const nameStart = start + (closing ? 2 : 1);
  let nameEnd = nameStart;
  while (isLowerLetter(fragment.charCodeAt(nameEnd))) nameEnd++;
  if (nameEnd === nameStart) return undefined;
  const name = fragment.slice(nameStart, nameEnd);
  if (name === 'br') return closing ? undefined : readBreakEnd(fragment, nameEnd);
  if (!INLINE_TAGS.has(name) || fragment.charCodeAt(nameEnd) !== GREATER_THAN) return undefined;
  return { text: '', next: nameEnd + 1 };
}

/** The end of a `<br` tag: `>`, `/>` or ` />`. */
function readBreakEnd(fragment: string, at: number): Markup | undefined {
  let index = at;
  if (fragment.charCodeAt(index) === SPACE) index++;
  if (fragment.charCodeAt(index) === SLASH) index++;
  else if (index !== at) return undefined;
  return fragment.charCodeAt(index) === GREATER_THAN ? { text: '\n', next: index + 1 } : undefined;
}

/**
 * A character reference at `start`: `&name;` for the names above, `&#NN;` or `&#xHH;`. A `&` not
 * followed by a letter, a digit or `#` is text; other references go to parse5.
 */
function readReference(fragment: string, start: number): Markup | undefined {
  const after = fragment.charCodeAt(start + 1);
  if (after === HASH) return readNumericReference(fragment, start + 2);
  if (!isAlphanumeric(after)) return { text: '&', next: start + 1 };
  const semicolon = fragment.indexOf(';', start + 1);
  if (semicolon === -1 || semicolon - start - 1 > MAX_NAME_LENGTH) return undefined;
  const decoded = NAMED_REFERENCES.get(fragment.slice(start + 1, semicolon));
  return decoded === undefined ? undefined : { text: decoded, next: semicolon + 1 };
}

/** `NN;` or `xHH;` at `at` (after `&#`), for code points parse5 decodes as themselves. */
function readNumericReference(fragment: string, at: number): Markup | undefined {
  const first = fragment.charCodeAt(at);
  const hex = first === 0x78 || first === 0x58; // x X
  const digitsStart = hex ? at + 1 : at;
  let index = digitsStart;
  let value = 0;
  for (; index < fragment.length && index - digitsStart < MAX_DIGITS; index++) {
    const digit = digitValue(fragment.charCodeAt(index), hex ? 16 : 10);
    if (digit === -1) break;
    value = value * (hex ? 16 : 10) + digit;
  }
  if (index === digitsStart || fragment.charCodeAt(index) !== SEMICOLON || !decodesAsItself(value)) return undefined;
  return { text: String.fromCodePoint(value), next: index + 1 };
}

/** Code points a numeric reference stands for unchanged: tab, newline, printable ASCII and everything from U+00A0 except surrogates. */
function decodesAsItself(value: number): boolean {
  if (value === 0x09 || value === 0x0a) return true;
  if (value >= 0x20 && value <= 0x7e) return true;
  return value >= 0xa0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
}

function digitValue(code: number, radix: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (radix !== 16) return -1;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

function isLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isAlphanumeric(code: number): boolean {
  const lower = code | 0x20;
  return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
}
