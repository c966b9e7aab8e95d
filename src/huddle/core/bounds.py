"""Numbers the database can hold: ids are 64-bit, counts and scores 32-bit (PostgreSQL's
``integer``). Input outside them is a 422 naming the field, never a database error."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_ROW_ID = 2**63 - 1
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
