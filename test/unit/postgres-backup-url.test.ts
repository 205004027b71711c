import { describe, expect, it } from 'vitest';
import { sizeText, splitPassword } from '../../electron/cli/postgres-backup';

/** What pg_dump is given: the URL without its password (the process list shows it), and the password apart (PGPASSWORD). */
describe('splitPassword: the URL for pg_dump and the password for its environment', () => {
  it.each([
    ['postgres://portier:s3cret@db.example.com:5432/portier', 'postgres://portier@db.example.com:5432/portier', 's3cret'],
    ['postgresql://portier:p%40ss%2Fw%C3%B6rd%3F@db:5432/portier?sslmode=verify-full', 'postgresql://portier@db:5432/portier?sslmode=verify-full', 'p@ss/wörd?'],
    ['postgres://portier@db/portier', 'postgres://portier@db/portier', null],
    ['postgres://portier:@db/portier', 'postgres://portier@db/portier', null],
    ['postgres://db/portier?password=a%26b&sslmode=require', 'postgres://db/portier?sslmode=require', 'a&b'],
    ['postgres://portier:old@db/portier?sslmode=require&PASSWORD=new', 'postgres://portier@db/portier?sslmode=require', 'new'],
    ['postgres://portier:pa:ss@db/portier', 'postgres://portier@db/portier', 'pa:ss'],
    ['postgres:///portier?host=/var/run/postgresql', 'postgres:///portier?host=/var/run/postgresql', null],
  ])('%s', (url, withoutPassword, password) => {
    expect(splitPassword(url)).toEqual({ url: withoutPassword, password });
  });
});

describe('sizeText', () => {
  it('says bytes, kB, MB and GB as people read them', () => {
    expect([sizeText(512), sizeText(48_230), sizeText(3_140_000), sizeText(1_400_000_000)]).toEqual(['512 bytes', '48.2 kB', '3.1 MB', '1.4 GB']);
  });
});
