"""Auth's queries: users, sign-in sessions and attempts, API tokens, password resets."""
