import { useEffect, useState } from 'react';

type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'trailcase.theme';

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** Light and dark themes follow the system unless the analyst picks one. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  useEffect(() => {
    if (choice === 'system') {
      delete document.documentElement.dataset.theme;
      localStorage.removeItem(STORAGE_KEY);
    } else {
      document.documentElement.dataset.theme = choice;
      localStorage.setItem(STORAGE_KEY, choice);
    }
  }, [choice]);
  return (
    <label className="theme-toggle">
      <span className="visually-hidden">Theme</span>
      <select aria-label="Theme" value={choice} onChange={(event) => setChoice(event.target.value as ThemeChoice)}>
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
