import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { GomflowError } from '../errors.ts';
import { configLoadError } from './configLoadError.ts';
import { importConfigModule } from './importConfigModule.ts';
import { configSchema, type ResolvedConfig, type UserConfig } from './configSchema.ts';
import { nearestOption, optionsAt } from './nearestOption.ts';

/** Config values given on the command line; they win over everything else. */
export interface ConfigFlags {
  /** Path of a config file other than ./gomflow.config.ts. */
  config?: string;
  target?: string;
}

export interface LoadConfigOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: ConfigFlags;
  /** Receives notes about choices the user may not expect (printed on stderr by the CLI). */
  onNote?: (message: string) => void;
}

/** The environment variables we read, and the option each one sets (for error messages too). */
const ENV_OPTIONS = {
  GOMFLOW_TARGET: 'target',
  DATABASE_URL: 'databaseUrl',
  SUPABASE_URL: 'supabase.url',
  SUPABASE_ANON_KEY: 'supabase.anonKey',
  SUPABASE_SERVICE_ROLE_KEY: 'supabase.serviceRoleKey',
  SUPABASE_JWT_SECRET: 'supabase.jwtSecret',
  SUPABASE_COMPUTE_SIZE: 'supabase.computeSize',
  SUPABASE_SIGN_IN_RATE: 'supabase.signIn.perSecond',
  DB_POOL_MIN: 'pool.min',
  DB_POOL_MAX: 'pool.max',
  DB_POOL_IDLE_TIMEOUT: 'pool.idleTimeoutMs',
  GOMFLOW_DATA_DIR: 'local.dataDir',
  GOMFLOW_OUT_DIR: 'outDir',
  GOMFLOW_PRODUCTION_PATTERNS: 'safety.productionPatterns',
} as const;

const NUMERIC_ENV = new Set(['DB_POOL_MIN', 'DB_POOL_MAX', 'DB_POOL_IDLE_TIMEOUT']);
/** Variables that hold a decimal number. */
const DECIMAL_ENV = new Set(['SUPABASE_SIGN_IN_RATE']);
/** Variables that hold a comma-separated list. */
const LIST_ENV = new Set(['GOMFLOW_PRODUCTION_PATTERNS']);

type Layer = Record<string, unknown>;

/** Merges flags > env (process, then .env) > config file > defaults, and validates once. */
export async function loadConfig({ cwd, env, flags, onNote }: LoadConfigOptions): Promise<ResolvedConfig> {
  const { layer: fileLayer, shown } = await readConfigFile(cwd, flags.config);
  const envLayer = envToLayer({ ...readDotenv(cwd), ...definedOnly(env) });
  const flagLayer: Layer = {};
  if (flags.target !== undefined) flagLayer.target = flags.target;

  const merged = [fileLayer, envLayer, flagLayer].reduce<Layer>((acc, layer) => deepMerge(acc, layer), {});
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) throw configError(parsed.error, shown);
  const targetFrom = flagLayer.target !== undefined ? '--target' : envLayer.target !== undefined ? 'GOMFLOW_TARGET' : fileLayer.target !== undefined ? shown : 'default';
  // A DATABASE_URL left in the environment looks like a choice of target, but only --target,
  // GOMFLOW_TARGET or the config file choose one: say so rather than run locally in silence.
  if (parsed.data.target === 'local' && parsed.data.databaseUrl && targetFrom !== '--target') {
    onNote?.(`DATABASE_URL is set but the target is local (${targetFrom === 'default' ? 'default' : `from ${targetFrom}`}); pass --target postgres to use it`);
  }
  return parsed.data;
}

function readDotenv(cwd: string): Record<string, string> {
  const file = path.join(cwd, '.env');
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/** The config file's layer, and its name as messages show it. */
async function readConfigFile(cwd: string, explicit: string | undefined): Promise<{ layer: Layer; shown: string }> {
  const file = path.resolve(cwd, explicit ?? 'gomflow.config.ts');
  const shown = path.relative(cwd, file) || file;
  if (!existsSync(file)) {
    if (explicit === undefined) return { layer: {}, shown };
    throw new GomflowError('E_FILE_NOT_FOUND', `config file ${explicit} does not exist; pass the path of a gomflow.config.ts or drop --config`);
  }
  let loaded: { default?: unknown };
  try {
    loaded = await importConfigModule(file);
  } catch (error) {
    throw configLoadError(file, shown, error);
  }
  if (typeof loaded.default !== 'object' || loaded.default === null) {
    throw new GomflowError('E_CONFIG_INVALID', `${shown} must \`export default defineConfig({...})\``);
  }
  return { layer: loaded.default as UserConfig as Layer, shown };
}

function envToLayer(env: Record<string, string>): Layer {
  const layer: Layer = {};
  for (const [name, option] of Object.entries(ENV_OPTIONS)) {
    const raw = env[name];
    if (raw === undefined) continue;
    setPath(layer, option, NUMERIC_ENV.has(name) ? parseEnvInteger(name, raw) : DECIMAL_ENV.has(name) ? parseEnvDecimal(name, raw) : LIST_ENV.has(name) ? raw.split(',').map((item) => item.trim()).filter(Boolean) : raw);
  }
  return layer;
}

function parseEnvInteger(name: string, raw: string): number {
  if (!/^\d+$/.test(raw.trim())) {
    throw new GomflowError('E_CONFIG_INVALID', `${name} must be a whole number, got '${raw}'; fix it in the environment or .env`);
  }
  return Number(raw.trim());
}

function parseEnvDecimal(name: string, raw: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw.trim())) {
    throw new GomflowError('E_CONFIG_INVALID', `${name} must be a number such as 0.4, got '${raw}'; fix it in the environment or .env`);
  }
  return Number(raw.trim());
}

function setPath(target: Layer, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] = (node[key] as Layer | undefined) ?? {};
    node = node[key] as Layer;
  }
  node[keys[keys.length - 1]!] = value;
}

function deepMerge(base: Layer, over: Layer): Layer {
  const out: Layer = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = out[key];
    out[key] = isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Layer {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function configError(error: z.ZodError, shown: string): GomflowError {
  // An unknown key is most often a typo, and may be why another value looks wrong: name it first.
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.map((key) => `${String(key)}.`).join('');
    const unknown = issue.keys[0]!;
    const nearest = nearestOption(unknown, optionsAt(configSchema, issue.path));
    const hint = nearest ? `did you mean \`${prefix}${nearest}\`?` : `remove it (the options are in core/config/configSchema.ts)`;
    return new GomflowError('E_CONFIG_INVALID', `unknown option \`${prefix}${unknown}\` in ${shown}; ${hint}`);
  }
  const option = issue.path.join('.') || '(root)';
  const envName = Object.entries(ENV_OPTIONS).find(([, opt]) => opt === option)?.[0];
  const where = envName ? `${shown} or ${envName}` : shown;
  return new GomflowError('E_CONFIG_INVALID', `invalid config option ${option}: ${issue.message}; fix it in ${where}`);
}
