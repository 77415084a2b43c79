// The changes feature is loaded lazily (app/network-page.tsx imports its components with React.lazy,
// keeping the diff parser out of the first load); only these light pieces are imported directly.
export { useChanges } from './api/get-changes';
