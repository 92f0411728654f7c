/** Put this in `props` for a value that is unknown at preview (the engine's own sentinel for strings). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
