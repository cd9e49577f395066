#!/usr/bin/env node
// The harness is TypeScript run through tsx: no build step, and gomflow.config.ts loads as is.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/cli.ts');
