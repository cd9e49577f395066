import { describe, expect, it } from 'vitest';
import { explainFailure } from '../../stack/schema/explainFailure.ts';

describe('explainFailure', () => {
  it('names the transaction block as the cause of a failed concurrent index build', () => {
    const hint = explainFailure('CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (c)', {
      code: '25001',
      message: 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block',
    });
    expect(hint).toMatch(/outside BEGIN\/COMMIT/);
  });

  it('names the PostgreSQL 13 rename for old pg_stat_statements columns', () => {
    const hint = explainFailure('CREATE VIEW slow_queries AS SELECT total_time FROM pg_stat_statements', {
      code: '42703',
      message: 'column "total_time" does not exist',
    });
    expect(hint).toMatch(/total_exec_time/);
  });

  it('says the object exists when production DDL is re-run', () => {
    expect(explainFailure('CREATE TABLE profiles ()', { code: '42P07', message: 'relation "profiles" already exists' })).toMatch(/not re-runnable/);
  });

  it('returns nothing for an error it does not know', () => {
    expect(explainFailure('SELECT 1/0', { code: '22012', message: 'division by zero' })).toBeUndefined();
  });
});
