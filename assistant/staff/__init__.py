"""Staff: accounts made on the command line, sign-in and sign-out, and the guard for staff pages.

Every staff URL starts with the landlord's slug (/<slug>/staff/...), as the resident's do; a
member of staff belongs to one landlord and is signed in for that landlord only.
"""

# The modules that add pages to the staff blueprint (importing them registers their routes).
from . import auth, case, caseload  # noqa: E402,F401
