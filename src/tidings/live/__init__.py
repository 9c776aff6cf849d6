"""Live use of one store: the process that owns it, readers beside it, and the watch loop."""
