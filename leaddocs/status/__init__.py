"""The status page's domain: the period, the lead's notes, the rules that raise risks, the
comparison with the previous page. Plain data in and out: no git, no forge, no files."""
