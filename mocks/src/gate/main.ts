// A gate device from the command line: `node dist/gate/main.js <server url> <device code> <in|out> <code>`.
// Demo device secrets come from the demo compound.
import { demoGateDevices } from '../demo/sites.js';
import { GateSimulator } from './gate-simulator.js';

const [serverUrl, deviceCode, direction, code] = process.argv.slice(2);
const device = demoGateDevices.find((d) => d.code === deviceCode);
if (!serverUrl || !device || (direction !== 'in' && direction !== 'out') || !code) {
  console.error(`usage: gate <server url> <${demoGateDevices.map((d) => d.code).join('|')}> <in|out> <code>`);
  process.exit(2);
}
const result = await new GateSimulator(serverUrl, device).scan(code, direction);
console.log(JSON.stringify(result));
process.exitCode = result.status === 200 && result.body.decision === 'allow' ? 0 : 1;
