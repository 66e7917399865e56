"""One case: /<slug>/staff/complaints/<reference>. (Being built.)"""

from .auth import bp  # noqa: F401
