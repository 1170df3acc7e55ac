"""Office accounts: staff list them; an administrator adds them."""

from __future__ import annotations

from fastapi import APIRouter, status
from sqlalchemy import select

from sync.server import audit
from sync.server.deps import AdminUser, OfficeUser, SessionDep
from sync.server.models import User
from sync.server.schemas.people import UserCreate, UserPublic
from sync.server.users import create_user

router = APIRouter(prefix="/users", tags=["users"])


@router.get("", response_model=list[UserPublic])
def list_users(_who: OfficeUser, session: SessionDep) -> list[UserPublic]:
    users = session.scalars(select(User).order_by(User.username))
    return [UserPublic.model_validate(user) for user in users]


@router.post("", response_model=UserPublic, status_code=status.HTTP_201_CREATED)
def add_user(body: UserCreate, who: AdminUser, session: SessionDep) -> UserPublic:
    user = create_user(
        session,
        body.username,
        body.role,
        body.password,
        display_name=body.display_name,
        language=body.language,
    )
    audit.record(
        session, who, "user.create", "user", user.id, {"username": user.username, "role": user.role}
    )
    session.commit()
    return UserPublic.model_validate(user)
