import { ApiError, isApiError } from '../../../shared/api/errors';
import { JiraHttpError } from './jira-http-error';

/** Jira's own words, as one line of text (its messages are shown, never interpreted). */
function jiraSays(error: JiraHttpError): string {
  return error.errorMessages.join(' ').slice(0, 500);
}

/** What the error itself says, when it is not Jira's answer. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
}

/**
 * Says what went wrong in words that tell the analyst what to fix. Jira's messages are shown
 * as text; its field errors keep their field ids so the form can put each on its field. Our
 * own words never put parentheses inside parentheses.
 */
export function toApiError(error: unknown, what: string, site: string): ApiError {
  if (isApiError(error)) return error;
  if (!(error instanceof JiraHttpError)) return new ApiError('JIRA_UNAVAILABLE', `${what} failed: ${reasonOf(error)}. Retry in a moment.`);
  const detail = jiraSays(error);
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
        `Jira at ${site} did not accept the email and API token. Check the email, or create a new API token at id.atlassian.com, Security, API tokens, and save it in the Jira connection.`,
      );
    case 403:
      return new ApiError(
        'JIRA_FORBIDDEN',
        `The Jira account may not do this: ${what}.${detail ? ` Jira says: ${detail}` : ''} Ask a Jira admin for the "Create issues" and "Create attachments" permissions in this project, or choose another project.`,
      );
    case 404:
      return new ApiError(
        'NOT_FOUND',
        `Jira could not find what ${what} needs${detail ? `: ${detail}` : '.'} Check the project and issue type.`,
      );
    case 429:
      return new ApiError('THROTTLED', 'Jira is limiting requests. Retry in a moment.');
    case null:
      return new ApiError(
        'JIRA_UNAVAILABLE',
        `${what}: Jira at ${site} did not answer, ${error.message.replace(/^No response from Jira: /, '')}. Check the network and retry.`,
      );
    default:
      return new ApiError('JIRA_UNAVAILABLE', `${what}: Jira at ${site} answered ${error.status}. Retry later.`);
  }
}

/**
 * A failed connection test, put on the field to fix: the site when nothing (or no Jira) answered
 * there, the email and token when Jira refused them.
 */
export function toTestError(error: unknown, site: string): ApiError {
  if (isApiError(error)) return error;
  if (!(error instanceof JiraHttpError)) return toApiError(error, 'Testing the connection', site);
  switch (error.status) {
    case 401:
      return new ApiError('JIRA_AUTH', `Jira at ${site} did not accept this email and API token.`, {
        email: 'Check that this is the email of the Atlassian account the token belongs to.',
        token: 'Paste the token again, or create a new one at id.atlassian.com, Security, API tokens.',
      });
    case 403:
      return new ApiError('JIRA_FORBIDDEN', `Jira at ${site} knows this account but refuses it API access. Ask a Jira admin to allow it.`, {
        email: 'This account may not use Jira’s API.',
      });
    case 404:
      return new ApiError('NOT_FOUND', `${site} answered, but not as Jira Cloud does.`, {
        site: 'Check the address: it is your team’s site, such as https://your-team.atlassian.net.',
      });
    case null:
      return new ApiError('JIRA_UNAVAILABLE', `Nothing answered at ${site}: ${error.message.replace(/^No response from Jira: /, '')}.`, {
        site: 'Check the address and the network, then test again.',
      });
    default:
      return toApiError(error, 'Testing the connection', site);
  }
}
