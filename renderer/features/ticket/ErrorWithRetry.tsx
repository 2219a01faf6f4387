/** An error in words, with the one button that tries the same thing again. */
export function ErrorWithRetry({ message, onRetry, retryLabel = 'Retry' }: { message: string; onRetry(): void; retryLabel?: string }) {
  return (
    <div role="alert" className="ticket-error">
      <span>{message}</span>
      <button type="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
