// Entry point of a fixture action; never run.
