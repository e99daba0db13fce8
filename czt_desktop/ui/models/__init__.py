"""Qt item models over the content, with their sort/filter proxies (one module each)."""
