import type { chatContract } from '../../../shared/api/chat-contract';
import type { ChatService } from '../../services/chat/chat-service';
import type { HandlerMap } from './handler-map';

/** The chat methods: webhook status (never the URL), save and forget, preview and send. */
export function createChatHandlers(chat: ChatService): HandlerMap<typeof chatContract> {
  return {
    getChatStatus: () => chat.status(),
    saveChatWebhook: ({ channel, url }) => chat.save(channel, url),
    forgetChatWebhook: ({ channel }) => chat.forget(channel),
    previewChatMessage: (selection) => chat.preview(selection),
    sendToChat: (selection) => chat.send(selection),
  };
}
