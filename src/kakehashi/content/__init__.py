"""Pages as documents: reading, the Markdown model, language variants and groups, facts, pins, translation status, typography."""
