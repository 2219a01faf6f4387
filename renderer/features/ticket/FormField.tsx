import { useId } from 'react';
import type { ReactNode } from 'react';

/** What a control needs to be tied to its label and its message. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/**
 * One labelled field with its message underneath, tied to the control for screen readers. The
 * message is whatever is wrong now: it goes as soon as the value is fixed.
 */
export function FormField(props: {
  label: ReactNode;
  error: string | null;
  help?: ReactNode;
  children(control: FieldControlProps): ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  const helpId = `${id}-help`;
  const describedBy = [props.error ? messageId : '', props.help ? helpId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ticket-field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-invalid': props.error !== null, 'aria-describedby': describedBy })}
      {props.error && (
        <div id={messageId} className="ticket-field-error">
          {props.error}
        </div>
      )}
      {props.help && (
        <div id={helpId} className="ticket-help">
          {props.help}
        </div>
      )}
    </div>
  );
}
