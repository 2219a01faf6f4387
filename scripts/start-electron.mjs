// `npm start`: the desktop app, after making sure Electron's binary is there.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

import './ensure-electron.mjs';

const require = createRequire(import.meta.url);
const electron = require('electron');
const result = spawnSync(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
