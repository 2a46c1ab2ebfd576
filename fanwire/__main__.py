"""`python -m fanwire` runs the fanwire command."""
from fanwire.cli import cli

if __name__ == "__main__":  # extraction processes import the main module: they must not run the CLI
    cli(prog_name="fanwire")
