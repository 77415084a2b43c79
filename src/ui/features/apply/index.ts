// The apply feature: the Network page uses the flow hook, the banner, the toolbar's controls and the
// overlays; the dialogs and the history drawer are lazy chunks (lazy.ts) loaded by ApplyOverlays.
export { useApplyFlow, type ApplyFlow } from './hooks/use-apply-flow';
export { ApplyBanner } from './components/apply-banner';
export { ApplyControls } from './components/apply-controls';
export { ApplyOverlays } from './components/apply-overlays';
