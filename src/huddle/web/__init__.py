"""HTTP plumbing shared by every domain's API and views: app factory, dependencies, templates."""
