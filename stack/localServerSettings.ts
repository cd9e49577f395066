/**
 * Server settings of the local target. The values are the checklist's (max_connections 100,
 * query timeout 30 s, idle timeout 10 s); wal_level=logical feeds realtime, and
 * pg_stat_statements must be preloaded for the query benchmarks to read it. The log line
 * carries the database and application_name, so plans captured during a load scenario name their journey.
 */
export function localServerSettings(port: number): Record<string, string> {
  return {
    port: String(port),
    listen_addresses: '127.0.0.1',
    // No unix socket: the data directory's owner differs from ours when we run as root.
    unix_socket_directories: '',
    wal_level: 'logical',
    shared_preload_libraries: 'pg_stat_statements',
    max_connections: '100',
    statement_timeout: '30s',
    idle_in_transaction_session_timeout: '10s',
    'pg_stat_statements.track': 'all',
    log_line_prefix: '%m [%p] db=%d app=%a ',
  };
}
