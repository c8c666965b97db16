"""Commands: one module per family, each with its functions, its result types and their JSON.

A function takes the run's context (``commands.context``) and the arguments the command table
declares, and returns a result; it never prints.
"""
