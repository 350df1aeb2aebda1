"""Owning transfers: their order, how many run at once per host, the shared bandwidth cap
and the data budget."""
