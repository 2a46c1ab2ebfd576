"""fanwire: archive anime fan news (command line and the built-in demo world)."""
