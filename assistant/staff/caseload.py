"""The caseload: /<slug>/staff/complaints. (Being built.)"""

from .auth import bp  # noqa: F401
