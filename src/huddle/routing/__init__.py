"""Hand-off and routing: routing rules, team pools, hand-offs, the sales queue, recycling."""
