import { describe, expect, it } from 'vitest';
import { isAffected, parseWhatIf } from '../../bench/whatIf.ts';

describe('parseWhatIf', () => {
  it('drops CONCURRENTLY from index builds and says so', () => {
    const whatIf = parseWhatIf('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON public.submissions (order_id, status);', 'fix.sql');
    expect(whatIf.statements[0]!.sql).toBe('CREATE INDEX IF NOT EXISTS idx_x ON public.submissions (order_id, status)');
    expect(whatIf.notes[0]).toMatch(/fix.sql:1: CONCURRENTLY dropped/);
    expect(whatIf.targets).toEqual(new Set(['submissions']));
  });

  it('rejects what a transaction cannot hold, naming the line', () => {
    expect(() => parseWhatIf('CREATE INDEX i ON t (a);\nVACUUM submissions;', 'fix.sql')).toThrow(/fix.sql:2: 'VACUUM submissions' cannot be tried: VACUUM cannot run inside a transaction block/);
    expect(() => parseWhatIf('COMMIT;', 'fix.sql')).toThrow(/transaction control/);
    expect(() => parseWhatIf('-- nothing\n', 'fix.sql')).toThrow(/holds no SQL statement/);
  });

  it('finds the relations and functions a fix touches; an unknown statement touches everything', () => {
    const whatIf = parseWhatIf(
      [
        'DROP POLICY IF EXISTS "Order owners can view submissions" ON submissions;',
        'CREATE POLICY "Order owners can view submissions" ON public.submissions FOR SELECT USING (true);',
        'CREATE OR REPLACE FUNCTION public.get_order_stats(order_uuid uuid) RETURNS json AS $$ SELECT null::json $$ LANGUAGE sql;',
        'DROP INDEX CONCURRENTLY idx_submissions_order_status;',
        'ANALYZE orders (user_id);',
      ].join('\n'),
      'fix.sql',
    );
    expect(whatIf.targets).toEqual(new Set(['submissions', 'get_order_stats', 'orders', 'idx_submissions_order_status']));
    expect(whatIf.droppedIndexes).toEqual(['idx_submissions_order_status']);
    expect(parseWhatIf("SET work_mem = '64MB';", 'fix.sql').targets).toBe('all');
  });
});

describe('isAffected', () => {
  const functions = new Map([['get_order_stats', ['submissions']]]);
  it('matches a target among the plan relations, in the SQL, or read by a called function', () => {
    const targets = new Set(['submissions']);
    expect(isAffected(targets, 'SELECT 1', ['submissions'], functions)).toBe(true);
    expect(isAffected(targets, 'SELECT count(*) FROM public.submissions', [], functions)).toBe(true);
    expect(isAffected(targets, 'SELECT public.get_order_stats(order_uuid := $1)', [], functions)).toBe(true);
    expect(isAffected(targets, 'SELECT * FROM orders', ['orders', 'orders_pkey'], functions)).toBe(false);
    expect(isAffected('all', 'SELECT 1', [], functions)).toBe(true);
  });
});
