// Monaco's editor worker, bundled as a file of our own (CSP worker-src 'self').
import 'monaco-editor/esm/vs/editor/editor.worker.js';
