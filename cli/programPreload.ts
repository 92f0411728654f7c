/**
 * Loaded into the program's process (through NODE_OPTIONS `--require`) before Pulumi's `cmd/run`:
 * what the command changes in the program's runtime, none of which changes what the program does
 * or prints. Each part says why.
 */
import "./inspectGuard";
import "./stackMemo";
import "./quietDebugLogs";
