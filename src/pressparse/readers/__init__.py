"""Input readers: finding the pages a command names and turning their bytes into text."""
