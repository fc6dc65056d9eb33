import { Badge } from '../../ui';

/** What the Demo is: simulated, labelled, already running. */
export function DemoChoice() {
  return (
    <div className="acc-step" data-testid="acc-demo">
      <p className="acc-demo__banner">
        <Badge tone="demo">Demo</Badge> Simulated data, not a real market
      </p>
      <p className="acc-lede">
        The Demo is already running: a built-in simulator plays Binance, Bybit, OKX and Hyperliquid with Demo accounts
        whose positions are safe or moderate, and one close to liquidation (an ETH long on Bybit), so you can see what
        its alert looks like.
      </p>
      <ul className="acc-list">
        <li>Prices, open interest, trader crowds and their liquidations are generated on this computer.</li>
        <li>Your liquidation lines, the cluster map and what-if work exactly as with a real account.</li>
        <li>
          Demo accounts carry the <Badge tone="demo">Demo</Badge> badge everywhere; nothing you do here touches an
          exchange.
        </li>
      </ul>
      <p className="field__hint">
        Connect a read-only key, track an address or type a position whenever you are ready.
      </p>
    </div>
  );
}
