import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RealizedLiquidation } from '../../../shared/domain/liquidation';
import type { OpenInterestPoint } from '../../../shared/domain/open-interest';
import type { Venue } from '../../../shared/domain/venue';
import { appendText, ensureFolder } from '../storage/disk-io';
import type { DiskWatch } from '../storage/disk-watch';
import {
  decodeLine,
  encodeLine,
  recordTimeMs,
  type MinuteBar,
  type RecordLine,
  type WatchSpan,
} from './recording-format';

/** What was recorded for one venue and symbol over a window, each list oldest first, without duplicates. */
export interface Recording {
  readonly bars: readonly MinuteBar[];
  readonly openInterest: readonly OpenInterestPoint[];
  readonly liquidations: readonly RealizedLiquidation[];
  /** When the realized-liquidation stream was connected (`watch` lines), merged, oldest first. */
  readonly liquidationWatch: readonly WatchSpan[];
}

/** Appends what the app saw at one market source and reads it back. */
export interface Recorder {
  /** Folder of one venue and symbol's day files. */
  folderOf(venue: Venue, symbol: string): string;
  /**
   * Appends records to their UTC day files (`<yyyy-mm-dd>.jsonl`), one write per file. Each line is
   * complete and newline-terminated, so a crash can tear at most the last line of a file. With a
   * `DiskWatch`, a failed write never throws: the records are dropped (recording pauses), the watch
   * hears of it, and the next append tries again (the first that succeeds resumes recording).
   */
  append(venue: Venue, symbol: string, lines: readonly RecordLine[]): void;
  /** Records with time in [fromMs, toMs) (either end may be infinite); unreadable lines (a torn tail) are skipped; later duplicates win. */
  read(venue: Venue, symbol: string, fromMs: number, toMs: number): Promise<Recording>;
}

const dayMs = 86_400_000;

/** The day file name of a time: its UTC date. */
export function dayFileOf(timeMs: number): string {
  return `${new Date(Math.floor(timeMs / dayMs) * dayMs).toISOString().slice(0, 10)}.jsonl`;
}

// Venue symbols are plain (BTCUSDT, BTC-USDT-SWAP, BTC) but come from the renderer: keep paths inside the folder.
const safeName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');

/**
 * Creates the recorder of one market source (`sourceIdOf` in shared/domain/market-source: `demo`,
 * `production`, a testnet or simulator host) under `<dataDir>/recordings/<source>/<venue>/<symbol>/`:
 * each source keeps its own history, so a Demo recording never deepens a real account's map.
 * Plain `fs`, no native modules: appends go through `O_APPEND`, which keeps each single write
 * whole on local disks. Without `disk`, a failed write throws (tools and tests that want to see it).
 */
export function createRecorder(dataDir: string, source: string, disk?: DiskWatch): Recorder {
  const root = join(dataDir, 'recordings', safeName(source));
  // Files whose tail this session has already checked for a torn line.
  const checked = new Set<string>();

  const folderOf = (venue: Venue, symbol: string): string => join(root, safeName(venue), safeName(symbol));

  /** A newline when the file ends inside a torn line, so the next record does not merge with it. */
  const repairPrefix = (path: string): string => {
    if (checked.has(path)) return '';
    checked.add(path);
    if (!existsSync(path)) return '';
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size === 0) return '';
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      return last[0] === 0x0a ? '' : '\n';
    } finally {
      closeSync(fd);
    }
  };

  return {
    folderOf,
    append(venue, symbol, lines) {
      if (lines.length === 0) return;
      // Paused on a full disk until there is room again: no half lines written into the last free bytes.
      if (disk?.full && !disk.hasRoom()) return;
      const folder = folderOf(venue, symbol);
      const byFile = new Map<string, string[]>();
      for (const line of lines) {
        const file = dayFileOf(recordTimeMs(line));
        const list = byFile.get(file) ?? [];
        list.push(encodeLine(line));
        byFile.set(file, list);
      }
      let path = folder;
      try {
        ensureFolder(folder);
        for (const [file, texts] of byFile) {
          path = join(folder, file);
          appendText(path, `${repairPrefix(path)}${texts.join('\n')}\n`);
        }
      } catch (error) {
        // A full disk may have left part of a line: check this file's tail again before the next append.
        checked.delete(path);
        if (!disk) throw error;
        disk.failed('recording', error);
        return;
      }
      disk?.succeeded();
    },
    async read(venue, symbol, fromMs, toMs) {
      const folder = folderOf(venue, symbol);
      let files: string[];
      try {
        files = (await readdir(folder)).filter((name) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name)).sort();
      } catch {
        return { bars: [], openInterest: [], liquidations: [], liquidationWatch: [] };
      }
      // Unbounded ends (±Infinity) read every file on that side.
      const firstFile = Number.isFinite(fromMs) ? dayFileOf(fromMs) : '',
        lastFile = Number.isFinite(toMs) ? dayFileOf(Math.max(fromMs, toMs - 1)) : '~';
      const bars = new Map<number, MinuteBar>(),
        oi = new Map<number, OpenInterestPoint>(),
        liqs = new Map<string, RealizedLiquidation>(),
        watch: WatchSpan[] = [];
      for (const file of files) {
        if (file < firstFile || file > lastFile) continue;
        const text = await readFile(join(folder, file), 'utf8');
        for (const row of text.split('\n')) {
          if (row.length === 0) continue;
          const line = decodeLine(row);
          if (line === undefined) continue;
          const time = recordTimeMs(line);
          if (time < fromMs || time >= toMs) continue;
          if (line.kind === 'bar') bars.set(time, line.bar);
          else if (line.kind === 'oi') oi.set(time, line.point);
          else if (line.kind === 'watch') watch.push(line.span);
          else
            liqs.set(
              `${time}|${line.liquidation.side}|${line.liquidation.price}|${line.liquidation.size}`,
              line.liquidation,
            );
        }
      }
      const byTime = <T>(map: Map<number, T>): T[] =>
        [...map.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
      return {
        bars: byTime(bars),
        openInterest: byTime(oi),
        liquidations: [...liqs.values()].sort((a, b) => a.timeMs - b.timeMs),
        liquidationWatch: mergeSpans(watch),
      };
    },
  };
}

/** Spans sorted and joined where they touch or overlap. */
export function mergeSpans(spans: readonly WatchSpan[]): WatchSpan[] {
  const merged: WatchSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.fromMs - b.fromMs)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.fromMs <= last.toMs)
      merged[merged.length - 1] = { fromMs: last.fromMs, toMs: Math.max(last.toMs, span.toMs) };
    else merged.push(span);
  }
  return merged;
}
