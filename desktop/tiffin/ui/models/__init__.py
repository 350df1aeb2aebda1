"""Qt item models over library queries."""
