import type { ConsoleAction } from './action';
import { labelText } from './action';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function when(time: number): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return 'At an unknown time';
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `On ${date.getUTCDate()} ${months[date.getUTCMonth()]} at ${hh}:${mm} UTC`;
}

function lowerFirst(text: string): string {
  return text ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * Plain sentences for the ticket's story, one per action in time order ("On 30 November at
 * 15:13 UTC jmorales opened IAM › Users › dana.reyes."). The same action repeated by the same
 * person in a row is told once, with how many times. The text is plain: values from the events
 * stay as they were, for the caller to place as text, never markup.
 */
export function describeActions(actions: readonly ConsoleAction[]): string[] {
  const sentences: string[] = [];
  for (let i = 0; i < actions.length; ) {
    const action = actions[i]!;
    const label = labelText(action);
    let j = i + 1;
    while (j < actions.length && actions[j]!.actor === action.actor && labelText(actions[j]!) === label) j++;
    const times = j - i;
    const who = action.actor || 'someone';
    const repeat = times > 1 ? ` (${times} times, until ${when(actions[j - 1]!.start).replace(/^On /, '')})` : '';
    sentences.push(`${when(action.start)} ${who} ${lowerFirst(label)}${repeat}.`);
    i = j;
  }
  return sentences;
}
