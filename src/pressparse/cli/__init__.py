"""The command line: the `pressparse` commands, batch runs over many pages, output formats, `explain`."""
