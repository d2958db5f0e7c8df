#!/usr/bin/env node
import { main } from '../dist/main.js';

main(process.env).catch((error) => {
  console.error(`xxgk：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
