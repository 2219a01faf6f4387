import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ColumnMenu } from '../../../renderer/features/events/ColumnMenu';
import { columnTitles } from '../../../renderer/features/events/columns';
import { useColumnPrefs } from '../../../renderer/features/events/useColumnPrefs';

/** The menu and the headers it controls, as the workspace wires them. */
function Harness() {
  const columns = useColumnPrefs();
  const shown = columns.prefs.order.filter((id) => !columns.prefs.hidden.includes(id));
  return (
    <>
      <ColumnMenu prefs={columns.prefs} onToggle={columns.toggle} onMove={columns.move} onReset={columns.reset} />
      <ol aria-label="Headers">
        {shown.map((id) => (
          <li key={id}>{columnTitles[id]}</li>
        ))}
      </ol>
    </>
  );
}

const headers = () => within(screen.getByRole('list', { name: 'Headers' })).getAllByRole('listitem').map((li) => li.textContent);

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the column menu', () => {
  it('hides and moves columns, and remembers both after a restart', () => {
    const { unmount } = render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'User agent' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Event name left' }));
    const expected = headers();
    expect(expected).not.toContain('User agent');
    expect(expected.indexOf('Event name')).toBeLessThan(expected.indexOf('Flag'));
    unmount();
    render(<Harness />);
    expect(headers()).toEqual(expected);
  });

  it('resets to every column in the default order', () => {
    render(<Harness />);
    const defaults = headers();
    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Region' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset columns' }));
    expect(headers()).toEqual(defaults);
  });
});
