/**
 * Run in a fresh process by the cold-start benchmark: loads the core's modules, opens settings in
 * a new data folder, creates and starts the core with its exchange services (no account yet, so
 * ccxt is not loaded), waits for the first heartbeat and answers app:info, and prints the
 * elapsed milliseconds as JSON. Module loading is inside the measurement on purpose.
 */
export {};

const start = performance.now();
const { createNodeHost } = await import('../../web/node-host');
const dataDir = process.env['LIQLENS_DATA_DIR'];
if (!dataDir) throw new Error('LIQLENS_DATA_DIR must name a fresh folder');
// Exchange access as the app has it (accounts, alerts, markets), with no account yet and no Demo.
const { createGateway } = await import('../../core/exchange/gateway');
const core = createNodeHost({ dataDir, app: { name: 'LiqLens', version: 'bench' }, exchange: { createGateway } });
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
