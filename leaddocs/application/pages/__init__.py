"""The site's pages as Markdown documents, built from records: the MkDocs plugin places them,
it renders nothing itself. Every piece of outside text is escaped here (``leaddocs.markup``)."""
