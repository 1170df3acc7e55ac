"""FastAPI dependencies as Annotated aliases: settings, the database session, the principal."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from sync.server.auth import Principal, current_principal, get_settings, require_roles
from sync.server.db import get_session
from sync.server.models import Role
from sync.server.settings import Settings

SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
CurrentUser = Annotated[Principal, Depends(current_principal)]
OfficeUser = Annotated[Principal, Depends(require_roles(Role.OFFICE, Role.SUPERVISOR, Role.ADMIN))]
SupervisorUser = Annotated[Principal, Depends(require_roles(Role.SUPERVISOR, Role.ADMIN))]
AdminUser = Annotated[Principal, Depends(require_roles(Role.ADMIN))]
