"""Every network request goes through here: one client factory, fetching with caps and retries."""
