"""Users, teams, roles, login sessions."""
