/**
 * Run in a fresh process by the cold-start benchmark: loads the core's modules, opens settings in
 * a new data folder, creates and starts the core with its exchange services (no account yet, so
 * ccxt is not loaded), waits for the first heartbeat and answers app:info, and prints the
 * elapsed milliseconds as JSON. Module loading is inside the measurement on purpose.
 */
export {};

const start = performance.now();
const [
  { createCore },
  { openConfSettingsStore },
  { createMemorySecretStore },
  { createSystemClock },
  { createSilentLogger },
  { createLogNotifier },
  { createGateway },
] = await Promise.all([
  import('../../core/create-core'),
  import('../../core/settings/conf-settings-store'),
  import('../../core/secrets/memory-secret-store'),
  import('../../core/clock'),
  import('../../core/logger'),
  import('../../core/log-notifier'),
  import('../../core/exchange/gateway'),
]);
const dataDir = process.env['LIQLENS_DATA_DIR'];
if (!dataDir) throw new Error('LIQLENS_DATA_DIR must name a fresh folder');
const clock = createSystemClock();
const logger = createSilentLogger();
const core = createCore({
  settings: openConfSettingsStore(dataDir, clock.now()),
  secrets: createMemorySecretStore(),
  notifier: createLogNotifier(logger),
  clock,
  logger,
  app: { name: 'LiqLens', version: 'bench', mode: 'web', dataDir },
  // Exchange access as the app has it (accounts, alerts, markets), with no account yet.
  exchange: { createGateway },
});
await new Promise<void>((resolve) => {
  const off = core.on('core:heartbeat', () => {
    off();
    resolve();
  });
  void core.start();
});
await core.handlers['app:info']({});
process.stdout.write(JSON.stringify({ coldStartMs: performance.now() - start }) + '\n');
await core.stop();
