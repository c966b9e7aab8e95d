"""Hand-off: routing a new MQL to a sales owner, the hand-off packet, the sales queue
(accept / reject with a reason) and recycling back to marketing nurture."""
