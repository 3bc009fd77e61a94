"""Arabic date formats as Moroccan texts write them: «21 يناير 2020», 24-hour time, weeks
starting on Monday. Django's `ar` puts an Arabic comma after the month and uses a 12-hour
clock; anything not set here falls back to Django's `ar` formats (month names come from
locale/ar, see docs/arabic.md)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
