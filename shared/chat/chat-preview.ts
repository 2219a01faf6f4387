import type { SlackMessage } from './slack-blocks';
import type { TeamsMessage } from './teams-card';

/** One line of a message as the channel shows it, for the app's preview (rendered as text only). */
export interface ChatPreviewLine {
  kind: 'title' | 'heading' | 'text' | 'item' | 'note' | 'button';
  text: string;
}

function slackLines(message: SlackMessage): ChatPreviewLine[] {
  return message.blocks.flatMap((block): ChatPreviewLine[] => {
    switch (block.type) {
      case 'header':
        return [{ kind: 'title', text: block.text.text }];
      case 'section':
        return block.text.text.split('\n').map((text) => ({ kind: 'text', text }));
      case 'context':
        return block.elements.map((element) => ({ kind: 'note', text: element.text }));
      case 'rich_text':
        return block.elements.flatMap((element): ChatPreviewLine[] =>
          element.type === 'rich_text_section'
            ? [{ kind: 'heading', text: element.elements.map((run) => run.text).join('') }]
            : element.elements.map((item) => ({ kind: 'item', text: item.elements.map((run) => run.text).join('') })),
        );
      case 'actions':
        return block.elements.map((button) => ({ kind: 'button', text: button.text.text }));
    }
  });
}

function teamsLines(message: TeamsMessage): ChatPreviewLine[] {
  const card = message.attachments[0]?.content;
  if (!card) return [];
  const lines = card.body.map((element, i): ChatPreviewLine => {
    if (element.type === 'TextBlock') return { kind: 'heading', text: element.text };
    const text = element.inlines.map((run) => run.text).join('');
    if (i === 0) return { kind: 'title', text };
    return { kind: text.startsWith('• ') ? 'item' : 'text', text: text.replace(/^• /, '') };
  });
  return [...lines, ...card.actions.map((action) => ({ kind: 'button' as const, text: action.title }))];
}

/** The lines of a built message, in the order the channel shows them. */
export function previewLines(message: SlackMessage | TeamsMessage): ChatPreviewLine[] {
  return 'blocks' in message ? slackLines(message) : teamsLines(message);
}
