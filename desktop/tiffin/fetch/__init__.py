"""Getting things: refreshing subscriptions, subscribing to a new address."""
