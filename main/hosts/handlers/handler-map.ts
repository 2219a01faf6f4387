import type { z } from 'zod';

/** The handlers of one part of the contract: parsed input in, output (before parsing) out. */
export type HandlerMap<C extends Record<string, { input: z.ZodType; output: z.ZodType }>> = {
  [M in keyof C]: (input: z.output<C[M]['input']>) => Promise<z.input<C[M]['output']>>;
};
