"""The permission matrix's world, its route map and how requests are sent (see
``tests/auth/test_permission_matrix.py``)."""
