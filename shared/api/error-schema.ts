import { z } from 'zod';

import { errorCodes } from './errors';

/** The zod form of `ApiErrorShape`, for stream messages and stored states. */
export const ApiErrorShapeSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
