/**
 * Run in a fresh process by the cold-start benchmark: loads the core's modules, opens settings in
 * a new data folder, creates and starts the core, waits for the first heartbeat, and prints the
 * elapsed milliseconds as JSON. Module loading is inside the measurement on purpose.
 */
export {};

const start = performance.now();
const [{ createCore }, { openConfSettingsStore }, { createMemorySecretStore }, { createSystemClock }, { createSilentLogger }, { createLogNotifier }] =
  await Promise.all([
    import('../../core/create-core'),
    import('../../core/settings/conf-settings-store'),
    import('../../core/secrets/memory-secret-store'),
    import('../../core/clock'),
    import('../../core/logger'),
    import('../../core/log-notifier'),
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
