import { ApiError, isApiError } from '../../../shared/api/errors';
import { JiraHttpError } from './jira-http-error';

/**
 * Says what went wrong in words that tell the analyst what to fix. Jira's messages are shown
 * as text; its field errors keep their field ids so the form can put each on its field.
 */
export function toApiError(error: unknown, what: string, site: string): ApiError {
  if (isApiError(error)) return error;
  if (!(error instanceof JiraHttpError))
    return new ApiError('JIRA_UNAVAILABLE', `${what} failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}.`);
  const detail = error.errorMessages.join(' ').slice(0, 500);
  switch (error.status) {
    case 400:
      return new ApiError(
        'JIRA_FIELDS',
        `Jira refused some fields${detail ? `: ${detail}` : '.'} Correct the marked fields and submit again.`,
        error.errors,
      );
    case 401:
      return new ApiError(
        'JIRA_AUTH',
        `Jira at ${site} did not accept the email and API token. Check the email, or create a new API token (id.atlassian.com → Security → API tokens) and save it in the Jira connection.`,
      );
    case 403:
      return new ApiError(
        'JIRA_FORBIDDEN',
        `The Jira account has no permission for this (${what}).${detail ? ` Jira says: ${detail}` : ''} Ask a Jira admin for the "Create issues" and "Create attachments" permissions in this project, or choose another project.`,
      );
    case 404:
      return new ApiError(
        'NOT_FOUND',
        `Jira could not find what ${what} needs${detail ? `: ${detail}` : '.'} Check the project and issue type.`,
      );
    case 429:
      return new ApiError('THROTTLED', 'Jira is limiting requests. Try again in a moment.');
    case null:
      return new ApiError(
        'JIRA_UNAVAILABLE',
        `${what}: Jira at ${site} did not answer (${error.message}). Check the network and try again.`,
      );
    default:
      return new ApiError('JIRA_UNAVAILABLE', `${what}: Jira at ${site} answered ${error.status}. Try again later.`);
  }
}
