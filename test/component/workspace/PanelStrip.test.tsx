import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { PanelStrip, usePanels } from '../../../renderer/features/workspace/PanelStrip';

function Harness() {
  const panels = usePanels();
  return (
    <>
      <PanelStrip open={panels.open} onToggle={panels.set} counts={{ detections: 16 }} />
      {panels.open.overview && <div data-testid="overview" />}
    </>
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('PanelStrip', () => {
  it('shows every panel at first, each toggle saying so', () => {
    render(<Harness />);
    for (const name of ['Search', 'Timeline and charts', 'What stands out (16)', 'Sessions']) {
      expect(screen.getByRole('button', { name }).getAttribute('aria-expanded')).toBe('true');
    }
    expect(screen.getByRole('button', { name: 'Timeline and charts' }).getAttribute('aria-controls')).toBe('panel-overview');
  });

  it('hides a panel and remembers it after the page is loaded again', () => {
    const first = render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Timeline and charts' }));
    expect(screen.queryByTestId('overview')).toBeNull();
    first.unmount();
    render(<Harness />);
    expect(screen.queryByTestId('overview')).toBeNull();
    expect(screen.getByRole('button', { name: 'Timeline and charts' }).getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Timeline and charts' }));
    expect(screen.getByTestId('overview')).toBeTruthy();
  });
});
