/** An error as Athena sends it over JSON 1.1: HTTP 400, `__type` and `Message` (and AthenaErrorCode or Reason). */
export class AthenaFault extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}
