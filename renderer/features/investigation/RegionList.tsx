import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

export interface RegionListProps {
  options: readonly string[];
  value: string[];
  onToggle(region: string): void;
  onSetAll(regions: string[]): void;
}

const optionId = (region: string) => `region-option-${region}`;

/**
 * The regions as one multi-select listbox (WAI-ARIA APG): one tab stop, arrow keys move, Space
 * toggles the region under focus, Ctrl+A selects all (again: none). A click toggles too.
 */
export function RegionList({ options, value, onToggle, onSetAll }: RegionListProps) {
  const [active, setActive] = useState(() => Math.max(0, options.findIndex((region) => value.includes(region))));
  const current = Math.min(active, options.length - 1);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const element = list.current?.querySelector(`#${CSS.escape(optionId(options[current] ?? ''))}`);
    if (element && 'scrollIntoView' in element) element.scrollIntoView({ block: 'nearest' });
  }, [current, options]);

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -options.length, End: options.length };
    if (event.key in moves) {
      setActive(Math.max(0, Math.min(options.length - 1, current + moves[event.key]!)));
    } else if (event.key === ' ' || event.key === 'Enter') {
      const region = options[current];
      if (region) onToggle(region);
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      onSetAll(options.every((region) => value.includes(region)) ? [] : [...options]);
    } else return;
    event.preventDefault();
  };

  return (
    <ul
      ref={list}
      className="region-grid"
      role="listbox"
      aria-multiselectable="true"
      aria-label="Regions to search"
      aria-describedby="regions-keys"
      aria-activedescendant={options[current] ? optionId(options[current]) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {options.map((region, index) => (
        <li
          key={region}
          id={optionId(region)}
          role="option"
          aria-selected={value.includes(region)}
          className={index === current ? 'region-option active' : 'region-option'}
          onClick={() => {
            setActive(index);
            onToggle(region);
          }}
        >
          <span className="region-check" aria-hidden="true" />
          {region}
        </li>
      ))}
    </ul>
  );
}
