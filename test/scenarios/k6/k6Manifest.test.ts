import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SECRET_KEYS, testRunCommands, testRunManifest } from '../../../scenarios/k6/manifest/testRunManifest.ts';

describe('k6 manifest', () => {
  const input = { scenario: 'launch-drop', parallelism: 3, secret: 'gomflow-target', namespace: 'load', env: { GOMFLOW_RATE: '120' } };

  it('is a k6-operator TestRun: the bundle from a ConfigMap, the runners, the keys from the Secret by reference only', () => {
    const manifest = parse(testRunManifest(input)) as { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: { parallelism: number; script: unknown; arguments: string; runner: { env: Record<string, unknown>[] } } };
    expect(manifest.apiVersion).toBe('k6.io/v1alpha1');
    expect(manifest.kind).toBe('TestRun');
    expect(manifest.metadata).toMatchObject({ name: 'gomflow-launch-drop', namespace: 'load' });
    expect(manifest.spec.parallelism).toBe(3);
    expect(manifest.spec.script).toEqual({ configMap: { name: 'gomflow-launch-drop', file: 'launch-drop.js' } });
    const env = manifest.spec.runner.env;
    for (const key of SECRET_KEYS) expect(env).toContainEqual({ name: key, valueFrom: { secretKeyRef: { name: 'gomflow-target', key } } });
    expect(env).toContainEqual({ name: 'GOMFLOW_SUMMARY_STDOUT', value: '1' });
    expect(env).toContainEqual({ name: 'GOMFLOW_RATE', value: '120' });
    // Nothing but references: no env entry of a secret key carries a value.
    expect(env.filter((entry) => SECRET_KEYS.includes(entry.name as never) && 'value' in entry)).toEqual([]);
  });

  it('the commands create the ConfigMap from the bundle and the Secret from the shell\'s variables, collect every runner\'s log and import them', () => {
    const commands = testRunCommands(input, 'gomflow-launch-drop.testrun.yaml');
    expect(commands).toContain('kubectl -n load create configmap gomflow-launch-drop --from-file=dist/k6/launch-drop.js');
    expect(commands.find((c) => c.includes('create secret'))).toContain('--from-literal=SUPABASE_SERVICE_ROLE_KEY="$SUPABASE_SERVICE_ROLE_KEY"');
    expect(commands).toContain('kubectl -n load apply -f gomflow-launch-drop.testrun.yaml');
    expect(commands.find((c) => c.includes('k6_cr=gomflow-launch-drop,runner=true'))).toContain('kubectl -n load logs');
    expect(commands).toContain('./bin/gomflow-load.mjs import-k6 gomflow-launch-drop-*.log');
  });
});
