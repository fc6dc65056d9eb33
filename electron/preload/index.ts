/**
 * The sandboxed preload: exposes `window.liqlens` (one method per contract channel, `onX(cb)` per
 * event) and never `ipcRenderer` itself. Bundled to one CommonJS file, so it may import only types
 * from the contract plus the type-only `createLiqLensApi`: no zod, nothing else at runtime.
 */
import { contextBridge } from 'electron';
import { createLiqLensApi } from '../../shared/ipc/api';
import { createIpcTransport } from './ipc-transport';

contextBridge.exposeInMainWorld('liqlens', createLiqLensApi(createIpcTransport()));
