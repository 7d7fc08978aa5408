#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A closed pipe (`pgform sql | head`) is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

await main(process.argv);
