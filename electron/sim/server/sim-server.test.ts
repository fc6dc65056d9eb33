import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator';

/*
 * The app polls each account every 5 s. Node's default keep-alive of 5 s (sent as
 * "Keep-Alive: timeout=5", which undici, under ccxt, takes as 4 s) made every poll open a new
 * connection to the simulator; venues keep idle connections much longer.
 */

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 3, scenario: 'calm', speed: 0 });
});

afterAll(async () => {
  await sim.stop();
});

/** The Keep-Alive header of one answer of the simulator at `url`. */
function keepAliveOf(url: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      const header = response.headers['keep-alive'];
      resolve(Array.isArray(header) ? header.join(', ') : header);
    }).on('error', reject);
  });
}

describe('the simulated venues keep idle connections', () => {
  it('tell clients to hold an idle connection for longer than an account poll', async () => {
    const header = await keepAliveOf(`${sim.baseUrl('binance-usdm')}/fapi/v1/time`);
    const seconds = Number(/timeout=(\d+)/.exec(header ?? '')?.[1]);
    // Longer than the 5 s poll plus undici's 1 s margin, so the next poll finds the connection open.
    expect(seconds).toBeGreaterThanOrEqual(60);
  });
});
