#!/usr/bin/env node
// The `kilde` command. The code is TypeScript run through tsx, registered in this process, so
// signals reach the server directly and no second process is left behind.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/kilde.ts');
