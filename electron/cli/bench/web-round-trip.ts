import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSilentLogger } from '../../core/logger';
import { bootWebMode } from '../../web/boot-web';
import { connectContractClient, type ContractClient } from './contract-client';
import { untilModelsLoaded } from './settle';
import { quantile, round } from './stats';

/** `count` sequential `app:info` round trips, milliseconds each. */
async function roundTrips(client: ContractClient, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await client.request('app:info', {});
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Web-mode request round trip: `app:info` over the real host and WebSocket on 127.0.0.1, one
 * request at a time. `p50Ms`/`p99Ms` are measured once the app has started: the Demo's accounts
 * and every position's market loaded, streams live, and the rest of the start's work done (the
 * other markets' backfills and each map's first measurement on its recordings, `Core.settled`),
 * which would otherwise share the process with the requests. `duringStartP99Ms` right after the
 * host answers, while the Demo still loads its markets' history in the same process. Milliseconds.
 */
export async function measureWebRoundTrip(
  requests = 1000,
): Promise<{ p50Ms: number; p99Ms: number; duringStartP99Ms: number; requests: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liqlens-bench-'));
  const web = await bootWebMode({
    dataDir,
    staticDir: dataDir,
    logger: createSilentLogger(),
    // Thousands of back-to-back requests measure the transport; the per-client limit would refuse most.
    limits: { rateLimit: { burst: Number.MAX_SAFE_INTEGER, perSecond: Number.MAX_SAFE_INTEGER } },
  });
  const client = await connectContractClient(web.host.port, web.host.token);
  try {
    await roundTrips(client, 100);
    const duringStart = await roundTrips(client, requests);
    await untilModelsLoaded(() => client.request('positions:list', {}));
    await web.core.settled();
    const started = await roundTrips(client, requests);
    return {
      p50Ms: round(quantile(started, 0.5)),
      p99Ms: round(quantile(started, 0.99)),
      duringStartP99Ms: round(quantile(duringStart, 0.99)),
      requests,
    };
  } finally {
    await client.close();
    await web.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
