/**
 * Placeholder entry until the panel lands (issue 4): says the API is up and where it is, so
 * `npm start` serves a real page. Replaced by the React + Mantine panel.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Placeholder() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto', lineHeight: 1.5 }}>
      <h1>netstage</h1>
      <p>
        The node-side API is running under <code>/api/v1</code>. The network panel itself is not part of this version yet.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
