import { toYaml } from './toYaml.ts';

export interface TestRunInput {
  /** The entry script (smoke, launch-drop …): its bundle dist/k6/NAME.js goes into the ConfigMap. */
  scenario: string;
  parallelism: number;
  /** The Secret holding SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY and GOMFLOW_USER_PASSWORD. */
  secret: string;
  namespace?: string;
  /** `-e NAME=value` knobs for every runner (GOMFLOW_RATE …), never secrets. */
  env?: Record<string, string>;
}

/** The environment the scripts read from the Secret: referenced by key, never written into the manifest. */
export const SECRET_KEYS = ['SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'GOMFLOW_USER_PASSWORD'] as const;

/** The TestRun's name and ConfigMap's name for a scenario: DNS-1123 labels. */
export function testRunName(scenario: string): string {
  return `gomflow-${scenario}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/**
 * A k6-operator TestRun (k6.io/v1alpha1): the bundle from a ConfigMap, `parallelism` runners
 * (k6 splits the arrival rates between them by execution segments), the target and keys from
 * a Secret through secretKeyRef, and every runner printing its summary as one log line
 * (GOMFLOW_SUMMARY_STDOUT), since a runner pod's files go with it.
 */
export function testRunManifest(input: TestRunInput): string {
  const name = testRunName(input.scenario);
  const knobs = Object.entries(input.env ?? {}).map(([key, value]) => ({ name: key, value }));
  const manifest = {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: { name, ...(input.namespace ? { namespace: input.namespace } : {}), labels: { 'app.kubernetes.io/part-of': 'gomflow-loadtest' } },
    spec: {
      parallelism: input.parallelism,
      script: { configMap: { name, file: `${input.scenario}.js` } },
      // --no-summary would also drop handleSummary; --quiet keeps the runners' logs short.
      arguments: '--quiet',
      runner: {
        env: [
          ...SECRET_KEYS.map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: input.secret, key } } })),
          { name: 'GOMFLOW_SUMMARY_STDOUT', value: '1' },
          ...knobs,
        ],
      },
    },
  };
  return toYaml(manifest);
}

/** The commands around the manifest: ConfigMap and Secret, apply, wait, collect each runner's summary, import, clean up. */
export function testRunCommands(input: TestRunInput, manifestFile: string): string[] {
  const name = testRunName(input.scenario);
  const ns = input.namespace ? ` -n ${input.namespace}` : '';
  return [
    'npm run build:k6',
    // The uploads script open()s its proof beside itself: the ConfigMap mounts both in one folder.
    `kubectl${ns} create configmap ${name} --from-file=dist/k6/${input.scenario}.js${input.scenario === 'uploads' ? ' --from-file=dist/k6/proof.jpg' : ''}`,
    `kubectl${ns} create secret generic ${input.secret} ${SECRET_KEYS.map((key) => `--from-literal=${key}="$${key}"`).join(' ')}`,
    `kubectl${ns} apply -f ${manifestFile}`,
    `kubectl${ns} wait --for=jsonpath='{.status.stage}'=finished testrun/${name} --timeout=2h`,
    `for pod in $(kubectl${ns} get pods -l k6_cr=${name},runner=true -o name); do kubectl${ns} logs "$pod" > "${name}-$(basename "$pod").log"; done`,
    `./bin/gomflow-load.mjs import-k6 ${name}-*.log`,
    `kubectl${ns} delete testrun/${name} configmap/${name}`,
  ];
}
