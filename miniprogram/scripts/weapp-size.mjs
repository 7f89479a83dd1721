// Bytes per WeChat package of a weapp build (what WeChat counts against its limits) as a CI budget:
// exits 1 when a package exceeds 2 MB or the main package exceeds our own 1 MB budget.
// usage: node scripts/weapp-size.mjs dist/weapp   (last line: {"main":…,"directory":…,"total":…})
import fs from 'node:fs';
import path from 'node:path';

const MB = 1024 * 1024;
const PACKAGE_LIMIT = 2 * MB;
const MAIN_BUDGET = 1 * MB;

const root = path.resolve(process.argv[2] ?? 'dist/weapp');
const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));

/** Every counted file under `dir` as [path relative to root, bytes]. */
function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(abs);
    if (entry.name.endsWith('.LICENSE.txt') || entry.name === 'project.config.json') return [];
    return [[path.relative(root, abs).split(path.sep).join('/'), fs.statSync(abs).size]];
  });
}

const sizes = { main: 0 };
for (const sub of subRoots) sizes[sub] = 0;
for (const [file, bytes] of files(root)) {
  const owner = subRoots.find((sub) => file.startsWith(`${sub}/`)) ?? 'main';
  sizes[owner] += bytes;
}
const total = Object.values(sizes).reduce((a, b) => a + b, 0);

const failures = [];
for (const [name, bytes] of Object.entries(sizes)) {
  const limit = name === 'main' ? MAIN_BUDGET : PACKAGE_LIMIT;
  const label = name === 'main' ? 'main package' : `subpackage ${name}`;
  console.log(`${label}: ${bytes} bytes (${((bytes / limit) * 100).toFixed(1)}% of ${limit / MB} MB)`);
  if (bytes > limit) failures.push(`${label} is ${bytes} bytes, over ${limit}`);
}
console.log(`total: ${total} bytes`);
for (const failure of failures) console.error(`[weapp-size] FAIL ${failure}`);
if (failures.length > 0) process.exitCode = 1;
console.log(JSON.stringify({ ...sizes, total }));
