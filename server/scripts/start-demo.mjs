// `npm start`: the whole product on this machine — embedded database under ./data, mocks, the H5 app.
import path from 'node:path';
import { demoCompound, demoLogins } from '@dayuan/mocks';
import { roleLabels } from '@dayuan/shared';
import { repoDir, startStack } from './stack.mjs';

const stack = await startStack({
  port: Number(process.env.PORT ?? 3000),
  wechatPort: 7101, // the H5 build has this address baked in (TARO_APP_WECHAT_MOCK_BASE)
  smsPort: 7103,
  pgliteDir: process.env.PGLITE_DIR ?? path.join(repoDir, 'data/pglite'),
  h5Dir: path.join(repoDir, 'miniprogram/dist/h5'),
  echo: true,
});

const logins = Object.entries(demoLogins).map(([role, employeeNo]) => {
  const person = demoCompound.people.find((p) => p.employeeNo === employeeNo);
  return `  ${employeeNo}  ${person.name.padEnd(4, '　')}  ${roleLabels[role]}`;
});
console.log(`
数字大院 Dayuan is running (embedded mode: PGlite under ./data, in-process state)

  App (H5):     ${stack.url}/
  API docs:     ${stack.url}/api/docs
  Health:       ${stack.url}/healthz
  Mocks:        WeChat ${stack.wechatUrl}   SMS ${stack.smsUrl}

Sign in on the login page by picking a demo WeChat account:
${logins.join('\n')}
Or choose 以新微信用户登录 to bind by employee number and SMS code
(the code arrives in ${stack.smsUrl}/__mock/sms/outbox).

Ctrl+C stops everything.
`);

let stopping = false;
const shutdown = async (code) => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
for (const proc of stack.processes) {
  void proc.exited.then((code) => {
    if (!stopping) {
      console.error(`${proc.name} stopped (${code}); stopping everything`);
      void shutdown(1);
    }
  });
}
