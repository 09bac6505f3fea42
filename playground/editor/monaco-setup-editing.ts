/**
 * Monaco's plain editing features (commands, clipboard, find, folding…): the second setup chunk, evaluated
 * in a task of its own after the core (see monaco-loader.ts). Editor contributions are read when an editor
 * is created, so this runs before any editor exists. TypeScript's language service (through Monaco's
 * internal/common/workers.js) would pull in every contribution by itself; monacoTrimPlugin() cuts that, and
 * this list and monaco-setup-language.ts are what the editor has.
 */
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/wordHighlighter/register";
