"""The company as the office knows it: profile for documents, working-day calendar for clocks."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldtech.company import CompanySettings
from fieldtech.rules.calendar import WorkingCalendar
from fieldtech.usecases.company import settings_from_tables
from sync.server.settings import Settings


def office_company(session: Session, settings: Settings) -> CompanySettings:
    """The settings configured in the dashboard (the same tables laptops receive by sync), or
    the built-in company in the office's time zone while nothing is configured."""
    return settings_from_tables(session) or CompanySettings(timezone=settings.timezone)


def office_calendar(session: Session, settings: Settings) -> WorkingCalendar:
    """The working-day calendar (China's public holidays by default, with the company's own
    days off and working days) behind the response clocks and the promised return dates."""
    return office_company(session, settings).calendar()
