"""Everything shown to readers that the portal generates: pages, fragments, feeds, calendars, SEO, UI text."""
