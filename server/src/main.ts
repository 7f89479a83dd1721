import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config/config.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  app
    .getHttpAdapter()
    .getInstance()
    .log.info({ url: await app.getUrl() }, 'dayuan server listening');
}

void main();
