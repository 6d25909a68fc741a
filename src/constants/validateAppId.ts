import { ValidationError } from '../errors/ValidationError.js';

/** The longest app id accepted, in characters. */
export const MAX_APP_ID_LENGTH = 255;

const ALLOWED =
  `an Android package name such as com.example.app: at least 2 dot-separated segments, each a letter ` +
  `followed by letters, digits or _ (at most ${MAX_APP_ID_LENGTH} characters)`;

/**
 * Checks an app id (Android package name) and returns it unchanged (ids are case-sensitive).
 *
 * The Android rule: at least two segments separated by `.`; each segment starts with an ASCII
 * letter and continues with ASCII letters, digits or `_`. So spaces, `&`, `#`, `/`, `..`, `%`,
 * quotes and non-ASCII letters are all rejected, and an id can never change a URL or a request body.
 *
 * @param value - The id given by the caller, e.g. `com.whatsapp`.
 * @param field - The parameter name used in the error.
 * @throws {ValidationError} for anything else.
 *
 * @example
 * ```ts
 * validateAppId('com.mojang.minecraftpe'); // 'com.mojang.minecraftpe'
 * validateAppId('com.a&gl=kr'); // throws ValidationError (field 'appId')
 * ```
 */
export function validateAppId(value: unknown, field = 'appId'): string {
  if (typeof value === 'string' && value.length <= MAX_APP_ID_LENGTH && isPackageName(value)) return value;
  throw new ValidationError(field, value, ALLOWED);
}

function isPackageName(text: string): boolean {
  let segments = 0;
  let atSegmentStart = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x2e /* . */) {
      if (atSegmentStart) return false;
      atSegmentStart = true;
      continue;
    }
    const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    if (atSegmentStart) {
      if (!letter) return false;
      atSegmentStart = false;
      segments++;
      continue;
    }
    const digit = code >= 0x30 && code <= 0x39;
    if (!letter && !digit && code !== 0x5f /* _ */) return false;
  }
  return !atSegmentStart && segments >= 2;
}
