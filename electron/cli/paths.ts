import { fileURLToPath } from 'node:url';

/** The project root (two folders above electron/cli). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where `electron-vite build` puts the renderer that web mode serves. */
export const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
