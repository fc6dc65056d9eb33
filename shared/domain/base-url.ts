/**
 * Whether a venue base URL may be used: https anywhere; plain http only on this machine (the
 * simulator, a local proxy), where nobody on the way can read the key's signed requests.
 */
export function isAllowedBaseUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/.test(url.hostname);
}
