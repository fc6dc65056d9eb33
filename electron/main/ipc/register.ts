import { requestChannels, type RequestChannel } from '../../../shared/ipc/contract';
import { handle, type ChannelHandler, type SenderPolicy } from './handle';

/** One handler per contract channel. A mapped type: leaving out a channel fails `tsc`. */
export type ContractHandlers = { readonly [C in RequestChannel]: ChannelHandler<C> };

/**
 * Registers every request channel of the contract through `handle()`. Returns a function that
 * removes them all again (used on shutdown and in tests).
 */
export function registerContract(handlers: ContractHandlers, policy: SenderPolicy): () => void {
  const removers = requestChannels.map((channel) => registerChannel(channel, handlers, policy));
  return () => {
    for (const remove of removers) remove();
  };
}

function registerChannel<C extends RequestChannel>(
  channel: C,
  handlers: ContractHandlers,
  policy: SenderPolicy,
): () => void {
  return handle(channel, handlers[channel], policy);
}
