"""One reader per family of formats. Each imports its libraries when called, so that the worker
loads only what the file in hand needs."""
