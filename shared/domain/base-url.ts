/**
 * Whether a venue base URL may be used: https anywhere; plain http only on this machine (the
 * simulator, a local proxy), where nobody on the way can read the key's signed requests. Read
 * without `URL` (shared code has no DOM or Node globals): the host is what follows the last `@` of
 * the authority, so `http://127.0.0.1@example.com` is example.com and refused.
 */
export function isAllowedBaseUrl(text: string): boolean {
  const match = /^(https?):\/\/([^/?#\s]*)/i.exec(text);
  if (!match) return false;
  if (match[1]?.toLowerCase() === 'https') return true;
  const authority = match[2] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  return /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/i.test(host);
}
