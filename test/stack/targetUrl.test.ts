import { describe, expect, it } from 'vitest';
import { clientConfigOf, parseTargetUrl, redactConnectionString } from '../../stack/targetUrl.ts';

describe('parseTargetUrl: both forms libpq accepts', () => {
  it.each([
    ['a URL', 'postgresql://app:pw@db.example:6543/staging', { host: 'db.example', port: 6543, database: 'staging', user: 'app' }],
    ['a URL with ?password=', 'postgres://app@db.example/staging?password=pw&sslmode=disable', { host: 'db.example', port: 5432, database: 'staging', user: 'app' }],
    ['a URL with ?host= naming a socket directory', 'postgresql://app@/gomflow?host=/var/run/postgresql', { host: '/var/run/postgresql', port: 5432, database: 'gomflow', user: 'app' }],
    ['key=value', 'host=db.example port=6543 dbname=staging user=app password=pw', { host: 'db.example', port: 6543, database: 'staging', user: 'app' }],
    ['key=value with quotes and spaces around =', "host = db.example dbname='my db' user=app password='a b'", { host: 'db.example', port: 5432, database: 'my db', user: 'app' }],
    ['key=value with a socket directory and no dbname', 'host=/tmp user=app', { host: '/tmp', port: 5432, database: 'app', user: 'app' }],
  ])('%s', (_name, url, parsed) => expect(parseTargetUrl(url)).toEqual(parsed));

  it('gives the driver the password from whichever form it came', () => {
    expect(clientConfigOf('postgresql://app@db/x?password=s3cret').password).toBe('s3cret');
    expect(clientConfigOf("host=db password='s3 cret'").password).toBe('s3 cret');
    expect(clientConfigOf('postgresql://app:s%40cret@db/x').password).toBe('s@cret');
  });

  it.each([
    ['not a url', /not a valid URL or key=value connection string/],
    ['postgres//user@host/db', /not a valid URL or key=value connection string/],
    ["host=db password='unterminated", /not a valid URL or key=value connection string/],
    ['mysql://u:p@h/db', /must start with postgresql:\/\/ \(got mysql:\/\/\)/],
    ['postgresql://u:p@h:99999/db', /not a valid URL/],
    ['host=h port=70000 password=p', /has an invalid port/],
    ['host=h port=-1 password=p', /has an invalid port/],
    ['dbname=x user=u password=p', /has no host/],
  ])('rejects %s without repeating it', (url, pattern) => {
    expect(() => parseTargetUrl(url)).toThrow(pattern);
    try {
      parseTargetUrl(url);
    } catch (error) {
      expect((error as Error).message).not.toContain(url);
    }
  });
});

describe('redactConnectionString', () => {
  it.each([
    ['postgresql://app:s3cret@db/x', 'postgresql://app:****@db/x'],
    ['postgresql://app@db/x?password=s3cret', 'postgresql://app@db/x?password=****'],
    ['host=db password=s3cret dbname=x', 'host=db password=**** dbname=x'],
    // libpq decodes URL keywords too: the parsed password is removed where no pattern sees it.
    ['postgresql://app@db/x?pass%77ord=s3cret', 'postgresql://app@db/x?pass%77ord=****'],
  ])('%s', (url, redacted) => expect(redactConnectionString(url)).toBe(redacted));
});
