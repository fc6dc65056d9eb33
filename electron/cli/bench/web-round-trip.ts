import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSilentLogger } from '../../core/logger';
import { bootWebMode } from '../../web/boot-web';
import { connectContractClient } from './contract-client';
import { quantile, round } from './stats';

/**
 * Web-mode request round trip: `app:info` over the real host and WebSocket on 127.0.0.1, one
 * request at a time, after a warm-up. Milliseconds.
 */
export async function measureWebRoundTrip(requests = 1000): Promise<{ p50Ms: number; p99Ms: number; requests: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-bench-'));
  const web = await bootWebMode({ dataDir, staticDir: dataDir, logger: createSilentLogger() });
  const client = await connectContractClient(web.host.port, web.host.token);
  try {
    for (let i = 0; i < 100; i += 1) await client.request('app:info', {});
    const samples: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const start = performance.now();
      await client.request('app:info', {});
      samples.push(performance.now() - start);
    }
    return { p50Ms: round(quantile(samples, 0.5)), p99Ms: round(quantile(samples, 0.99)), requests };
  } finally {
    await client.close();
    await web.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
