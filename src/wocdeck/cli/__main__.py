"""`python -m wocdeck.cli`: run the command line."""

from wocdeck.cli import main

main()
