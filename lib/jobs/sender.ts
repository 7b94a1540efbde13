// Where the outbox's messages go. No real SMS gateway or mail relay exists yet (issue 16): the default sender only
// says that it would send, by message id and channel — never the recipient or the text (personal data).

export type OutboxMessage = {
  id: string;
  kind: string;
  channel: "SMS" | "EMAIL";
  /** the phone number (SMS) or the e-mail address (EMAIL) */
  to: string;
  text: string;
};

/** A gateway's refusal: `code` is kept on the message (lastError), so it must not contain personal data. */
export class SendError extends Error {
  constructor(readonly code: string) {
    super(`sending failed: ${code}`);
  }
}

export interface MessageSender {
  /** Resolves when the gateway has accepted the message; throws (preferably a SendError) when it has not. */
  send(message: OutboxMessage): Promise<void>;
}

export const logOnlySender: MessageSender = {
  async send(message) {
    console.info(`[outbox] would send ${message.channel} ${message.kind} message ${message.id}`);
  },
};
