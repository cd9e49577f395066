import { describe, expect, it } from 'vitest';
import { GomflowError } from '../../core/errors.ts';
import { scrubSecrets } from '../../core/redact.ts';
import { assertMayChange } from '../../stack/safety.ts';
import type { Target } from '../../stack/target.ts';
import { parseTargetUrl, redactConnectionString } from '../../stack/targetUrl.ts';

const remote: Target = {
  kind: 'postgres',
  url: 'postgresql://app:s3cret-pass@db.example.internal:5432/staging',
  host: 'db.example.internal',
  port: 5432,
  database: 'staging',
  where: 'db.example.internal:5432/staging',
  connectTimeoutMs: 5000,
};

describe('assertMayChange', () => {
  it('lets a change through on a remote target only with the exact host/database', () => {
    expect(() => assertMayChange(remote, 'db.example.internal/staging', 'seed', [])).not.toThrow();
  });

  it('refuses a remote target without confirmation and says how to confirm', () => {
    const error = (() => {
      try {
        assertMayChange(remote, undefined, 'seed', []);
      } catch (e) {
        return e as GomflowError;
      }
    })();
    expect(error?.code).toBe('E_UNSAFE_TARGET');
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toContain('--confirm-target db.example.internal/staging');
    expect(error?.message).not.toContain('s3cret');
  });

  it('refuses a confirmation naming another database', () => {
    expect(() => assertMayChange(remote, 'db.example.internal/production', 'seed', [])).toThrow(/does not match/);
  });

  it('refuses a target whose host, database or API host holds a production identifier, whatever is confirmed', () => {
    expect(() => assertMayChange(remote, 'db.example.internal/staging', 'seed', ['EXAMPLE.internal'])).toThrow(/matches production identifier 'EXAMPLE.internal'/);
    expect(() => assertMayChange({ ...remote, kind: 'supabase', apiHost: 'prodref.supabase.co' }, 'db.example.internal/staging', 'seed', ['prodref'])).toThrow(/production identifier 'prodref'/);
    expect(() => assertMayChange(remote, 'db.example.internal/staging', 'seed', ['prodref'])).not.toThrow();
  });

  it('needs no confirmation for the local target', () => {
    expect(() => assertMayChange({ ...remote, kind: 'local' }, undefined, 'seed', [])).not.toThrow();
  });
});

describe('secrets', () => {
  it('redacts the password of a URL', () => {
    expect(redactConnectionString(remote.url)).toBe('postgresql://app:****@db.example.internal:5432/staging');
  });

  it('scrubs secrets out of a message', () => {
    expect(scrubSecrets('auth failed for s3cret-pass', ['s3cret-pass'])).toBe('auth failed for ****');
  });
});

describe('parseTargetUrl', () => {
  it('reads host, port and database', () => {
    expect(parseTargetUrl(remote.url)).toEqual({ host: 'db.example.internal', port: 5432, database: 'staging', user: 'app' });
  });

  it.each([
    ['not a url', /not a valid URL/],
    ['mysql://u:p@h/db', /must start with postgresql:\/\//],
  ])('rejects %s with a message that never repeats the URL', (url, pattern) => {
    expect(() => parseTargetUrl(url)).toThrow(pattern);
  });
});
