"""The validator: the engine, typed findings, the rule registry and its rules, and the typography fixer."""
