// Starts the renderer: connects to the app (Electron bridge or browser-mode HTTP) and mounts the App.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './api';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={getBridge()} />
    </StrictMode>,
  );
}
