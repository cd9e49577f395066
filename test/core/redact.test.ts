import { describe, expect, it } from 'vitest';
import { scrubDeep, scrubSecrets } from '../../core/redact.ts';

describe('scrubSecrets', () => {
  it.each([
    ['a password in the query', 'postgresql://app@db:5432/x?password=s3cret&sslmode=require', 'postgresql://app@db:5432/x?password=****&sslmode=require'],
    ['a password after another parameter', 'postgresql://db/x?sslmode=require&password=s3cret', 'postgresql://db/x?sslmode=require&password=****'],
    ['key=value with spaces around =', 'host=db password = s3cret dbname=x', 'host=db password = **** dbname=x'],
    ['a quoted key=value password with a space and an escaped quote', "host=db password='s3 c\\'ret' dbname=x", "host=db password='****' dbname=x"],
    ['an unterminated quote hides the rest', "password='s3cret dbname=x", "password='****'"],
    ['a comma in a bare password is hidden with it', 'password=s3c,ret user=x', 'password=**** user=x'],
    ['sslpassword and PGPASSWORD', 'sslpassword=k3y PGPASSWORD=s3cret', 'sslpassword=**** PGPASSWORD=****'],
    ['a JSON password field keeps the JSON quotes', '{"password": "s3cret"}', '{"password": "****"}'],
    ['an unencoded @ in a URL password', 'postgresql://app:p@ss@db:5432/x', 'postgresql://app:****@db:5432/x'],
    ['user info without a user', 'postgresql://:s3cret@db/x', 'postgresql://:****@db/x'],
    ['no secret at all', 'password authentication failed for user "app"', 'password authentication failed for user "app"'],
  ])('%s', (_name, text, scrubbed) => expect(scrubSecrets(text)).toBe(scrubbed));

  it('also removes known secrets in any shape, as given and URL-encoded', () => {
    expect(scrubSecrets('role "x" with p@ss/word and p%40ss%2Fword', ['p@ss/word'])).toBe('role "x" with **** and ****');
  });

  it('ignores known secrets too short to be told from ordinary text', () => {
    expect(scrubSecrets('port 543', ['543', undefined, ''])).toBe('port 543');
  });

  it('scrubs every string of a JSON value, keeping keys and other values', () => {
    expect(scrubDeep({ url: 'host=db password=s3cret', n: 1, list: ['postgresql://a:b1@h/x'] })).toEqual({
      url: 'host=db password=****',
      n: 1,
      list: ['postgresql://a:****@h/x'],
    });
  });
});
