from __future__ import annotations

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from huddle.auth.models import ROLES, TEAMS


class UserCreate(BaseModel):
    email: EmailStr
    name: str = Field(min_length=1, max_length=200)
    team: str = Field(pattern="^(" + "|".join(TEAMS) + ")$")
    role: str = Field(pattern="^(" + "|".join(ROLES) + ")$")
    password: str | None = Field(default=None, min_length=10, max_length=200)
    manager_id: int | None = None


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    team: str
    role: str
    is_active: bool
