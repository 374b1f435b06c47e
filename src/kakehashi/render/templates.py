"""HTML and SVG the core generates, from Jinja templates in ``render/templates/``.

Every value is escaped by Jinja's autoescaping (MarkupSafe, the escaper ``render.html`` uses too);
text a template must insert as is comes as ``Markup``. Output is compact (no blank line), so that it
stays one raw HTML block in the Markdown of a generated page.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

_env = Environment(
    loader=PackageLoader("kakehashi.render", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(name: str, **values) -> str:
    """The template ``name`` filled with ``values``, its lines joined (no blank line in the output)."""
    return "".join(line.strip() for line in _env.get_template(name).render(**values).splitlines())
