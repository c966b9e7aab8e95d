"""In-app notifications, their emails and outbound webhooks, delivered by jobs."""
