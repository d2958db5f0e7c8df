#!/usr/bin/env node
// The built CLI lives in ../dist; `npm install` builds it (the root package's prepare script).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
