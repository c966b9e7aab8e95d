"""What integrators are sent: the domain events of the webhooks catalogue."""
