"""Reading history: the git door, commit parsing, versions, and grouping into changes."""
