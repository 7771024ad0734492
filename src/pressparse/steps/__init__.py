"""The pipeline steps (listed in order in `pressparse.pipeline`) and the page state, language data and caches
they share."""
