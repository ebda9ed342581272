#!/usr/bin/env node
// The `interchange` command. TypeScript runs through tsx, so there is no separate server build.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
