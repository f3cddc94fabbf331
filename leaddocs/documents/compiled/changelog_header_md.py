from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'changelog-header.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '# '
    yield str(t_1((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '\n\nAll notable changes to this project are listed here, newest first. Entries are drafted by\n[leaddocs](https://pypi.org/project/leaddocs/) from the git history; edit them freely — an edited\nsection is never rewritten.\n'

blocks = {}
debug_info = '2=19'
# Compiled by Jinja from leaddocs/documents/templates/changelog-header.md.j2.
