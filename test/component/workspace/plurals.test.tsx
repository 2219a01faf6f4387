import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { WorkspaceToolbar } from '../../../renderer/features/workspace/WorkspaceToolbar';

afterEach(cleanup);

const noop = () => {};

describe('counts in words', () => {
  it('say "1 event", never "1 events"', () => {
    const { rerender } = render(<WorkspaceToolbar shown={1} total={1} selected={0} onSelectAll={noop} onClearSelection={noop} onCompare={noop} onExport={noop} onDraftTicket={noop} />);
    expect(screen.getByRole('status').textContent).toBe('1 of 1 event · 0 selected');
    rerender(<WorkspaceToolbar shown={2} total={1215} selected={1} onSelectAll={noop} onClearSelection={noop} onCompare={noop} onExport={noop} onDraftTicket={noop} />);
    expect(screen.getByRole('status').textContent).toBe('2 of 1,215 events · 1 selected');
  });
});
