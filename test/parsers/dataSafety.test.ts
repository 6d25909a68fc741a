import { describe, expect, it } from 'vitest';
import { isAppNotFoundError } from '../../src/errors/AppNotFoundError.js';
import { isParseError } from '../../src/errors/ParseError.js';
import { isThrottledError } from '../../src/errors/ThrottledError.js';
import { getPath, isPlainObject } from '../../src/internal/path.js';
import type { DataSafety } from '../../src/models/DataSafety.js';
import { locateDataBlocks } from '../../src/protocol/pageData.js';
import { parseDataSafety } from '../../src/parsers/dataSafety.js';
import { loadFixture } from '../helpers/fixtures.js';

const APP_ID = 'com.google.android.apps.translate';
const context = { id: APP_ID, url: `https://play.google.com/store/apps/datasafety?id=${APP_ID}&hl=en` };
const html = loadFixture('datasafety/com.google.android.apps.translate.en.html');

/** The `Ws7gDc` block of the captured page, deep-copied. */
function capturedBlock(): unknown {
  return structuredClone(locateDataBlocks(html).byServiceId('Ws7gDc')?.data);
}

/** A minimal modern page holding one data block under `key` (no service map). */
function pageWith(data: unknown, key = 'ds:3'): string {
  return `<!doctype html><html><head><script nonce="x">AF_initDataCallback({key: '${key}', hash: '1', data:${JSON.stringify(data)}, sideChannel: {}});</script></head><body></body></html>`;
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const expected: DataSafety = {
  sharedData: [],
  collectedData: [
    { data: 'Name', optional: true, purpose: 'Account management', type: 'Personal info' },
    { data: 'Email address', optional: true, purpose: 'Analytics, Account management', type: 'Personal info' },
    { data: 'User IDs', optional: false, purpose: 'App functionality, Analytics', type: 'Personal info' },
    { data: 'Address', optional: true, purpose: 'Account management', type: 'Personal info' },
    { data: 'Phone number', optional: true, purpose: 'Account management', type: 'Personal info' },
    {
      data: 'Other info',
      optional: false,
      purpose: 'App functionality, Analytics, Developer communications, Account management',
      type: 'Personal info',
    },
    {
      data: 'Device or other IDs',
      optional: false,
      purpose: 'App functionality, Analytics, Account management',
      type: 'Device or other IDs',
    },
    { data: 'App interactions', optional: false, purpose: 'App functionality, Analytics', type: 'App activity' },
    {
      data: 'Other user-generated content',
      optional: true,
      purpose: 'App functionality, Analytics',
      type: 'App activity',
    },
    { data: 'Other actions', optional: false, purpose: 'Analytics', type: 'App activity' },
    { data: 'Approximate location', optional: false, purpose: 'Analytics', type: 'Location' },
    {
      data: 'Photos',
      optional: true,
      purpose: 'App functionality, Analytics, Account management',
      type: 'Photos and videos',
    },
    { data: 'Crash logs', optional: false, purpose: 'Analytics', type: 'App info and performance' },
    { data: 'Diagnostics', optional: false, purpose: 'Analytics', type: 'App info and performance' },
    {
      data: 'Other app performance data',
      optional: false,
      purpose: 'App functionality, Analytics',
      type: 'App info and performance',
    },
    { data: 'Contacts', optional: true, purpose: 'Account management', type: 'Contacts' },
  ],
  securityPractices: [
    { practice: 'Data is encrypted in transit', description: 'Your data is transferred over a secure connection' },
    {
      practice: 'You can request that data be deleted',
      description: 'The developer provides a way for you to request that your data be deleted',
    },
    {
      practice: 'Independent security review',
      description:
        'This app has been independently validated against a global security standard. <a href="https://appdefensealliance.dev/masa" target="_blank">See details</a>',
    },
  ],
  privacyPolicyUrl: 'http://www.google.com/policies/privacy/',
};

describe('parseDataSafety', () => {
  it('reads the full declaration of Google Translate (2025-12 layout, ds:3[1][2][1][138])', () => {
    expect(parseDataSafety(html, context)).toStrictEqual({ value: expected, diagnostics: [] });
  });

  it('reads the pre-2025-12 layout (section at [1][2][137], policy at [1][2][99])', () => {
    const data = capturedBlock();
    const record = getPath(data, [1, 2]);
    const trailing = getPath(record, [1]);
    if (!Array.isArray(record) || !isPlainObject(trailing)) throw new Error('unexpected capture layout');
    const legacy: unknown[] = [record[0]];
    legacy[99] = trailing['100'];
    legacy[137] = trailing['138'];
    const legacyData = [getPath(data, [0]), [null, null, legacy]];
    expect(parseDataSafety(pageWith(legacyData), context)).toStrictEqual({ value: expected, diagnostics: [] });
  });

  it('finds the block by content under another ds number and without a service map', () => {
    const { value } = parseDataSafety(pageWith(capturedBlock(), 'ds:42'), context);
    expect(value.collectedData).toHaveLength(16);
  });

  it('reads shared data when the developer declares some', () => {
    const data = capturedBlock();
    const collected = getPath(data, [1, 2, 1, 138, 4, 1, 0]);
    const shared = getPath(data, [1, 2, 1, 138, 4, 0]);
    if (!Array.isArray(shared) || !Array.isArray(collected)) throw new Error('unexpected capture layout');
    shared[0] = collected.slice(3, 4); // the "Location" category
    const { value } = parseDataSafety(pageWith(data), context);
    expect(value.sharedData).toStrictEqual([
      { data: 'Approximate location', optional: false, purpose: 'Analytics', type: 'Location' },
    ]);
  });

  it('leaves a missing privacy policy out and reports it', () => {
    const data = capturedBlock();
    const trailing = getPath(data, [1, 2, 1]);
    if (!isPlainObject(trailing)) throw new Error('unexpected capture layout');
    delete trailing['100'];
    const { value, diagnostics } = parseDataSafety(pageWith(data), context);
    expect(value).not.toHaveProperty('privacyPolicyUrl');
    expect(value.collectedData).toHaveLength(16);
    expect(diagnostics).toEqual([
      {
        field: 'DataSafety.privacyPolicyUrl',
        path: 'D[1][2][1][100][0][5][2] | D[1][2][99][0][5][2]',
        reason: 'missing',
      },
    ]);
  });

  it('throws ParseError when a data entry has no label', () => {
    const data = capturedBlock();
    const entries = getPath(data, [1, 2, 1, 138, 4, 1, 0, 2, 4, 0]);
    if (!Array.isArray(entries)) throw new Error('unexpected capture layout');
    entries[0] = null;
    const error = thrown(() => parseDataSafety(pageWith(data), context));
    expect(isParseError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'DataEntry.data', path: 'S[4][1][0][2][4][0][0]' });
  });

  it('throws ParseError naming the security practice that has no label', () => {
    const data = capturedBlock();
    const practice = getPath(data, [1, 2, 1, 138, 9, 2, 1]);
    if (!Array.isArray(practice)) throw new Error('unexpected capture layout');
    practice[1] = '';
    expect(thrown(() => parseDataSafety(pageWith(data), context))).toMatchObject({
      field: 'SecurityPractice.practice',
      path: 'S[9][2][1][1]',
    });
  });

  it('throws ParseError when no block holds a data safety section', () => {
    const data = capturedBlock();
    const trailing = getPath(data, [1, 2, 1]);
    if (!isPlainObject(trailing)) throw new Error('unexpected capture layout');
    delete trailing['138'];
    const error = thrown(() => parseDataSafety(pageWith(data), context));
    expect(isParseError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'DataSafety.section', path: 'D[1][2][1][138] | D[1][2][137]' });
  });

  it("raises AppNotFoundError for Google's Not Found page", () => {
    const error = thrown(() => parseDataSafety(loadFixture('errors/datasafety-not-found.404.html'), context));
    expect(isAppNotFoundError(error)).toBe(true);
    expect(error).toMatchObject({ appId: APP_ID });
  });

  it('raises ThrottledError for a page without data blocks', () => {
    expect(isThrottledError(thrown(() => parseDataSafety('<html><body>hi</body></html>', context)))).toBe(true);
  });
});
