"""Kazakhstan time: what a submission time with an offset means at the branch.

The Rules count in the branches' local time (the 18:30 cut-off of item 7 of Annexes 1 and
2). Since 1 March 2024 the whole country is on UTC+5 (Government decree of 2024; `Asia/Almaty`
in tzdata 2024a and later). Before that Kazakhstan had two zones: UTC+6 (Astana, Almaty and
most regions: `Asia/Almaty`) and UTC+5 (Aktobe, Atyrau, West Kazakhstan and Mangystau, and
Kyzylorda from 21 December 2018). A time given with an offset (`Z`, `+HH:MM`) is converted
to UTC+5 from 1 March 2024 (from 2024-02-29 18:00 UTC, when Almaty's clocks went back) and to
UTC+6 (Asia/Almaty's history) before, with a warning that the western regions were on UTC+5
then. A time without an offset is taken as local time, as written.

>>> from datetime import datetime
>>> to_local(datetime.fromisoformat("2026-03-02T14:00Z"))
(datetime.datetime(2026, 3, 2, 19, 0), [])
>>> to_local(datetime(2026, 3, 2, 14, 0))
(datetime.datetime(2026, 3, 2, 14, 0), [])
>>> to_local(datetime.fromisoformat("2024-02-29T17:59Z"))[0]
datetime.datetime(2024, 2, 29, 23, 59)
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

#: The instant Kazakhstan moved to one zone, UTC+5 (2024-03-01 00:00 at UTC+6).
SINGLE_ZONE_FROM = datetime(2024, 2, 29, 18, 0, tzinfo=timezone.utc)
NOW_OFFSET = timezone(timedelta(hours=5))
ALMATY_BEFORE = timezone(timedelta(hours=6))

BEFORE_2024_WARNING = (
    "the time is before 1 March 2024, when Kazakhstan had two time zones: it was converted to UTC+6 "
    "(Astana, Almaty and most regions); the western regions (Aktobe, Atyrau, West Kazakhstan, Mangystau, and "
    "Kyzylorda from 21 December 2018) were on UTC+5: give the local time without an offset for a branch there"
)


def to_local(value: datetime) -> tuple[datetime, list[str]]:
    """`value` as naive Kazakhstan local time, with warnings (see the module's description)."""
    if value.tzinfo is None or value.utcoffset() is None:
        return value, []
    instant = value.astimezone(timezone.utc)
    if instant >= SINGLE_ZONE_FROM:
        return instant.astimezone(NOW_OFFSET).replace(tzinfo=None), []
    return instant.astimezone(ALMATY_BEFORE).replace(tzinfo=None), [BEFORE_2024_WARNING]
