"""Month arithmetic the datetime module lacks. A month index is year * 12 + month - 1."""

import calendar
import datetime

D = datetime.date


def add_months(d, n):
    """The same day n months later (earlier for n < 0), or the month's last day if shorter."""
    year, month = month_start(month_index(d) + n)
    return D(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_days(d, n):
    return d + datetime.timedelta(days=n)


def month_index(d):
    return d.year * 12 + d.month - 1


def month_start(i):
    """(year, month) of a month index."""
    return (i // 12, i % 12 + 1)


def first_weekday(year, month):
    d = D(year, month, 1)
    while d.weekday() >= 5:
        d = add_days(d, 1)
    return d


def iso(d):
    return d.isoformat()
