import { timingSafeEqual } from 'node:crypto';
import type { SimHttpRequest } from '../../server/venue-route';

/** One request header as text ('' when absent; the first value when repeated). */
export function header(request: SimHttpRequest, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Compares a presented signature with the expected one in constant time. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
