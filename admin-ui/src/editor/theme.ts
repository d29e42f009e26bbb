import { EditorView } from '@codemirror/view';

/**
 * The editors' look: the app's type and focus, and colours with at least 4.5:1 contrast (CodeMirror's own
 * gutter grey and placeholder are too pale for WCAG AA on their backgrounds).
 */
export const editorTheme = EditorView.theme({
  '&': { fontSize: '0.95rem', backgroundColor: '#ffffff', color: '#1b1b1b' },
  // The host draws the focus ring around the whole editor; CodeMirror's dotted outline would be a second one.
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace", lineHeight: '1.5' },
  '.cm-content': { padding: '0.4rem 0' },
  '.cm-gutters': { backgroundColor: '#f3f6f8', color: '#3f474c', borderRight: '1px solid #b7cde0' },
  '.cm-activeLineGutter': { backgroundColor: '#dde9f3', color: '#1b1b1b' },
  '.cm-activeLine': { backgroundColor: '#f2f7fb' },
  '.cm-lintRange-error': { backgroundColor: '#fde7e5' },
  '.cm-lintRange-warning': { backgroundColor: '#fff4d6' },
  '.cm-tooltip': { color: '#1b1b1b', backgroundColor: '#ffffff', border: '1px solid #505a5f' },
  '.cm-tooltip-lint': { maxWidth: '60ch' },
  '.cm-diagnosticSource': { color: '#4a5257' },
  '.cm-diagnosticAction': { backgroundColor: '#0b4f8a', color: '#ffffff' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: '#0b4f8a', color: '#ffffff' },
  '.cm-completionDetail': { color: '#4a5257' },
  '.cm-completionInfo': { color: '#1b1b1b' },
});
