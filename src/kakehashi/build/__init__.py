"""One build of the portal: its checked state, the hand-off to language workers, caches, search index, static server."""
