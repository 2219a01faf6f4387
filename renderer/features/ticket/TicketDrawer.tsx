import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState } from 'react';

import type { NormalizedEvent } from '../../../shared/records/types';
import type { DraftAnalysis } from '../../../shared/ticket/analysis-context';
import { buildTicketDraft, withStoryEdits } from '../../../shared/ticket/draft';
import type { TicketDraft } from '../../../shared/ticket/draft';
import { cleanSummary } from '../../../shared/ticket/summary';
import { SendToChat } from '../chat/SendToChat';
import { DraftEditor } from './DraftEditor';
import { DraftExport } from './DraftExport';
import { DraftPreview } from './DraftPreview';
import { formFields, IssueForm } from './IssueForm';
import { JiraConnectionForm } from './JiraConnectionForm';
import { StoryEditor } from './StoryEditor';
import { submitGate } from './submit-gate';
import { SubmitPanel } from './SubmitPanel';
import { useDraftState } from './useDraftState';
import type { DraftInput } from './useDraftState';
import { useIssueMeta } from './useIssueMeta';
import { useJiraConnection } from './useJiraConnection';
import { useSubmit } from './useSubmit';
import './ticket.css';

export interface TicketDrawerProps {
  open: boolean;
  onClose(): void;
  /** The analyst's selection. */
  events: NormalizedEvent[];
  fetchId: string | null;
  /** The host's analysis of the fetch, for the draft's findings and enrichment (null until it arrives). */
  analysis?: DraftAnalysis | null;
}

/** The drawer: draft editor, Jira-like preview, Jira connection, issue form and submit. */
export function TicketDrawer(props: TicketDrawerProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="ticket-overlay" />
        <Dialog.Content className="ticket-drawer" aria-describedby="ticket-drawer-description">
          {props.open && <TicketDrawerBody {...props} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function withDefaults(
  input: DraftInput,
  defaults: { projectKey: string | null; issueTypeId: string | null; fields: Record<string, string> } | undefined,
): DraftInput {
  if (input.projectKey !== null || !defaults?.projectKey) return input;
  return {
    ...input,
    projectKey: defaults.projectKey,
    issueTypeId: input.issueTypeId ?? defaults.issueTypeId,
    fields: { ...defaults.fields, ...input.fields },
  };
}

function TicketDrawerBody({ onClose, events, fetchId, analysis = null }: TicketDrawerProps) {
  const eventIds = useMemo(() => events.map((event) => event.id), [events]);
  const draftState = useDraftState(fetchId ?? 'scratch', fetchId, eventIds);
  const connection = useJiraConnection();
  const connected = connection.info?.hasToken ?? false;
  const input = withDefaults(draftState.input, connection.info?.defaults);
  const meta = useIssueMeta(connected, connection.info?.site ?? null, input.projectKey, input.issueTypeId);
  const submit = useSubmit();
  // Once Submit was tried, every field says what it still needs.
  const [submitTried, setSubmitTried] = useState(false);

  // Rules run over every event once per selection; typing only swaps the analyst's parts.
  const generated = useMemo(() => buildTicketDraft(events, {}, undefined, analysis), [events, analysis]);
  const edited = useMemo(() => withStoryEdits(generated, draftState.input.storyEdits), [generated, draftState.input.storyEdits]);
  const draft: TicketDraft = useMemo(
    () => ({
      ...edited,
      summary: draftState.input.summary?.trim() ? cleanSummary(draftState.input.summary) : generated.generatedSummary,
      analystText: draftState.input.analystText,
      ...(draftState.input.containment?.length ? { containment: draftState.input.containment } : {}),
    }),
    [edited, generated.generatedSummary, draftState.input.summary, draftState.input.analystText, draftState.input.containment],
  );
  const update = (change: Partial<DraftInput>) => draftState.update({ ...input, ...change });

  const issueTypeName =
    meta.issueTypes.kind === 'ready'
      ? (meta.issueTypes.value.issueTypes.find((type) => type.id === input.issueTypeId)?.name ?? null)
      : null;
  const shownFields = meta.fields.kind === 'ready' ? formFields(meta.fields.value.fields) : null;
  const fieldErrors = submit.state.kind === 'failed' ? (submit.state.error.fields ?? {}) : {};
  const { blocked, complete, problems, unplacedErrors } = submitGate({
    eventCount: events.length,
    fetchId,
    connected,
    submitTried,
    input,
    shownFields,
    fieldErrors,
  });

  const onSubmit = () => {
    setSubmitTried(true);
    if (!fetchId || !input.projectKey || !input.issueTypeId || !complete) return;
    void submit.submit({
      fetchId,
      eventIds,
      summary: draftState.input.summary,
      analystText: input.analystText,
      projectKey: input.projectKey,
      issueTypeId: input.issueTypeId,
      fields: input.fields,
      storyEdits: draftState.input.storyEdits,
      ...(draftState.input.containment?.length ? { containment: draftState.input.containment } : {}),
    });
  };

  return (
    <>
      <header className="ticket-drawer-header">
        <Dialog.Title>Jira ticket</Dialog.Title>
        <Dialog.Description id="ticket-drawer-description">
          From {events.length} selected event{events.length === 1 ? '' : 's'}. Your text is saved as you type.
        </Dialog.Description>
        <Dialog.Close asChild>
          <button type="button" className="ghost" aria-label="Close the ticket drawer" onClick={onClose}>
            ✕
          </button>
        </Dialog.Close>
      </header>
      <div className="ticket-drawer-body">
        <div className="ticket-column">
          <DraftEditor
            draft={draft}
            input={draftState.input}
            onChange={draftState.update}
            save={draftState.save}
            disabled={!draftState.ready}
            errors={fieldErrors}
          />
          {generated.generatedStory && (
            <StoryEditor
              story={generated.generatedStory}
              edits={draftState.input.storyEdits}
              onChange={(storyEdits) => draftState.update({ storyEdits })}
              disabled={!draftState.ready}
            />
          )}
          <details className="ticket-section" open={!connected}>
            <summary>{connected ? `Jira: ${connection.info?.site ?? ''}${connection.info?.email ? ` (${connection.info.email})` : ' (Data Center)'}` : 'Connect to Jira'}</summary>
            {connection.info && <JiraConnectionForm key={`${connection.info.site}|${connection.info.email}`} connection={connection} />}
          </details>
          {connected && (
            <IssueForm
              meta={meta}
              input={input}
              onChange={update}
              fieldErrors={fieldErrors}
              problems={problems}
              showAll={submitTried}
              suggestedPriority={draft.priority}
            />
          )}
          <SubmitPanel
            state={submit.state}
            pending={submit.pending}
            blocked={blocked}
            onSubmit={onSubmit}
            onNewTicket={submit.reset}
            unplacedErrors={unplacedErrors}
            onRetry={(id, resend) => void submit.retry(id, resend)}
            onDiscard={(id) => void submit.discard(id)}
          />
          <SendToChat fetchId={fetchId} eventIds={eventIds} issueKey={submit.state.kind === 'done' ? submit.state.result.issueKey : null} />
        </div>
        <div className="ticket-column ticket-column-preview" role="region" aria-label="Ticket preview" tabIndex={0}>
          <DraftExport draft={draft} />
          <DraftPreview draft={draft} projectKey={input.projectKey} issueTypeName={issueTypeName} />
        </div>
      </div>
    </>
  );
}
