import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { jwtKey } from '../../stack/auth/jwtKey.ts';
import { resolveServerLayout } from '../../stack/serverLayout.ts';
import { runCli } from '../helpers/runCli.ts';

/** The local API server's lifecycle through the CLI, on a local target of its own. */
describe('db up / status / down with the local API server', () => {
  const env = { GOMFLOW_DATA_DIR: `.gomflow/test-local-api-${process.pid}` };

  afterAll(async () => {
    await runCli(['db', 'down'], env);
    const { dataDir } = await resolveServerLayout(path.resolve(env.GOMFLOW_DATA_DIR));
    rmSync(dataDir, { recursive: true, force: true });
    for (const file of [env.GOMFLOW_DATA_DIR, `${env.GOMFLOW_DATA_DIR}.json`, `${env.GOMFLOW_DATA_DIR}-api.log`]) rmSync(file, { recursive: true, force: true });
  });

  it('starts the API beside PostgreSQL, shows its URL and verifiable keys, and stops it with db down', async () => {
    const up = await runCli(['db', 'up'], env);
    expect(up.code, up.stderr).toBe(0);
    const url = /api\s+(http:\/\/127\.0\.0\.1:\d+) {2}\(local test target, not Supabase\)/.exec(up.stdout)?.[1];
    expect(url, up.stdout).toBeDefined();
    expect(up.stderr).toContain(`gomflow local Supabase-compatible API on ${url}`);
    expect(up.stdout).not.toMatch(/anon key|eyJ/);

    const again = await runCli(['db', 'up'], env);
    expect(again.stderr).not.toContain('Supabase-compatible API on');
    expect(again.stdout).toContain(url);

    const status = await runCli(['db', 'status', '--json', '--show-secrets'], env);
    const { api } = JSON.parse(status.stdout);
    expect(api).toMatchObject({ running: true, local: true, supabaseUrl: url });
    const { jwtSecret } = JSON.parse(readFileSync(`${env.GOMFLOW_DATA_DIR}.json`, 'utf8'));
    expect((await jwtVerify(api.anonKey, jwtKey(jwtSecret))).payload.role).toBe('anon');
    expect((await jwtVerify(api.serviceRoleKey, jwtKey(jwtSecret))).payload.role).toBe('service_role');
    expect(status.stdout).not.toContain(jwtSecret);
    const health = await fetch(`${url}/auth/v1/health`, { headers: { apikey: api.anonKey } });
    expect(health.status).toBe(200);

    const down = await runCli(['db', 'down'], env);
    expect(down.stderr).toMatch(/local API server stopped\n.*local target stopped/s);
    await expect(fetch(`${url}/auth/v1/health`, { headers: { apikey: api.anonKey } })).rejects.toThrow();
    // Four CLI runs, one of them an initdb and two server starts: over the default minute on a busy 2-core machine.
  }, 180_000);
});
