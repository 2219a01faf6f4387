import { describe, expect, it } from 'vitest';

import { buildAdf } from '../../../shared/ticket/adf-build';
import { buildTicketDraft } from '../../../shared/ticket/draft';
import { renderMarkdown } from '../../../shared/ticket/render-markdown';
import { renderText } from '../../../shared/ticket/render-text';
import { eventsOf, noFlags, recordOf } from './ticket-fixtures';

const createKey = recordOf({
  eventName: 'CreateAccessKey',
  readOnly: false,
  requestParameters: { userName: 'jmorales' },
  responseElements: { accessKey: { userName: 'jmorales', accessKeyId: 'AKIAEXAMPLENEWKEY01' } },
});
const attach = recordOf({
  eventName: 'AttachUserPolicy',
  readOnly: false,
  requestParameters: { userName: 'jmorales', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
});
const secret = recordOf({
  eventSource: 'secretsmanager.amazonaws.com',
  eventName: 'GetSecretValue',
  requestParameters: { secretId: 'prod/db' },
});

describe('the draft’s resources', () => {
  it('lists what the events name by kind, most named first, with how many events named each', () => {
    const text = renderText(buildTicketDraft(eventsOf([createKey, attach, secret]), {}, noFlags));
    const section = text.slice(text.indexOf('RESOURCES NAMED IN THE EVENTS'), text.indexOf('WHEN'));
    expect(section.split('\n').filter((line) => line.startsWith('  * '))).toEqual([
      '  * IAM user: jmorales (2 events)',
      '  * Access key: AKIAEXAMPLENEWKEY01',
      '  * IAM policy: arn:aws:iam::aws:policy/AdministratorAccess',
      '  * Secret: prod/db',
    ]);
  });

  it('fills the table’s Resource cell from the request parameters', () => {
    const draft = buildTicketDraft(eventsOf([createKey, secret]), {}, noFlags);
    expect(draft.rows.map((row) => row.resource)).toEqual(['jmorales, AKIAEXAMPLENEWKEY01', 'prod/db']);
  });

  it('leaves the section out when no event names a resource', () => {
    const markdown = renderMarkdown(buildTicketDraft(eventsOf([recordOf()]), {}, noFlags));
    expect(markdown).not.toContain('Resources named');
  });

  it('keeps a hostile resource name inert: a code span in Markdown, plain text in ADF', () => {
    const hostile = recordOf({
      eventName: 'CreateUser',
      readOnly: false,
      requestParameters: { userName: '[x|https://evil.test] **bold** <img src=x>' },
    });
    const draft = buildTicketDraft(eventsOf([hostile]), {}, noFlags);
    expect(renderMarkdown(draft)).toContain('**IAM user:** `[x|https://evil.test] **bold** <img src=x>`');
    const adf = JSON.stringify(buildAdf(draft).document);
    expect(adf).not.toContain('"type":"link"');
    expect(adf).toContain('[x|https://evil.test] **bold** <img src=x>');
  });
});
