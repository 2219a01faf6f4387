import { ApiError } from '../../../shared/api/errors';
import type { NormalizedEvent } from '../../../shared/records/types';
import type { RuleHit } from '../../../shared/rules/types';
import { attachmentName, recordsFile } from '../../../shared/ticket/attachment';
import { buildTicketDraft } from '../../../shared/ticket/draft';
import type { DraftAnalysis } from '../../../shared/ticket/analysis-context';
import type { AnalystInput, TicketDraft } from '../../../shared/ticket/draft';
import { renderAdf } from '../../../shared/ticket/render-adf';
import { renderWiki } from '../../../shared/ticket/render-wiki';
import { submissionLabel } from '../../../shared/ticket/summary';
import { missingRequired, toFieldSpecs, toJiraValue } from './create-meta';
import type { CreateMetaField } from './jira-client';
import type { JiraDeployment } from './jira-dc-client';
import type { SubmissionRequest } from './submission';

export interface PrepareInput {
  submissionId: string;
  events: readonly NormalizedEvent[];
  analyst: AnalystInput;
  projectKey: string;
  issueTypeId: string;
  /** The form's values by field id (option ids or names, text). */
  formValues: Record<string, string>;
  /** The issue type's createmeta fields, read from the site just before sending. */
  createMeta: CreateMetaField[];
  now?: Date;
  flag?: (event: NormalizedEvent) => RuleHit[];
  /** The fetch's analysis: the findings and enrichment of the selected events go into the description. */
  analysis?: DraftAnalysis | null;
  /** Cloud takes the description as ADF, Data Center as wiki markup. */
  deployment?: JiraDeployment;
}

/**
 * Builds the create request on the host from the records and the analyst's words: the
 * description is generated here, never taken from the renderer. Fields the issue type does not
 * have are left out; a missing required field or an unknown one is refused before sending.
 */
export function prepareSubmission(input: PrepareInput): { request: SubmissionRequest; draft: TicketDraft } {
  const draft = buildTicketDraft(input.events, input.analyst, input.flag, input.analysis ?? null);
  const onScreen = new Set(input.createMeta.map((field) => field.fieldId));
  const specs = toFieldSpecs(input.createMeta);
  const values = Object.fromEntries(Object.entries(input.formValues).filter(([, value]) => value.trim() !== ''));
  const missing = missingRequired(specs, values);
  if (Object.keys(missing).length) throw new ApiError('JIRA_FIELDS', 'Fill in the required fields.', missing);
  if (!onScreen.has('labels')) {
    throw new ApiError(
      'JIRA_FIELDS',
      'This issue type has no Labels field on its create screen; Trailcase needs one to make sure a submit never creates two issues.',
      { labels: 'Add Labels to the create screen, or choose another issue type.' },
    );
  }
  const label = submissionLabel(input.submissionId);
  const fields: Record<string, unknown> = {
    project: { key: input.projectKey },
    issuetype: { id: input.issueTypeId },
    summary: draft.summary,
  };
  if (onScreen.has('description')) fields.description = input.deployment === 'datacenter' ? renderWiki(draft) : renderAdf(draft);
  for (const [fieldId, value] of Object.entries(values)) {
    const spec = specs.find((candidate) => candidate.fieldId === fieldId);
    if (!spec)
      throw new ApiError('JIRA_FIELDS', `This issue type has no field ${fieldId}.`, { [fieldId]: 'Not a field of this issue type.' });
    fields[fieldId] = toJiraValue(spec, value);
  }
  const prioritySpec = specs.find((spec) => spec.kind === 'priority');
  const suggested = prioritySpec?.allowedValues.find((option) => option.name === draft.priority);
  if (prioritySpec && suggested && !('priority' in fields)) fields[prioritySpec.fieldId] = { id: suggested.id };
  const formLabels = Array.isArray(fields.labels) ? (fields.labels as string[]) : [];
  fields.labels = [...new Set([...draft.labels, ...formLabels, label])];
  const now = input.now ?? new Date();
  return {
    draft,
    request: {
      submissionId: input.submissionId,
      projectKey: input.projectKey,
      summary: draft.summary,
      fields,
      attachmentName: attachmentName(now),
      attachmentContent: recordsFile(input.events),
    },
  };
}
