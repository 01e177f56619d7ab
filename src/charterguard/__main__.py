"""`python -m charterguard` runs the command line."""

from .cli import main

main()
