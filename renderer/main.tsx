import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The theme first: its base rules (.dialog-content, .badge…) are what the features' own CSS refines.
import './styles/theme.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
