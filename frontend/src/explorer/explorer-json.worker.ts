// Monaco's JSON worker (variables, headers and the response editor).
import 'monaco-editor/esm/vs/language/json/json.worker.js';
