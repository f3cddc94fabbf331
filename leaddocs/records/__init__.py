"""Documents a team writes from a leaddocs template and keeps in a folder of its repository:
RFCs (``rfc.py``) and runbooks (``runbook.py``). Made here as documents, read back for the
site and the status page; nothing here writes (delivery does)."""
