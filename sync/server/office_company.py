"""The company as the office knows it: profile for documents, working-day calendar for clocks."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldtech.company import CompanySettings
from fieldtech.rules.calendar import WorkingCalendar
from sync.server.settings import Settings


def office_company(_session: Session, settings: Settings) -> CompanySettings:
    """The company's settings in the office's time zone (the built-in profile until configured)."""
    return CompanySettings(timezone=settings.timezone)


def office_calendar(session: Session, settings: Settings) -> WorkingCalendar:
    """The working-day calendar (China's public holidays by default) behind the response clocks
    and the promised return dates."""
    return office_company(session, settings).calendar()
