/**
 * The shape of a console-action signature: which burst of console-generated CloudTrail calls
 * means which human action. The idea is Permiso's Cloud Console Cartographer (an anchor event,
 * required and optional events, a time window around the anchor); the signatures here are our
 * own, written as data.
 */

/** Where a call came from, judged by its userAgent (see user-agent.ts). */
export type UserAgentFamily = 'console' | 'cli' | 'sdk' | 'other';

/**
 * One piece of an action's label: fixed words, or a value read from the grouped events. Values
 * come from CloudTrail records and are untrusted: they stay separate parts and are shown as text.
 */
export type LabelTemplatePart =
  | string
  | {
      /** The event key (`iam:GetUser`) to read from, or `*` for any event of the action. */
      from: string;
      /** Dotted paths into the record (`requestParameters.userName`), tried in order. */
      paths: readonly string[];
      /** Shown when no event carries the value. */
      fallback: string;
      /**
       * Keep one `/`-separated piece: `true` the last (an ARN's resource name), a number that
       * piece (1 for `arn:…:stack/NAME/ID`). The whole value is kept when it has no such piece.
       */
      tail?: boolean | number;
    }
  | { region: true };

/** A condition on the anchor event's record (`requestParameters.status` equals `Inactive`). */
export interface AnchorCondition {
  path: string;
  equals: string;
}

/** Where a signature's knowledge comes from. */
export interface SignatureReference {
  source: string;
  name: string;
}

export interface ConsoleSignature {
  /** Stable id: `service.page[.action]`. */
  id: string;
  /** The console the page belongs to (`IAM`, `EC2`, `S3`). */
  service: string;
  /** Event keys (`service:eventName`, Lambda's dated names undated) that can anchor the action. */
  anchor: readonly string[];
  /** Every one of these must occur inside the window (the anchor's own key included). */
  required: readonly string[];
  /** Calls the page often makes too: taken into the action when present. */
  optional?: readonly string[];
  /** Seconds before and after the anchor in which the other calls must fall. */
  window?: { before: number; after: number };
  /** Only calls of this user-agent family count. */
  userAgent: UserAgentFamily;
  /** Extra conditions on the anchor's record. */
  when?: readonly AnchorCondition[];
  /** Evaluated before signatures of lower priority (defaults to 0); ties go to more required calls. */
  priority?: number;
  label: readonly LabelTemplatePart[];
  references: readonly SignatureReference[];
  notes?: string;
}

/** The default window, as wide as the console's slowest pages usually take to load. */
export const defaultWindow = { before: 5, after: 10 } as const;

/** A value read from the events for a label. */
export function field(from: string, paths: string | readonly string[], fallback: string, tail: boolean | number = false): LabelTemplatePart {
  return { from, paths: typeof paths === 'string' ? [paths] : paths, fallback, ...(tail !== false ? { tail } : {}) };
}

/** The action's region, as a label part. */
export const region: LabelTemplatePart = { region: true };

/** Permiso's Cloud Console Cartographer, the source of the idea and of many call lists. */
export const cartographer = (name: string): SignatureReference => ({ source: 'Permiso Cloud Console Cartographer', name });

/** Observed in console-generated CloudTrail records, as AWS documents them. */
export const observed = (name: string): SignatureReference => ({ source: 'AWS console CloudTrail records', name });
