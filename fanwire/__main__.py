"""`python -m fanwire` runs the fanwire command."""
from fanwire.cli import cli

cli(prog_name="fanwire")
