import { describe, expect, it } from 'vitest';
import { isParseError } from '../../src/errors/ParseError.js';
import { isPlayRpcError } from '../../src/errors/PlayRpcError.js';
import { getPath } from '../../src/internal/path.js';
import type { PermissionGroup } from '../../src/models/Permission.js';
import { decodeBatchExecute } from '../../src/protocol/batchexecute.js';
import {
  UNCATEGORIZED_PERMISSION_GROUP,
  parsePermissions,
  permissionGroupNames,
} from '../../src/parsers/permissions.js';
import { loadFixture } from '../helpers/fixtures.js';

const translateBody = loadFixture('permissions/com.google.android.apps.translate.en-us.txt');

function envelope(payload: unknown): string {
  const encoded = payload === null ? null : JSON.stringify(payload);
  return `)]}'\n\n${JSON.stringify([['wrb.fr', 'xdSrCf', encoded, null, null, null, '1']])}`;
}

function setAt(root: unknown, path: readonly number[], value: unknown): void {
  const parent = getPath(root, path.slice(0, -1));
  const last = path.at(-1);
  if (!Array.isArray(parent) || last === undefined) throw new Error(`no list at ${path.join('/')}`);
  parent[last] = value;
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parsePermissions', () => {
  it('reads the common groups, the "Other" group and the flat section of Google Translate (en)', () => {
    const expected: PermissionGroup[] = [
      { group: 'Identity', permissions: ['find accounts on the device', 'add or remove accounts'] },
      { group: 'Contacts', permissions: ['find accounts on the device'] },
      { group: 'SMS', permissions: ['read your text messages (SMS or MMS)'] },
      {
        group: 'Photos/Media/Files',
        permissions: ['read the contents of your USB storage', 'modify or delete the contents of your USB storage'],
      },
      {
        group: 'Storage',
        permissions: ['read the contents of your USB storage', 'modify or delete the contents of your USB storage'],
      },
      { group: 'Camera', permissions: ['take pictures and videos'] },
      { group: 'Microphone', permissions: ['record audio'] },
      { group: 'Wi-Fi connection information', permissions: ['view Wi-Fi connections'] },
      {
        group: 'Other',
        permissions: [
          'view network connections',
          'pair with Bluetooth devices',
          'access Bluetooth settings',
          'measure app storage space',
          'full network access',
          'change your audio settings',
          'control Near Field Communication',
          'run at startup',
          'draw over other apps',
          'use accounts on the device',
          'prevent device from sleeping',
          'read Google service configuration',
        ],
      },
      { group: 'Uncategorized', permissions: ['receive data from Internet'] },
    ];
    expect(parsePermissions(translateBody)).toStrictEqual({ value: expected, diagnostics: [] });
  });

  it('keeps the Japanese labels as sent', () => {
    const { value } = parsePermissions(loadFixture('permissions/com.google.android.apps.translate.ja.txt'));
    expect(permissionGroupNames(value)).toEqual([
      '写真、メディア、ファイル',
      'ストレージ',
      'カメラ',
      'マイク',
      'Wi-Fi 接続情報',
      'その他',
      UNCATEGORIZED_PERMISSION_GROUP,
    ]);
    expect(value[0]).toStrictEqual({
      group: '写真、メディア、ファイル',
      permissions: ['USB ストレージのコンテンツの読み取り', 'USB ストレージのコンテンツの変更または削除'],
    });
    expect(value.find((group) => group.group === 'その他')?.permissions).toHaveLength(9);
    expect(value.at(-1)).toStrictEqual({ group: 'Uncategorized', permissions: ['インターネットからデータを受信する'] });
  });

  it('skips a null common section (other-only)', () => {
    expect(parsePermissions(loadFixture('permissions/other-only.xdSrCf.en-us.txt')).value).toStrictEqual([
      {
        group: 'Other',
        permissions: [
          'view network connections',
          'full network access',
          'run at startup',
          'control vibration',
          'prevent device from sleeping',
          'Google Play license check',
        ],
      },
      { group: 'Uncategorized', permissions: ['receive data from Internet'] },
    ]);
  });

  it('gives [] for an app without permissions (payload "[]")', () => {
    expect(parsePermissions(loadFixture('permissions/no-permissions.xdSrCf.en-us.txt'))).toStrictEqual({
      value: [],
      diagnostics: [],
    });
  });

  it('gives [] for a null payload', () => {
    expect(parsePermissions(envelope(null)).value).toEqual([]);
  });

  // Decision: the 2019 storefront answer has the same section/group/entry layout (only the icon id is
  // missing and an empty `[]` placeholder opens the common section), so it is parsed rather than
  // rejected with UnsupportedFormatError.
  it('parses the 2019 format, whose layout is the same', () => {
    expect(parsePermissions(loadFixture('permissions/unknown-app.2019-02.old-format.xdSrCf.txt'))).toStrictEqual({
      value: [
        { group: 'Wi-Fi connection information', permissions: ['view Wi-Fi connections'] },
        { group: 'Other', permissions: ['view network connections', 'full network access'] },
      ],
      diagnostics: [],
    });
  });

  it('drops a group without entries', () => {
    const payload = structuredClone(decodeBatchExecute(translateBody, 'xdSrCf'));
    setAt(payload, [0, 1, 2], null); // Contacts
    const { value } = parsePermissions(envelope(payload));
    expect(value.map((group) => group.group)).not.toContain('Contacts');
    expect(value).toHaveLength(9);
  });

  it('throws ParseError naming the group when a group with entries has no label', () => {
    const payload = structuredClone(decodeBatchExecute(translateBody, 'xdSrCf'));
    setAt(payload, [1, 0, 0], null); // "Other"
    const error = thrown(() => parsePermissions(envelope(payload)));
    expect(isParseError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'PermissionGroup.group', path: 'P[1][0][0]' });
  });

  it('throws ParseError when the payload is not a list', () => {
    expect(thrown(() => parsePermissions(envelope({ groups: [] })))).toMatchObject({
      field: 'PermissionGroup[]',
      path: 'P',
    });
  });

  it("passes Google's error entry on as PlayRpcError", () => {
    const error = [5, null, [['type.googleapis.com/wireless.android.finsky.boq.web.data.PlayDataError', [1]]]];
    const body = `)]}'\n\n${JSON.stringify([['wrb.fr', 'xdSrCf', null, null, null, error, '1']])}`;
    expect(isPlayRpcError(thrown(() => parsePermissions(body)))).toBe(true);
  });
});

describe('permissionGroupNames', () => {
  it('projects the group labels in order (the short form)', () => {
    expect(permissionGroupNames(parsePermissions(translateBody).value)).toEqual([
      'Identity',
      'Contacts',
      'SMS',
      'Photos/Media/Files',
      'Storage',
      'Camera',
      'Microphone',
      'Wi-Fi connection information',
      'Other',
      'Uncategorized',
    ]);
  });

  it('lists a repeated label once', () => {
    expect(
      permissionGroupNames([
        { group: 'Other', permissions: ['a'] },
        { group: 'Camera', permissions: ['b'] },
        { group: 'Other', permissions: ['c'] },
      ]),
    ).toEqual(['Other', 'Camera']);
  });
});
