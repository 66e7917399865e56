"""Pure domain code: landlord policy profiles, exclusions, working days and timelines.

Nothing in this package may import Flask: it is used by the web app, the command line
and plain unit tests alike.
"""
