import { describe, expect, it, vi } from 'vitest';

import { buildTicketDraft } from '../../../shared/ticket/draft';
import { renderAdf } from '../../../shared/ticket/render-adf';
import { eventsOf, noFlags, recordOf } from './ticket-fixtures';

describe('the ADF validator', () => {
  it('writes nothing to the console (the CLI’s stderr stays clean)', () => {
    const spies = (['error', 'warn', 'log'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
    renderAdf(buildTicketDraft(eventsOf([recordOf()]), {}, noFlags));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
