"""The pages that belong to no one domain: home (the overview) and the API reference."""
