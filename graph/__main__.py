"""python -m graph: the newskg command line."""

from graph.cli import main

main(prog_name="newskg")
