import type { MarginMode } from '../../../../shared/domain/margin-mode';
import { liveControls, type WhatIfControls } from './what-if-controls';

/**
 * What the panel's fields hold, as typed: text fields stay text so that "1,5" or a half-typed
 * number is shown back as the user left it, with a field message, instead of being coerced.
 */
export interface WhatIfDraft {
  readonly leverage: number | null;
  readonly collateralSide: 'add' | 'remove';
  readonly collateralText: string;
  /** 0–100. */
  readonly closePercent: number;
  readonly addSizeText: string;
  readonly addPriceText: string;
  readonly marginMode: MarginMode | null;
  /** Signed percent, −50…50. */
  readonly pricePercent: number;
}

/** The draft of the live state (Reset returns here). */
export const liveDraft: WhatIfDraft = {
  leverage: null,
  collateralSide: 'add',
  collateralText: '',
  closePercent: 0,
  addSizeText: '',
  addPriceText: '',
  marginMode: null,
  pricePercent: 0,
};

/** Field messages of a draft, by field. */
export interface DraftErrors {
  readonly collateral?: string;
  readonly addSize?: string;
  readonly addPrice?: string;
}

/**
 * Reads a typed amount: empty is 0 (the control is unused), thousands separators and spaces are
 * ignored; anything else that is not a finite number >= 0 is an error message.
 */
export function parseAmount(text: string): number | string {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (cleaned === '') return 0;
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return 'enter a number';
  if (value < 0) return 'enter a positive amount';
  return value;
}

/** The controls a draft stands for; a field with an error counts as unused until fixed. */
export function draftToControls(draft: WhatIfDraft): {
  readonly controls: WhatIfControls;
  readonly errors: DraftErrors;
} {
  const collateral = parseAmount(draft.collateralText);
  const addSize = parseAmount(draft.addSizeText);
  const addPrice = parseAmount(draft.addPriceText);
  const errors: { collateral?: string; addSize?: string; addPrice?: string } = {};
  if (typeof collateral === 'string') errors.collateral = collateral;
  if (typeof addSize === 'string') errors.addSize = addSize;
  if (typeof addPrice === 'string') errors.addPrice = addPrice;
  else if (addPrice === 0 && draft.addPriceText.trim() !== '') errors.addPrice = 'the price must be above 0';
  const amount = typeof collateral === 'number' ? collateral : 0;
  return {
    controls: {
      ...liveControls,
      leverage: draft.leverage,
      collateral: draft.collateralSide === 'add' ? amount : -amount,
      closeFraction: Math.min(100, Math.max(0, draft.closePercent)) / 100,
      addSizeBase: typeof addSize === 'number' ? addSize : 0,
      addPrice: typeof addPrice === 'number' && addPrice > 0 ? addPrice : null,
      marginMode: draft.marginMode,
      priceChange: draft.pricePercent / 100,
    },
    errors,
  };
}
