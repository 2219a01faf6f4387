import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { RegionPicker } from '../../../renderer/features/investigation/RegionPicker';

afterEach(cleanup);

function Picker({ initial }: { initial: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <RegionPicker value={value} onChange={setValue} />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

const chosen = () => screen.getByTestId('value').textContent;

describe('the region picker', () => {
  it('is one named dialog holding one multi-select listbox: one tab stop, not one per region', async () => {
    render(<Picker initial={['us-east-1']} />);
    fireEvent.click(screen.getByRole('button', { name: /^Regions/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Choose regions' });
    const list = within(dialog).getByRole('listbox', { name: 'Regions to search' });
    expect(list.getAttribute('aria-multiselectable')).toBe('true');
    expect(list.tabIndex).toBe(0);
    const options = within(list).getAllByRole('option');
    expect(options.length).toBeGreaterThanOrEqual(21);
    expect(within(dialog).queryAllByRole('checkbox')).toHaveLength(0);
    for (const option of options) expect(option.tabIndex).toBe(-1);
    expect(within(list).getByRole('option', { name: 'us-east-1' }).getAttribute('aria-selected')).toBe('true');
  });

  it('moves with the arrow keys and toggles the region under focus with Space', async () => {
    render(<Picker initial={['us-east-1']} />);
    fireEvent.click(screen.getByRole('button', { name: /^Regions/ }));
    const list = await screen.findByRole('listbox', { name: 'Regions to search' });
    expect(list.getAttribute('aria-activedescendant')).toBe('region-option-us-east-1');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('region-option-us-east-2');
    fireEvent.keyDown(list, { key: ' ' });
    expect(chosen()).toBe('us-east-1,us-east-2');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    fireEvent.keyDown(list, { key: ' ' });
    expect(chosen()).toBe('us-east-2');
    fireEvent.keyDown(list, { key: 'End' });
    expect(list.getAttribute('aria-activedescendant')).toBe('region-option-af-south-1');
    fireEvent.click(within(list).getByRole('option', { name: 'eu-west-1' }));
    expect(chosen()).toBe('us-east-2,eu-west-1');
    expect(list.getAttribute('aria-activedescendant')).toBe('region-option-eu-west-1');
  });

  it('says what leaving out us-east-1 misses, and never calls the chosen regions "global services"', () => {
    const { rerender } = render(<RegionPicker value={['us-east-1', 'eu-west-1', 'us-west-2']} onChange={() => {}} />);
    expect(screen.getByRole('button', { name: /^Regions/ }).textContent).toMatch(/^3 regions/);
    expect(document.body.textContent).not.toContain('(global services)');
    expect(screen.queryByText(/Without us-east-1/)).toBeNull();
    rerender(<RegionPicker value={['eu-west-1']} onChange={() => {}} />);
    expect(screen.getByText('Without us-east-1: IAM, STS and console sign-in events are not searched.')).toBeTruthy();
  });
});
