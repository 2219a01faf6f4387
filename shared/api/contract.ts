import type { z } from 'zod';

import { analysisContract } from './analysis-contract';
import { appContract } from './app-contract';
import { athenaContract } from './athena-contract';
import { chatContract } from './chat-contract';
import { containmentContract } from './containment-contract';
import { fetchContract } from './fetch-contract';
import { iamContract } from './iam-contract';
import { intelContract } from './intel-contract';
import { investigationContract } from './investigation-contract';
import { localPathContract } from './local-path-contract';
import { ticketContract } from './ticket-contract';
import type { ApiResult } from './errors';
import type { StreamMessage } from './stream';

/**
 * The one api between the renderer and its host: method name → input and output schema.
 * Preload, IPC binding, web host and renderer client all derive from this map; no channel name
 * or bridge type is declared anywhere else. Each feature keeps its part in its own file.
 */
export const apiContract = {
  ...appContract,
  ...athenaContract,
  ...chatContract,
  ...containmentContract,
  ...analysisContract,
  ...fetchContract,
  ...iamContract,
  ...intelContract,
  ...investigationContract,
  ...localPathContract,
  ...ticketContract,
} as const;

export type ApiContract = typeof apiContract;
export type MethodName = keyof ApiContract;
export type ApiInput<M extends MethodName> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends MethodName> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends MethodName> = z.output<ApiContract[M]['output']>;

/** The method names, for hosts that build one function per method. */
export const methodNames = Object.keys(apiContract) as MethodName[];

/** Tells a known method name from any other value (guards `__proto__`, `constructor`…). */
export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(apiContract, value);
}

/** The typed object the renderer calls: one method per operation, plus stream subscription. */
export type TrailcaseApi = {
  [M in MethodName]: (input: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>>;
} & {
  /** Receives every stream message; returns the function that unsubscribes. */
  subscribe(listener: (message: StreamMessage) => void): () => void;
};

/** The name of the IPC channel for a method (Electron) and its path (web host). */
export function channelOf(method: MethodName): string {
  return `trailcase:${method}`;
}

/** The IPC channel of stream messages. */
export const streamChannel = 'trailcase:stream';
