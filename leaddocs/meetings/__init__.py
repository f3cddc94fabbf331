"""Meetings: notes and transcripts read into decisions, action items and open questions."""
