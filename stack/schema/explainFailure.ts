/** A statement error as the server reported it. */
export interface StatementError {
  message: string;
  code?: string;
}

/**
 * Says why a statement of a schema file failed, where the cause is a known trap of running
 * GOMFLOW's production file on a current, plain PostgreSQL (gomflow-schema.md §10).
 */
export function explainFailure(sql: string, error: StatementError): string | undefined {
  const { message, code } = error;
  if (code === '25001' && /\bCONCURRENTLY\b/i.test(sql)) {
    return 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block; run it on its own, outside BEGIN/COMMIT';
  }
  if (code === '42703' && /pg_stat_statements/i.test(sql) && /\b(total_time|mean_time|min_time|max_time|stddev_time|blk_read_time|blk_write_time)\b/.test(message)) {
    return 'pg_stat_statements columns were renamed in PostgreSQL 13 (total_time -> total_exec_time, mean_time -> mean_exec_time) and 17 (blk_read_time -> shared_blk_read_time)';
  }
  if (/pg_stat_statements must be loaded via/i.test(message)) {
    return 'pg_stat_statements needs shared_preload_libraries=pg_stat_statements and a server restart';
  }
  if (code === '42501' && /pg_stat_statements|extension/i.test(sql)) {
    return 'pg_stat_statements is not a trusted extension: only a superuser can create it';
  }
  if (code === '25P02') {
    return 'an earlier statement failed inside this transaction block, so the server ignores everything until COMMIT/ROLLBACK';
  }
  if (code === '3F000' && /\b(auth|storage)\./i.test(sql)) {
    return 'Supabase schemas auth/storage are missing: apply the shim first (db up does) or use a Supabase target';
  }
  if (code === '42883' && /\bauth\.(uid|role|jwt)\b/i.test(sql)) {
    return "Supabase's auth.uid()/auth.role()/auth.jwt() are missing: apply the shim first";
  }
  if (code === '42704' && /role "(anon|authenticated|service_role)"/.test(message)) {
    return "Supabase's API roles are missing: apply the shim first";
  }
  if (code === '42P07' || code === '42710' || (code === '23505' && /notification_templates/i.test(sql))) {
    return "the object already exists: production's file is not re-runnable (CREATE without IF NOT EXISTS / OR REPLACE)";
  }
  if (code === '42501' && /schema public/i.test(message)) {
    return 'PostgreSQL 15 removed CREATE on schema public from PUBLIC: connect as the schema owner';
  }
  return undefined;
}
