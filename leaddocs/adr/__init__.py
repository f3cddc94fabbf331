"""Architecture decision records: read every style in use, write MADR 4, keep the log whole."""
