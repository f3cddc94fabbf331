"""What the drafts were worth: draft records, the measure of what a review kept, the totals."""
